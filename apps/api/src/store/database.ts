import type { HeldLock } from './held-lock';

/**
 * The API's store speaks two SQL dialects: SQLite, embedded in the API process (the default, a file in DATA_DIR),
 * and PostgreSQL, a server (DATABASE_URL). Stores write portable SQL wherever they can and keep the few statements
 * that cannot be portable per dialect, in one place per store.
 *
 * Values come back alike from both: integers (int8, count(*)) as JS numbers, timestamptz as a Date, json/jsonb
 * parsed, boolean as a boolean (SQLite: derived from each result column's declared type, see SqliteDatabase).
 * Parameters: a Date, a boolean, an array (stored as JSON on SQLite, as an array on PostgreSQL), null, text and
 * numbers; JSON values are passed as JSON text.
 *
 * Every method rejects with DatabaseUnavailable (database-unavailable.ts) when the database cannot be reached or
 * cannot write right now; with any other error when the statement itself failed.
 */
export type SqlDialect = 'postgres' | 'sqlite';

/**
 * `prepare` (PostgreSQL): run the statement as a named prepared statement, parsed and planned once per connection
 * instead of at every call (measured on a fire-and-forget send: its statements' parsing and planning took more of the
 * server's CPU than running them). For the statements every send runs, and only those that list the columns they
 * return: a prepared `SELECT *` or `RETURNING *` fails (0A000, "cached plan must not change result type") once a
 * migration adds a column to its table, on every instance still running the older code. The plan is generic after a
 * few calls (PostgreSQL's `plan_cache_mode = auto`), so a statement whose best plan depends on its parameters' values
 * should not be prepared. SQLite prepares every statement anyway (SqliteDatabase's cache).
 */
export interface QueryOptions {
  prepare?: boolean;
}

/** The options of a statement every send runs (see QueryOptions). */
export const PREPARED: QueryOptions = { prepare: true };

export interface Queryable {
  readonly dialect: SqlDialect;
  /** One statement with `$1…` placeholders; resolves to the rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<T[]>;
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
   * of the key, held on a dedicated connection while `fn` runs; an embedded SQLite file belongs to one process, so
   * the in-process lock is the whole story there). Different keys do not wait for each other.
   * If the PostgreSQL connection dies while `fn` runs, the lock is lost: `lock.lost` resolves, and every statement
   * `fn` (and what it awaits) makes from then on fails with DatabaseUnavailable (held-lock.ts). The in-process lock
   * of the embedded database is never lost: it lives and dies with the process.
   *
   * `sharedSession` (PostgreSQL): the lock is taken and released by `fn`'s own first and last statements, through
   * `lock.session` (see LockSession), and `fn`'s statements (`query`, not `transaction`) run on that session, so the
   * lock costs no round trip of its own. `fn` must take it before anything else (a statement before then fails). The
   * embedded database's in-process lock is taken before `fn` either way, and has no session.
   */
  withLock<T>(key: string, fn: (lock: HeldLock) => Promise<T>, options?: LockOptions): Promise<T>;
  /**
   * Whether lock `key` is held right now, by this process or (PostgreSQL) by any session on the database. A lock
   * dies with the process holding it, which is what makes it a liveness signal (see InstancePresence).
   */
  isLockHeld(key: string): Promise<boolean>;
  close(): Promise<void>;
}

export interface LockOptions {
  sharedSession?: boolean;
}

/** Nest injection token of the Database: `@Inject(DATABASE) private readonly db: Database`. */
export const DATABASE = Symbol('DATABASE');
