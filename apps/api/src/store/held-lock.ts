import { AsyncLocalStorage } from 'node:async_hooks';
import { DatabaseUnavailable } from './database-unavailable';

/**
 * A lock `Database.withLock` holds while its callback runs. On PostgreSQL it lives in one database session: when that
 * session dies (the server restarted, the connection was cut) the lock is free for everyone else at once, although
 * the callback may still be running. The holder must then stop as if it had never had the lock.
 */
export class HeldLock {
  private reason?: DatabaseUnavailable;
  private notify!: (reason: DatabaseUnavailable) => void;
  /** Resolves, with why, if the lock is lost before its callback ends; never resolves otherwise. */
  readonly lost = new Promise<DatabaseUnavailable>((resolve) => (this.notify = resolve));

  get isLost(): boolean {
    return this.reason !== undefined;
  }

  /** Called by the adapter when the lock's session died. */
  lose(reason: DatabaseUnavailable): void {
    if (this.reason) return;
    this.reason = reason;
    this.notify(reason);
  }

  /** The error a statement of work that depends on this lock fails with, once it is lost. */
  lossError(): DatabaseUnavailable | undefined {
    // Never the lock's key in the message: a pair lock's names a customer's phone number.
    return this.reason && new DatabaseUnavailable(`a lock this work held was lost with its database session (${this.reason.message})`, { cause: this.reason });
  }
}

/** The locks the work running here depends on (the async context carries them, as far as the work's awaits go). */
const heldLocks = new AsyncLocalStorage<readonly HeldLock[]>();

/** Runs `fn` (and what it starts) as work that depends on `lock`, besides whatever the caller already depends on. */
export function whileHolding<T>(lock: HeldLock, fn: () => T): T {
  return heldLocks.run([...(heldLocks.getStore() ?? []), lock], fn);
}

/**
 * Fencing: throws if the work running here depends on a lock that has been lost. The PostgreSQL adapter calls it
 * before every statement, so a send whose pair lock died with its connection stops at its next journal write (which
 * comes before its next Twilio create) instead of carrying on beside a second request that has the lock now; and a
 * request whose instance presence was lost cannot begin in the journal after another instance took its
 * Idempotency-Key over.
 */
export function assertHeldLocksKept(): void {
  for (const lock of heldLocks.getStore() ?? []) {
    const lost = lock.lossError();
    if (lost) throw lost;
  }
}

/** Runs `fn` depending on no held lock: work that outlives the request that started it (follow-ups), token-guarded writes. */
export function apartFromHeldLocks<T>(fn: () => T): T {
  return heldLocks.exit(fn);
}
