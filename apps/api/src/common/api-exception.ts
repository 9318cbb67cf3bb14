import { HttpException } from '@nestjs/common';
import { FieldError } from './error-body';

export interface ApiExceptionOptions {
  details?: FieldError[];
  context?: Record<string, unknown>;
  twilioCode?: number;
}

/**
 * An HTTP failure with our error code, for controllers and guards that decide a status themselves
 * (`throw new ApiException(409, 'IDEMPOTENCY_KEY_REUSED', '…')`). Domain failures should stay DomainErrors and get
 * their status from domain-error-status.ts instead.
 */
export class ApiException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    message: string,
    readonly extras: ApiExceptionOptions = {},
  ) {
    super(message, status);
  }
}
