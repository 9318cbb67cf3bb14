import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError } from '@flex-sms/domain';
import twilio from 'twilio';
import TwilioServiceException from 'twilio/lib/base/TwilioServiceException';
import { DatabaseUnavailable } from '../store/database-unavailable';
import { ApiException } from './api-exception';
import { BODY_TOO_DEEP, MAX_BODY_DEPTH } from './body-depth';
import { ApiError } from './error-body';
import { DOMAIN_ERROR_STATUS } from './domain-error-status';
import { codeForStatus } from './http-status-codes';

export type DescribedError = Omit<ApiError, 'requestId'> & {
  /** Why the server log should show this failure: with its stack (not the caller's fault), or as one line saying `logNote`. */
  logAs?: 'error' | 'warn';
  logNote?: string;
  /** Sent as `Retry-After` (seconds), not in the body. */
  retryAfterSeconds?: number;
};

/**
 * How long a caller should wait after DATABASE_UNAVAILABLE: a restart or a managed database's failover takes
 * seconds to a minute, and retrying sooner only adds load to a server that is starting.
 */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export const DATABASE_UNAVAILABLE_MESSAGE =
  'The database cannot be reached, or cannot write, right now. Retry after the seconds in Retry-After, with the same Idempotency-Key.';

const UNEXPECTED = 'An unexpected error occurred. Quote the requestId when reporting it.';

/**
 * Turns anything thrown while handling a request into our error shape (without the request id). Only messages we
 * wrote reach the caller: an unknown error, or a raw Twilio exception the adapter did not map, answers with a
 * generic message (the details go to the server log).
 */
export function describeError(error: unknown, domainErrorStatus: Readonly<Record<string, number>> = DOMAIN_ERROR_STATUS): DescribedError {
  if (error instanceof ApiException) {
    return { status: error.getStatus(), code: error.code, message: error.message, ...error.extras, ...logLevel(error.getStatus()) };
  }
  if (error instanceof HttpException) return describeHttpException(error);
  if (error instanceof DomainError) return describeDomainError(error, domainErrorStatus);
  if (error instanceof DatabaseUnavailable) {
    return {
      status: HttpStatus.SERVICE_UNAVAILABLE,
      code: 'DATABASE_UNAVAILABLE',
      message: DATABASE_UNAVAILABLE_MESSAGE,
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
      // Expected during an outage, once per request: one line each, the stack is no news.
      logAs: 'warn',
      logNote: `database unavailable: ${error.message}`,
    };
  }
  if (isTwilioException(error)) {
    return {
      status: HttpStatus.BAD_GATEWAY,
      code: 'TWILIO_ERROR',
      message: `Twilio answered with error ${error.code ?? error.status}, which this service does not handle.`,
      ...(error.code ? { twilioCode: error.code } : {}),
      logAs: 'error',
    };
  }
  const bodyParserError = describeBodyParserError(error);
  if (bodyParserError) return bodyParserError;
  return { status: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL_ERROR', message: UNEXPECTED, logAs: 'error' };
}

function describeHttpException(error: HttpException): DescribedError {
  const status = error.getStatus();
  const response = error.getResponse();
  // Nest's own exceptions answer { statusCode, message, error }; message may be a list (e.g. ParseIntPipe).
  const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
  const message = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : error.message;
  return { status, code: codeForStatus(status), message: status >= 500 ? UNEXPECTED : message, ...logLevel(status) };
}

function describeDomainError(error: DomainError, statusOf: Readonly<Record<string, number>>): DescribedError {
  const status = statusOf[error.code];
  return {
    status: status ?? HttpStatus.INTERNAL_SERVER_ERROR,
    code: error.code,
    message: error.message,
    ...(Object.keys(error.details).length > 0 ? { context: error.details } : {}),
    ...(error.twilioCode !== undefined ? { twilioCode: error.twilioCode } : {}),
    ...(status === undefined ? { logAs: 'warn' as const, logNote: `${error.code} has no HTTP status in domain-error-status.ts` } : logLevel(status)),
  };
}

interface TwilioException {
  status: number;
  code?: number;
}

function isTwilioException(error: unknown): error is TwilioException {
  return error instanceof twilio.RestException || error instanceof TwilioServiceException;
}

/**
 * Errors of express's body parsers (malformed JSON, too large, too deep), raised before any controller runs. They
 * are http-errors: a `status`, `expose` for a client's fault, and a `type`, except when the body does not decode
 * from its Content-Encoding (gzip, br, deflate), where the type is left out.
 */
function describeBodyParserError(error: unknown): DescribedError | undefined {
  const parserError = error as { type?: unknown; status?: unknown; expose?: unknown };
  if (typeof parserError?.status !== 'number' || (typeof parserError.type !== 'string' && parserError.expose !== true)) return undefined;
  switch (parserError.type) {
    case 'entity.parse.failed':
      return { status: 400, code: 'MALFORMED_BODY', message: 'The request body is not valid JSON.' };
    case BODY_TOO_DEEP:
    case 'querystring.parse.rangeError':
      return { status: 400, code: 'MALFORMED_BODY', message: `The request body is nested more than ${MAX_BODY_DEPTH} levels deep.` };
    case 'entity.too.large':
      return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The request body encoding is not supported.' };
    default:
      return parserError.status < 500
        ? { status: parserError.status, code: codeForStatus(parserError.status), message: 'The request body could not be read.' }
        : undefined;
  }
}

function logLevel(status: number): Pick<DescribedError, 'logAs'> {
  return status >= 500 ? { logAs: 'error' } : {};
}
