import { Global, Module } from '@nestjs/common';
import { systemClock } from '@flex-sms/domain';
import { AUTH_CLOCK } from './auth.tokens';
import { CallerDirectory } from './caller-directory';
import { RateLimiter } from './rate-limit/rate-limiter';

/** What the identity modules share: their clock, the rate limiter, and callers' names. */
@Global()
@Module({
  providers: [{ provide: AUTH_CLOCK, useValue: systemClock }, RateLimiter, CallerDirectory],
  exports: [AUTH_CLOCK, RateLimiter, CallerDirectory],
})
export class AuthCoreModule {}
