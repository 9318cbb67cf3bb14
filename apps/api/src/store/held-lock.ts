import { AsyncLocalStorage } from 'node:async_hooks';
import type { Queryable, QueryOptions } from './database';
import { DatabaseUnavailable } from './database-unavailable';

/**
 * The database session a lock taken with `sharedSession` lives in (PostgreSQL: the connection that holds the advisory
 * lock). The statements of the work holding the lock run on it (Database.query routes them there), and instead of a
 * statement of its own to take the lock and one to release it, the work's first statement takes it (`take`) and its
 * last releases it (`release`): the lock then costs no round trip of its own.
 */
export interface LockSession extends Queryable {
  /** The advisory lock's id (a bigint, as text), for the statements that take and release it. */
  readonly lockId: string;
  /** `uncertain`: a statement meant to take or release the lock failed, so whether it is held is unknown. */
  readonly state: 'untaken' | 'held' | 'uncertain' | 'released';
  /** Runs `sql`, which takes the lock (`pg_advisory_lock(lockId)` before anything else it does), on the session. */
  take<T = Record<string, unknown>>(sql: string, params: readonly unknown[], options?: QueryOptions): Promise<T[]>;
  /**
   * Runs `sql`, which lets go of the lock as it commits (`pg_advisory_xact_lock(lockId)` then
   * `pg_advisory_unlock(lockId)`: the lock passes from the session to the statement's transaction, so whoever waits
   * for it sees what the statement wrote). The session's last statement under the lock.
   */
  release<T = Record<string, unknown>>(sql: string, params: readonly unknown[], options?: QueryOptions): Promise<T[]>;
}

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

  /** @param session the lock's own session, when it was taken with `sharedSession` on PostgreSQL. */
  constructor(readonly session?: LockSession) {}

  get isLost(): boolean {
    return this.reason !== undefined;
  }

  /** Called by the adapter when the lock's session died. */
  lose(reason: DatabaseUnavailable): void {
    if (this.reason) return;
    this.reason = reason;
    this.notify(reason);
  }

  /** The domain's fencing check (HeldPairLock): throws once the lock is lost. */
  assertKept(): void {
    const lost = this.lossError();
    if (lost) throw lost;
  }

  /** The error a statement of work that depends on this lock fails with, once it is lost. */
  lossError(): DatabaseUnavailable | undefined {
    // Never the lock's key in the message: a pair lock's names a customer's phone number.
    return (
      this.reason &&
      new DatabaseUnavailable(`a lock this work held was lost with its database session (${this.reason.message})`, { cause: this.reason })
    );
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
 * before every statement, so a send whose pair lock died with its connection stops at its next journal write (and,
 * through HeldPairLock.assertKept, before its next step) instead of carrying on beside a second request that has the
 * lock now; and a
 * request whose instance presence was lost cannot begin in the journal after another instance took its
 * Idempotency-Key over.
 */
export function assertHeldLocksKept(): void {
  for (const lock of heldLocks.getStore() ?? []) {
    const lost = lock.lossError();
    if (lost) throw lost;
  }
}

/**
 * The session of the innermost lock the work running here holds, if that lock was taken with `sharedSession`: where
 * its statements run, and what the journal takes and releases the lock with.
 */
export function lockSessionHere(): LockSession | undefined {
  return heldLocks.getStore()?.at(-1)?.session;
}

/** Runs `fn` depending on no held lock: work that outlives the request that started it (follow-ups), token-guarded writes. */
export function apartFromHeldLocks<T>(fn: () => T): T {
  return heldLocks.exit(fn);
}
