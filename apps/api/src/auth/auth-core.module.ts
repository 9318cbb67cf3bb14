import { Global, Module } from '@nestjs/common';
import { systemClock } from '@flex-sms/domain';
import { AUTH_CLOCK } from './auth.tokens';
import { RateLimiter } from './rate-limit/rate-limiter';

/** What the identity modules share: their clock and the rate limiter. */
@Global()
@Module({
  providers: [{ provide: AUTH_CLOCK, useValue: systemClock }, RateLimiter],
  exports: [AUTH_CLOCK, RateLimiter],
})
export class AuthCoreModule {}
