import { mkdirSync } from 'node:fs';
import { PGlite, Transaction } from '@electric-sql/pglite';
import { Database, Queryable } from './database';
import { DatabaseUnavailable } from './database-unavailable';
import { HeldLock } from './held-lock';
import { KeyedMutex } from './keyed-mutex';
import { asDatabaseUnavailable } from './postgres-errors';

/**
 * The embedded database: PostgreSQL compiled to WASM, in one process, data under `dataDir` (or in memory).
 * A PGlite data directory is used by one process only, so an in-process lock is all withLock needs, and a lock is
 * never lost. A write the disk refuses (full: 53100, I/O error: 58030) fails as DatabaseUnavailable.
 */
export class PgliteDatabase implements Database {
  private readonly locks = new KeyedMutex();
  /** Set once PGlite reported a PANIC; from then on nothing is sent to it. */
  private stopped?: DatabaseUnavailable;

  private constructor(private readonly pglite: PGlite) {}

  /** `dataDir`: a folder (created when missing) or `memory://`. */
  static async open(dataDir: string): Promise<PgliteDatabase> {
    if (dataDir !== 'memory://') mkdirSync(dataDir, { recursive: true });
    return new PgliteDatabase(await PGlite.create(dataDir));
  }

  query<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.use((pglite) => queryOn<T>(pglite, sql, params));
  }

  async exec(sql: string): Promise<void> {
    await this.use((pglite) => pglite.exec(sql));
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.use((pglite) => pglite.transaction((tx) => fn(this.wrapTransaction(tx))));
  }

  withLock<T>(key: string, fn: (lock: HeldLock) => Promise<T>): Promise<T> {
    return this.locks.run(key, () => fn(new HeldLock()));
  }

  async isLockHeld(key: string): Promise<boolean> {
    return this.locks.isHeld(key);
  }

  async close(): Promise<void> {
    // Closing talks to the backend too, which after a PANIC never answers.
    if (!this.pglite.closed && !this.stopped) await this.pglite.close();
  }

  private async use<T>(operation: (pglite: PGlite) => Promise<T>): Promise<T> {
    if (this.stopped) throw this.stopped;
    try {
      return await operation(this.pglite);
    } catch (error) {
      throw this.unavailable(error) ?? error;
    }
  }

  private unavailable(error: unknown): DatabaseUnavailable | undefined {
    const unavailable = asDatabaseUnavailable(error);
    // A PANIC (PostgreSQL could not write its WAL, say) leaves PGlite's backend dead: the next statement would spin
    // forever inside the WASM, blocking the event loop. Stop here; a restart recovers from the WAL.
    if (unavailable && (error as { severity?: unknown }).severity === 'PANIC') {
      this.stopped ??= new DatabaseUnavailable(`the embedded database stopped after a failed write; restart the API once the disk is writable (${unavailable.message})`, {
        cause: error,
      });
    }
    return unavailable;
  }

  private wrapTransaction(tx: Transaction): Queryable {
    return {
      query: (sql, params) => this.use(() => queryOn(tx, sql, params)),
      exec: async (sql) => {
        await this.use(() => tx.exec(sql));
      },
    };
  }
}

async function queryOn<T>(target: PGlite | Transaction, sql: string, params?: readonly unknown[]): Promise<T[]> {
  const result = await target.query<T>(sql, params ? [...params] : undefined);
  return result.rows;
}
