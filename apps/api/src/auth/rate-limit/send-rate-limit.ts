import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { TooManyRequestsException } from '../../common/too-many-requests.exception';
import { AppConfig } from '../../config/app-config';
import { Caller, callerReference } from '../caller';
import { RateLimit, RateLimiter } from './rate-limiter';

/**
 * SEND_RATE_LIMIT_PER_MINUTE sends per API key or user, counted on every route marked @SendsSms(): a leaked key or
 * a runaway script texts a bounded number of people. The bootstrap key is counted like any other key.
 */
@Injectable()
export class SendRateLimit {
  private readonly limit: RateLimit;

  constructor(
    private readonly limiter: RateLimiter,
    config: AppConfig,
  ) {
    this.limit = { limit: config.auth.sendsPerMinute, windowMs: 60_000 };
  }

  async count(caller: Caller, response: Response): Promise<void> {
    const state = await this.limiter.hit(`sends:${callerReference(caller)}`, this.limit);
    // The IETF draft's header names (RateLimit-Limit, RateLimit-Remaining), which the console's proxy passes on.
    response.setHeader('RateLimit-Limit', String(state.limit));
    response.setHeader('RateLimit-Remaining', String(Math.max(0, state.limit - state.hits)));
    if (!state.exceeded) return;
    throw new TooManyRequestsException(
      'RATE_LIMITED',
      `Too many SMS sends: at most ${state.limit} a minute for this ${caller.kind === 'user' ? 'user' : 'API key'}.`,
      state.retryAfterSeconds,
    );
  }
}
