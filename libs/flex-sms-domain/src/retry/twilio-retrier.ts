import { TwilioTransientFailure, TwilioUnavailable } from '../errors';
import type { Clock, Random } from '../ports/clock.port';
import type { RetryObserver } from '../ports/retry-observer.port';
import { backoffDelay, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';

/**
 * Whether an operation may be sent again after an ambiguous failure (5xx, dropped connection), when Twilio may
 * already have acted on it. A 429 is never ambiguous: Twilio refused before acting, so every operation repeats.
 */
export type Repeatability<T> =
  /** Reads, full-value updates, deletes: repeating changes nothing. */
  | { kind: 'idempotent' }
  /** A create made safe: look up what it would have made, and only repeat it if nothing is found. */
  | { kind: 'lookup-before-repeat'; lookup: () => Promise<T | null> }
  /** Never repeated after an ambiguous failure. */
  | { kind: 'once' };

export const IDEMPOTENT = { kind: 'idempotent' } as const;

/** Runs Twilio operations with the retry policy: transient failures retried, then a clean `TwilioUnavailable`. */
export class TwilioRetrier {
  constructor(
    private readonly clock: Clock,
    private readonly random: Random,
    private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
    private readonly observer?: RetryObserver,
  ) {}

  async run<T>(operation: string, call: () => Promise<T>, repeatability: Repeatability<T> = IDEMPOTENT): Promise<T> {
    const startedAt = this.clock.now();
    for (let attempt = 1; ; attempt++) {
      let failure: TwilioTransientFailure;
      try {
        return await call();
      } catch (error) {
        if (!(error instanceof TwilioTransientFailure)) throw error;
        failure = error;
      }

      const ambiguous = failure.kind !== 'throttled';
      if (ambiguous && repeatability.kind === 'once') {
        throw new TwilioUnavailable(operation, 1, failure, 'Twilio may or may not have completed the request');
      }
      const delay = failure.retryAfterMs ?? backoffDelay(this.policy, attempt, this.random.next());
      const spent = this.clock.now() - startedAt;
      if (attempt >= this.policy.maxAttempts || spent + delay > this.policy.budgetMs) {
        throw new TwilioUnavailable(operation, Math.max(1, Math.ceil(delay / 1000)), failure);
      }
      this.observer?.retrying({ operation, reason: failure.kind, attempt, delayMs: delay });
      await this.clock.sleep(delay);

      if (ambiguous && repeatability.kind === 'lookup-before-repeat') {
        const made = await this.run(`${operation} (look-up before repeating)`, repeatability.lookup);
        if (made !== null) return made;
      }
    }
  }
}
