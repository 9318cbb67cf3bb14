import { Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { describeError } from './describe-error';
import { ErrorBody } from './error-body';
import { LogRedactor, STRICT_REDACTOR } from './logging/log-redactor';
import { requestIdOf } from './request-id';
import { TooManyRequestsException } from './too-many-requests.exception';

const logger = new Logger('HTTP');

/**
 * Answers `error` in the one error shape, and logs what the caller must not see. Shared by the Nest exception
 * filter and the express error handler (errors raised before Nest routing, such as a malformed JSON body).
 * Logs name the method and path only: never headers (Authorization) or bodies; what is logged (the path, a stack
 * whose message may quote a request) goes through the redactor.
 */
export function sendError(error: unknown, req: Request, res: Response, redactor: LogRedactor = STRICT_REDACTOR): void {
  const { logAs, logNote, retryAfterSeconds, ...described } = describeError(error);
  const requestId = requestIdOf(res);
  // For the request's log line and the errors_total metric, written once the answer has gone.
  res.locals.errorCode = described.code;
  const summary = redactor.redact(`${req.method} ${req.path} → ${described.status} ${described.code} [${requestId}]`);
  if (logAs === 'error') logger.error(summary, redactor.redact(error instanceof Error ? (error.stack ?? error.message) : String(error)));
  else if (logAs === 'warn') logger.warn(redactor.redact(`${summary}: ${logNote}`));
  if (res.headersSent) return;
  if (error instanceof TooManyRequestsException) res.setHeader('Retry-After', String(error.retryAfterSeconds));
  if (retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(retryAfterSeconds));
  const body: ErrorBody = { error: { ...described, requestId } };
  res.status(described.status).json(body);
}
