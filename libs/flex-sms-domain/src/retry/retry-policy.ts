/** Bounds of the retry loop around one Twilio operation. */
export interface RetryPolicy {
  /** Attempts of one operation, the first included. */
  maxAttempts: number;
  /** First backoff; doubles per attempt. */
  baseDelayMs: number;
  /** Cap of one backoff (a Retry-After from Twilio is honoured even above it, within the budget). */
  maxDelayMs: number;
  /** Total time one operation may spend waiting and retrying before the request gives up. */
  budgetMs: number;
}

/** Roughly 1 + 2 + 4 s of backoff: a blip is absorbed, an outage answers within ~10 s. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 4_000, budgetMs: 10_000 };

/**
 * Capped exponential backoff with "equal jitter": half the delay is fixed (so retries never bunch at zero), half
 * random (so clients that failed together do not retry together).
 */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential / 2 + (random * exponential) / 2);
}
