import type { HeldPairLock, PairLock } from '@flex-sms/domain';
import type { Database } from '../store/database';

/**
 * The domain's PairLock on the store's named locks: in-process queueing, plus a PostgreSQL session advisory lock
 * when the API runs on PostgreSQL, so two API instances never work on one conversation at once. (The embedded
 * SQLite database belongs to one process, where the in-process lock is the whole story.)
 */
export class DatabasePairLock implements PairLock {
  constructor(private readonly db: Database) {}

  /**
   * `fn` hears when the PostgreSQL session holding the lock died (HeldLock.isLost). `withJournal`: the lock shares its
   * session with the request's journal writes, which take and release it (SqlJournal's begin and finish).
   */
  withLock<T>(key: string, fn: (lock: HeldPairLock) => Promise<T>, options?: { withJournal?: boolean }): Promise<T> {
    return this.db.withLock(key, fn, { sharedSession: options?.withJournal });
  }
}
