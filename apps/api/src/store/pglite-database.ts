import { mkdirSync } from 'node:fs';
import { PGlite, Transaction } from '@electric-sql/pglite';
import { Database, Queryable } from './database';
import { KeyedMutex } from './keyed-mutex';

/**
 * The embedded database: PostgreSQL compiled to WASM, in one process, data under `dataDir` (or in memory).
 * A PGlite data directory is used by one process only, so an in-process lock is all withLock needs.
 */
export class PgliteDatabase implements Database {
  private readonly locks = new KeyedMutex();

  private constructor(private readonly pglite: PGlite) {}

  /** `dataDir`: a folder (created when missing) or `memory://`. */
  static async open(dataDir: string): Promise<PgliteDatabase> {
    if (dataDir !== 'memory://') mkdirSync(dataDir, { recursive: true });
    return new PgliteDatabase(await PGlite.create(dataDir));
  }

  query<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return queryOn<T>(this.pglite, sql, params);
  }

  async exec(sql: string): Promise<void> {
    await this.pglite.exec(sql);
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.pglite.transaction((tx) => fn(wrapTransaction(tx)));
  }

  withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.locks.run(key, fn);
  }

  async isLockHeld(key: string): Promise<boolean> {
    return this.locks.isHeld(key);
  }

  async close(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close();
  }
}

async function queryOn<T>(target: PGlite | Transaction, sql: string, params?: readonly unknown[]): Promise<T[]> {
  const result = await target.query<T>(sql, params ? [...params] : undefined);
  return result.rows;
}

function wrapTransaction(tx: Transaction): Queryable {
  return {
    query: (sql, params) => queryOn(tx, sql, params),
    exec: async (sql) => {
      await tx.exec(sql);
    },
  };
}
