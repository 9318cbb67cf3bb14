import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** A caller's id is kept when it is a plausible id (so it can be traced through a gateway), replaced otherwise. */
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/** Express middleware: every response carries X-Request-Id, the caller's or a new UUID. Runs first. */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header(REQUEST_ID_HEADER);
  const id = incoming && ACCEPTABLE.test(incoming) ? incoming : randomUUID();
  res.locals.requestId = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  next();
}

export function requestIdOf(res: Response): string {
  return typeof res.locals?.requestId === 'string' ? res.locals.requestId : 'unknown';
}
