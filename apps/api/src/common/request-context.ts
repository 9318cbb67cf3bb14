import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';
import type { OutboundRequestKind } from '@flex-sms/domain';
import { requestIdOf } from './request-id';

/**
 * What the API learns about one HTTP request while it runs, for its log line and metrics: the Twilio requests it
 * made (the Twilio client's observer adds to it), and, on a sending route, whether the send reached the journal.
 * Whatever is logged while it runs carries its request id.
 */
export class RequestContext {
  constructor(readonly requestId: string) {}

  twilioRequests = 0;
  twilioMs = 0;
  /** Set by the guard on a route that sends SMS: which kind of send it is. */
  sends?: OutboundRequestKind;
  /** Set when the send was journaled (its outcome is then counted from the journal, not from the HTTP status). */
  journaled = false;
  /** Set by the guard when the metrics scraper's token (METRICS_TOKEN) let the request in. */
  metricsScraper = false;
}

const storage = new AsyncLocalStorage<RequestContext>();

/**
 * Express middleware: the request's context, for everything the request runs (Twilio's observer finds it through
 * AsyncLocalStorage). Registered after the body parsers: their stream events would otherwise run outside it.
 */
export function requestContextMiddleware(_req: Request, res: Response, next: NextFunction): void {
  const context = new RequestContext(requestIdOf(res));
  res.locals.requestContext = context;
  storage.run(context, next);
}

/** The context of the request this code runs for; undefined outside one (start-up, clean-up jobs). */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** The context of a request, once it is answered (for its log line); undefined if it ended before the middleware. */
export function requestContextOf(res: Response): RequestContext | undefined {
  const context: unknown = res.locals?.requestContext;
  return context instanceof RequestContext ? context : undefined;
}
