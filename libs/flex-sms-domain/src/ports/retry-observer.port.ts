import type { TransientKind } from '../errors';

/** One retry the retrier is about to make. Carries no SID or number: operators aggregate these. */
export interface RetryObservation {
  /** The operation's name, as passed to `TwilioRetrier.run` ('create channel'…). */
  operation: string;
  /** Why the attempt failed: a 429 (`throttled`), a 5xx (`server_error`) or a dropped connection. */
  reason: TransientKind;
  /** The attempt that failed, 1 for the first. */
  attempt: number;
  /** How long the retrier waits before the next attempt (Retry-After, or the backoff). */
  delayMs: number;
}

/**
 * Told about every retry of a Twilio operation, so a deployment can see Twilio throttling or failing before sends
 * do. The API implements it with metrics; the domain runs without one.
 */
export interface RetryObserver {
  retrying(retry: RetryObservation): void;
}
