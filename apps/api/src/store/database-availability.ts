import { Database, LockOptions, Queryable, QueryOptions, SqlDialect } from './database';
import { DatabaseUnavailable } from './database-unavailable';
import { HeldLock } from './held-lock';

/** Hears when the database answers again after an outage. */
export interface DatabaseAvailability {
  /** `listener` runs each time a call succeeds after calls failed with DatabaseUnavailable. */
  onBack(listener: () => void): void;
}

/** Nest injection token of the DatabaseAvailability (the same object as DATABASE). */
export const DATABASE_AVAILABILITY = Symbol('DATABASE_AVAILABILITY');

/**
 * Any Database adapter, with its outages noticed: a DatabaseUnavailable marks it down, the next call that succeeds
 * marks it back and tells the listeners (InFlightRecovery then settles the requests the outage interrupted). Kept
 * apart from the adapters so that each only has to throw DatabaseUnavailable.
 */
export class AvailabilityWatchedDatabase implements Database, DatabaseAvailability {
  private down = false;
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly database: Database) {}

  get dialect(): SqlDialect {
    return this.database.dialect;
  }

  onBack(listener: () => void): void {
    this.listeners.push(listener);
  }

  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<T[]> {
    return this.watch(() => this.database.query<T>(sql, params, options));
  }

  exec(sql: string): Promise<void> {
    return this.watch(() => this.database.exec(sql));
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.watch(() => this.database.transaction(fn));
  }

  withLock<T>(key: string, fn: (lock: HeldLock) => Promise<T>, options?: LockOptions): Promise<T> {
    return this.watch(() => this.database.withLock(key, fn, options));
  }

  isLockHeld(key: string): Promise<boolean> {
    return this.watch(() => this.database.isLockHeld(key));
  }

  close(): Promise<void> {
    return this.database.close();
  }

  private async watch<T>(call: () => Promise<T>): Promise<T> {
    try {
      const result = await call();
      if (this.down) {
        this.down = false;
        for (const listener of this.listeners) listener();
      }
      return result;
    } catch (error) {
      if (error instanceof DatabaseUnavailable) this.down = true;
      throw error;
    }
  }
}
