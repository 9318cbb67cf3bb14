import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { callerReference, requestCaller } from '../../auth/caller';
import { requestIdOf } from '../request-id';
import type { LogRedactor } from './log-redactor';

const logger = new Logger('HTTP');

/**
 * One line per request once it is answered: method, path and query (redacted), status, duration, caller, request
 * id. Never headers or bodies.
 */
export function requestLogger(redactor: LogRedactor) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const caller = requestCaller(req);
      logger.log(
        `${req.method} ${redactor.redact(req.originalUrl)} → ${res.statusCode} ${ms.toFixed(0)} ms ${caller ? callerReference(caller) : '-'} [${requestIdOf(res)}]`,
      );
    });
    next();
  };
}
