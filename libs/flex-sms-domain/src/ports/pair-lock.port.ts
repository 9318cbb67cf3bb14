/**
 * Mutual exclusion per conversation (from/to pair), across API instances. Two requests for the same pair at once
 * would otherwise each create a channel, a task and a session. The API provides it (in-process + PostgreSQL
 * advisory lock).
 */
export interface PairLock {
  /**
   * Runs `fn` holding the lock of `key`. `withJournal`: the lock goes with a journaled request (runJournaledRequest),
   * and an adapter that keeps the lock and the journal in one database may take it with the request's
   * `Journal.begin` and release it with its `Journal.finish` (PostgreSQL: a round trip less each). `fn` must then
   * begin before anything else and finish last; it holds the lock from the moment `begin` resolves.
   */
  withLock<T>(key: string, fn: (lock: HeldPairLock) => Promise<T>, options?: { withJournal?: boolean }): Promise<T>;
}

/** The lock while `withLock`'s callback runs. */
export interface HeldPairLock {
  /**
   * True once the lock has been lost before the callback ended (the API's PostgreSQL session that held it died):
   * another request may hold it now. The holder must then leave what it made to crash recovery, which takes the
   * lock again, and must not undo it itself.
   */
  readonly isLost: boolean;
  /**
   * Fencing: throws, once the lock is lost, the error the adapter reports the loss with (the API: 503
   * DATABASE_UNAVAILABLE). A journaled request calls it before each step, so it never sends Twilio anything more
   * once another request may hold the lock, whether or not a journal write comes first.
   */
  assertKept(): void;
}

/** The lock of a single process (in memory, or an embedded database's): never lost while its holder runs. */
export const NEVER_LOST: HeldPairLock = { isLost: false, assertKept: () => undefined };

/** The lock key of a conversation between a Twilio number and a customer. */
export function pairLockKey(fromE164: string, toE164: string): string {
  return `outbound-sms:${fromE164}:${toE164}`;
}
