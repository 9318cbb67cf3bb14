import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Database, Queryable } from './database';
import { DatabaseUnavailable } from './database-unavailable';
import { HeldLock, assertHeldLocksKept, whileHolding } from './held-lock';
import { KeyedMutex } from './keyed-mutex';

/** How many prepared statements stay cached (by SQL text): the stores have a few dozen, history filters a few more. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * `NORMAL` in WAL mode: a commit is durable once the process has returned from it, whatever happens to the process
 * (SIGKILL, a crash), and the file is never corrupted; a power cut or an OS crash may lose the last commits, which
 * `FULL` (an fsync per commit) would keep. See docs/ARCHITECTURE.md (Store) for the measurement behind the choice.
 */
const SYNCHRONOUS = 'NORMAL';

/** The statements `transaction` runs itself: they change no schema. */
const TRANSACTION_CONTROL = new Set(['BEGIN IMMEDIATE', 'COMMIT', 'ROLLBACK']);

type Convert = (value: unknown) => unknown;

/** How a result column's value becomes the JS value the Database contract promises, by the column's declared type. */
const CONVERT_BY_DECLARED_TYPE: Record<string, Convert> = {
  timestamptz: (value) => (typeof value === 'string' ? new Date(value) : value),
  json: (value) => (typeof value === 'string' ? JSON.parse(value) : value),
  jsonb: (value) => (typeof value === 'string' ? JSON.parse(value) : value),
  boolean: (value) => (value === null ? null : Boolean(value)),
};

interface Prepared {
  statement: BetterSqlite3.Statement;
  /** The `$n` numbers the statement uses, each once, bound by name (better-sqlite3 takes `$1` as a name `1`). */
  placeholders: number[];
  /** Result columns to convert, by name; empty for statements returning no rows. */
  conversions: [string, Convert][];
}

/**
 * The embedded database: SQLite in the API process (better-sqlite3), in one file or in memory. Statements run
 * synchronously on the main thread, which is what makes them cheap (no round trip, no serialisation), and the reason
 * for two rules here: a transaction holds the connection until it ends (statements outside it wait), and the file
 * is held with an exclusive lock, so a second process on the same DATA_DIR fails to start instead of sharing it.
 *
 * Its locks are in-process, so they are never lost while their holder runs (they die with the process, as the
 * file's lock does). A write the disk refuses (full, an I/O error, read-only) fails as DatabaseUnavailable, and the
 * connection goes on: SQLite rolls the statement or transaction back, and writes again once the disk does.
 */
export class SqliteDatabase implements Database {
  readonly dialect = 'sqlite';
  private readonly locks = new KeyedMutex();
  private readonly statements = new Map<string, Prepared>();
  /** Settles when the open transaction ends; absent when none is open. */
  private transactionEnded?: Promise<void>;

  private constructor(private readonly connection: BetterSqlite3.Database) {}

