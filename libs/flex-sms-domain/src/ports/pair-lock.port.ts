/**
 * Mutual exclusion per conversation (from/to pair), across API instances. Two requests for the same pair at once
 * would otherwise each create a channel, a task and a session. The API provides it (in-process + PostgreSQL
 * advisory lock).
 */
export interface PairLock {
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

/** The lock key of a conversation between a Twilio number and a customer. */
export function pairLockKey(fromE164: string, toE164: string): string {
  return `outbound-sms:${fromE164}:${toE164}`;
}
