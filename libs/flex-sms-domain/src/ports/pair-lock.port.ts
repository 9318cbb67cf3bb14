/**
 * Mutual exclusion per conversation (from/to pair), across API instances. Two requests for the same pair at once
 * would otherwise each create a channel, a task and a session. The API provides it (in-process + PostgreSQL
 * advisory lock).
 */
export interface PairLock {
  withLock<T>(key: string, fn: (lock: HeldPairLock) => Promise<T>): Promise<T>;
}

/** The lock while `withLock`'s callback runs. */
export interface HeldPairLock {
  /**
   * True once the lock has been lost before the callback ended (the API's PostgreSQL session that held it died):
   * another request may hold it now. The holder must then leave what it made to crash recovery, which takes the
   * lock again, and must not undo it itself.
   */
  readonly isLost: boolean;
}

/** The lock of a single process (in memory, or an embedded database's): never lost while its holder runs. */
export const NEVER_LOST: HeldPairLock = { isLost: false };

/** The lock key of a conversation between a Twilio number and a customer. */
export function pairLockKey(fromE164: string, toE164: string): string {
  return `outbound-sms:${fromE164}:${toE164}`;
}