  /** `file`: the database file (its folder is created when missing), or `memory://`. */
  static async open(file: string): Promise<SqliteDatabase> {
    if (file === 'memory://') return new SqliteDatabase(configure(new BetterSqlite3(':memory:')));
    mkdirSync(dirname(file), { recursive: true });
    // timeout 0: a file locked by another process is an error at once, not a wait.
    const connection = new BetterSqlite3(file, { timeout: 0 });
    try {
      // Exclusive locking before WAL: the lock is taken by the first write below and held until close, and WAL runs
      // without shared memory (no -shm file), which only one process can use anyway.
      connection.pragma('locking_mode = EXCLUSIVE');
      connection.pragma('journal_mode = WAL');
      connection.exec('BEGIN IMMEDIATE; COMMIT');
      return new SqliteDatabase(configure(connection));
    } catch (error) {
      connection.close();
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY') {
        throw new Error(
          `The embedded database ${file} is in use by another process (another API on the same DATA_DIR?). One API process owns a DATA_DIR: ` +
            'stop the other one, give this one a DATA_DIR of its own, or run several API processes on one PostgreSQL server (DATABASE_URL).',
        );
      }
      throw storeError(error);
    }
  }

  async query<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    assertHeldLocksKept();
    // Outside any transaction (a statement run meanwhile would become part of it), checked in the turn it runs.
    while (this.transactionEnded) await this.transactionEnded;
    return this.run<T>(sql, params);
  }

  async exec(sql: string): Promise<void> {
    assertHeldLocksKept();
    // Outside any transaction (a statement run meanwhile would become part of it), checked in the turn it runs.
    while (this.transactionEnded) await this.transactionEnded;
    this.execute(sql);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    assertHeldLocksKept();
    // Waiting and claiming must happen in one turn: the loop re-checks after every wake-up and nothing awaits between
    // its end and the claim below, so of several callers woken by one transaction's end only the first begins (an
    // awaited helper here let them all begin at once: "cannot start a transaction within a transaction").
    while (this.transactionEnded) await this.transactionEnded;
    let ended!: () => void;
    this.transactionEnded = new Promise<void>((resolve) => (ended = resolve));
    let open = true;
    const ensureOpen = () => {
      if (!open) throw new Error('This transaction has ended: its statements must run before the function passed to transaction() resolves');
    };
    const tx: Queryable = {
      dialect: this.dialect,
      query: async <R>(sql: string, params?: readonly unknown[]) => {
        ensureOpen();
        assertHeldLocksKept();
        return this.run<R>(sql, params);
      },
      exec: async (sql) => {
        ensureOpen();
        assertHeldLocksKept();
        this.execute(sql);
      },
    };
    try {
      this.execute('BEGIN IMMEDIATE');
      const result = await fn(tx);
      this.execute('COMMIT');
      return result;
    } catch (error) {
      // After a full disk or an I/O error SQLite may have rolled the transaction back itself.
      if (this.connection.inTransaction) this.execute('ROLLBACK');
      throw error;
    } finally {
      open = false;
      this.transactionEnded = undefined;
      ended();
    }
  }

  /** The same contract as PostgreSQL's (`fn` runs as work that depends on `lock`), with a lock that is never lost. */
  withLock<T>(key: string, fn: (lock: HeldLock) => Promise<T>): Promise<T> {
    return this.locks.run(key, () => {
      const lock = new HeldLock();
      return whileHolding(lock, () => fn(lock));
    });
  }

  async isLockHeld(key: string): Promise<boolean> {
    return this.locks.isHeld(key);
  }

  async close(): Promise<void> {
    // Outside any transaction (a statement run meanwhile would become part of it), checked in the turn it runs.
    while (this.transactionEnded) await this.transactionEnded;
    this.statements.clear();
    if (this.connection.open) this.connection.close();
  }

  private run<T>(sql: string, params: readonly unknown[] = []): T[] {
    let rows: Record<string, unknown>[];
    let conversions: Prepared['conversions'];
    try {
      const prepared = this.prepare(sql);
      const bound = bindings(prepared.placeholders, params);
      conversions = prepared.conversions;
      if (!prepared.statement.reader) {
        prepared.statement.run(bound);
        return [];
      }
      rows = prepared.statement.all(bound) as Record<string, unknown>[];
    } catch (error) {
      throw storeError(error);
    }
    if (conversions.length > 0) {
      for (const row of rows) for (const [column, convert] of conversions) row[column] = convert(row[column]);
    }
    return rows as T[];
  }

  private execute(sql: string): void {
    try {
      this.connection.exec(sql);
    } catch (error) {
      throw storeError(error);
    } finally {
      // A script may change the schema (migrations), and with it what a cached `SELECT *` returns and how to read it.
      if (!TRANSACTION_CONTROL.has(sql)) this.statements.clear();
    }
  }

  private prepare(sql: string): Prepared {
    const cached = this.statements.get(sql);
    if (cached) {
      // Most recently used last, so the oldest is evicted first.
      this.statements.delete(sql);
      this.statements.set(sql, cached);
      return cached;
    }
    const statement = this.connection.prepare(sql);
    const placeholders = [...new Set([...sql.matchAll(/\$(\d+)/g)].map((match) => Number(match[1])))];
    const conversions = statement.reader
      ? statement
          .columns()
          .map((column): [string, Convert | undefined] => [column.name, CONVERT_BY_DECLARED_TYPE[column.type?.toLowerCase() ?? '']])
          .filter((entry): entry is [string, Convert] => entry[1] !== undefined)
      : [];
    const prepared = { statement, placeholders, conversions };
    this.statements.set(sql, prepared);
    if (this.statements.size > STATEMENT_CACHE_SIZE) this.statements.delete(this.statements.keys().next().value as string);
    return prepared;
  }
}

