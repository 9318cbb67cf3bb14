import type { HeldLock } from './held-lock';

/**
 * The API's one SQL dialect is PostgreSQL: the same SQL runs on the embedded PGlite (default) and on a PostgreSQL
 * server (DATABASE_URL). Values come back alike from both: int8 (bigint, count(*)) as a JS number, numeric as a
 * string, timestamptz as a Date, json/jsonb parsed.
 *
 * Every method rejects with DatabaseUnavailable (database-unavailable.ts) when the database cannot be reached or
 * cannot write right now; with any other error when the statement itself failed.
 */
export interface Queryable {
  /** One statement with `$1…` placeholders; resolves to the rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** A script of several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws (the error is rethrown).
   * Use the `tx` handed to `fn` for every statement of the transaction: with the embedded database, a query on the
   * Database itself waits until the transaction ends (one connection), so using it inside `fn` would deadlock.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` while holding a lock named `key`: callers with the same key run one after another, across this
   * process and, with PostgreSQL, across every API instance on the same database (session advisory lock on a hash
   * of the key, held on a dedicated connection while `fn` runs). Different keys do not wait for each other.
   * If that connection dies while `fn` runs, the lock is lost: `lock.lost` resolves, and every statement `fn` (and
   * what it awaits) makes from then on fails with DatabaseUnavailable (held-lock.ts).
   */
  withLock<T>(key: string, fn: (lock: HeldLock) => Promise<T>): Promise<T>;
  /**
   * Whether lock `key` is held right now, by this process or (PostgreSQL) by any session on the database. A lock
   * dies with the process holding it, which is what makes it a liveness signal (see InstancePresence).
   */
  isLockHeld(key: string): Promise<boolean>;
  close(): Promise<void>;
}

/** Nest injection token of the Database: `@Inject(DATABASE) private readonly db: Database`. */
export const DATABASE = Symbol('DATABASE');
