import { Injectable } from '@nestjs/common';
import { RateLimit, RateLimiter } from '../auth/rate-limit/rate-limiter';
import { TooManyRequestsException } from '../common/too-many-requests.exception';

export const LOGIN_FAILURE_LIMITS: { perUsername: RateLimit; perAddress: RateLimit } = {
  // Five guesses per account per quarter of an hour: a person who forgot a password is not locked out for long,
  // a guesser gets 480 tries a day at most.
  perUsername: { limit: 5, windowMs: 15 * 60_000 },
  // Wider, since several people may share an address (an office, the console's own proxy without X-Forwarded-For).
  perAddress: { limit: 50, windowMs: 15 * 60_000 },
};

/**
 * Brute-force brake on sign-in: failed attempts are counted per username and per client address; once either is
 * used up, sign-in answers 429 (even with the right password) until the window ends. Successes are not counted,
 * and a success clears the username's count.
 */
@Injectable()
export class LoginThrottle {
  constructor(private readonly limiter: RateLimiter) {}

  async refuseIfBlocked(username: string, clientAddress: string): Promise<void> {
    const [byUsername, byAddress] = await Promise.all([
      this.limiter.peek(usernameBucket(username), LOGIN_FAILURE_LIMITS.perUsername),
      this.limiter.peek(addressBucket(clientAddress), LOGIN_FAILURE_LIMITS.perAddress),
    ]);
    const blocked = [byUsername, byAddress].filter((state) => state.exceeded);
    if (blocked.length === 0) return;
    const retryAfterSeconds = Math.max(...blocked.map((state) => state.retryAfterSeconds));
    throw new TooManyRequestsException('LOGIN_THROTTLED', `Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} min.`, retryAfterSeconds);
  }

  async recordFailure(username: string, clientAddress: string): Promise<void> {
    await this.limiter.hit(usernameBucket(username), LOGIN_FAILURE_LIMITS.perUsername);
    await this.limiter.hit(addressBucket(clientAddress), LOGIN_FAILURE_LIMITS.perAddress);
  }

  async recordSuccess(username: string): Promise<void> {
    await this.limiter.reset(usernameBucket(username));
  }
}

const usernameBucket = (username: string) => `login-failures:user:${username.toLowerCase()}`;
const addressBucket = (address: string) => `login-failures:address:${address}`;