/** An error of SQLite (code `SQLITE_…`, e.g. SQLITE_CONSTRAINT_UNIQUE: see sql-errors.ts), with SQLite's message. */
export class SqliteStoreError extends Error {
  override readonly name = 'SqliteStoreError';

  constructor(
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * SQLite's result codes (extended codes included, e.g. SQLITE_IOERR_WRITE) that mean "the database cannot write or
 * be read right now", not "this statement is wrong" (https://www.sqlite.org/rescode.html): the disk is full
 * (SQLITE_FULL), refused a read or a write (SQLITE_IOERR_*: a failing disk, a file system remounted read-only), the
 * file or its folder became read-only or was moved (SQLITE_READONLY_*), a file could not be opened (SQLITE_CANTOPEN_*:
 * the folder removed, no file descriptors left), or memory ran out (SQLITE_NOMEM). Each passes once the operator
 * frees room or repairs the disk, and SQLite writes again on the same connection: no restart needed.
 *
 * Not among them: SQLITE_CORRUPT and SQLITE_NOTADB, a damaged file. Retrying cannot mend it, so the API must not
 * answer "retry later": it stays a 500 with the stack in the log, for an operator to restore the file. SQLITE_BUSY
 * and SQLITE_LOCKED cannot happen on a connection that holds the file exclusively (opening beside another process is
 * refused at start-up), so one would be a bug too; so are constraint, syntax and misuse errors.
 */
const UNAVAILABLE_CODE = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|NOMEM)(_|$)/;

/**
 * Every SQLite error leaves SqliteDatabase through here. A failure of the disk becomes DatabaseUnavailable (503
 * DATABASE_UNAVAILABLE; its message is SQLite's, which names no path or value). Any other comes out as our own
 * SqliteStoreError: better-sqlite3's errors are made by the native module with the error class it was first given,
 * which need not be this realm's (jest gives each test file its own), and rethrown as ours they are plain Errors
 * everywhere.
 */
function storeError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  const message = (error as { message: string }).message;
  if (UNAVAILABLE_CODE.test(code))
    return new DatabaseUnavailable(`${code} ${message}`, { cause: new SqliteStoreError(code, message, { cause: error }) });
  return new SqliteStoreError(code, message, { cause: error });
}

function configure(connection: BetterSqlite3.Database): BetterSqlite3.Database {
  connection.pragma(`synchronous = ${SYNCHRONOUS}`);
  connection.pragma('foreign_keys = ON');
  return connection;
}

/** `$n` → params[n - 1], converted to what SQLite stores: the Database contract's parameter types. */
function bindings(placeholders: readonly number[], params: readonly unknown[]): Record<number, unknown> {
  const bound: Record<number, unknown> = {};
  for (const number of placeholders) {
    if (number > params.length) throw new Error(`The statement uses $${number} but ${params.length} parameter(s) were given`);
    bound[number] = toSqlite(params[number - 1]);
  }
  return bound;
}

function toSqlite(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString(); // text that sorts and compares as time
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Array.isArray(value) || (typeof value === 'object' && value !== null && !Buffer.isBuffer(value))) return JSON.stringify(value);
  return value;
}
