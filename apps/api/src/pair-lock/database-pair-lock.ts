import { performance } from 'node:perf_hooks';
import type { HeldPairLock, PairLock } from '@flex-sms/domain';
import type { Metrics } from '../metrics/metrics';
import type { Database } from '../store/database';

/**
 * The domain's PairLock on the store's named locks: in-process queueing, plus a PostgreSQL session advisory lock
 * when the API runs on PostgreSQL, so two API instances never work on one conversation at once. (The embedded
 * SQLite database belongs to one process, where the in-process lock is the whole story.) With metrics, each wait
 * for the lock is measured (pair_lock_wait_seconds): sends queued behind each other, or lock connections exhausted.
 */
export class DatabasePairLock implements PairLock {
  constructor(
    private readonly db: Database,
    private readonly metrics?: Metrics,
  ) {}

  /**
   * `fn` hears when the PostgreSQL session holding the lock died (HeldLock.isLost). `withJournal`: the lock shares its
   * session with the request's journal writes, which take and release it (SqlJournal's begin and finish); the wait
   * measured then is the in-process queue and the lock connection's, the advisory lock's own wait being the begin's.
   */
  withLock<T>(key: string, fn: (lock: HeldPairLock) => Promise<T>, options?: { withJournal?: boolean }): Promise<T> {
    const asked = performance.now();
    return this.db.withLock(
      key,
      (lock) => {
        this.metrics?.pairLockWait.observe({}, (performance.now() - asked) / 1000);
        return fn(lock);
      },
      { sharedSession: options?.withJournal },
    );
  }
}
