import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { TwilioUnavailable } from '@flex-sms/domain';
import type { Response } from 'express';
import { Observable, catchError, throwError } from 'rxjs';

/**
 * A 503 TWILIO_UNAVAILABLE tells the caller when to try again (`Retry-After`, seconds), from the domain's estimate
 * (Twilio's own Retry-After when it sent one). The error body itself comes from the platform's filter.
 */
@Injectable()
export class TwilioRetryAfterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof TwilioUnavailable) {
          context
            .switchToHttp()
            .getResponse<Response>()
            .setHeader('Retry-After', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
        }
        return throwError(() => error);
      }),
    );
  }
}
