import { ApiException } from './api-exception';

/** 429 with `Retry-After` (whole seconds), set by the error response: `throw new TooManyRequestsException(…)`. */
export class TooManyRequestsException extends ApiException {
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, code, message, { context: { retryAfterSeconds } });
  }
}
