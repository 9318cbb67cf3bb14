import { Pool, PoolClient, types as pgTypes } from 'pg';
import { advisoryLockKey } from './advisory-lock-key';
import { Database, Queryable } from './database';
import { KeyedMutex } from './keyed-mutex';

const INT8_OID = 20;

/** int8 (bigint, count(*)) as a number, as the Database contract says. Our ids and counts stay far below 2^53. */
const typeParsers = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? (value: string) => Number(value) : pgTypes.getTypeParser(oid, format as 'text')) as typeof pgTypes.getTypeParser,
};

/** A PostgreSQL server through a `pg` connection pool (DATABASE_URL). */
export class PostgresDatabase implements Database {
  readonly dialect = 'postgres';
  /**
   * Callers of one key in this process queue here first, so that N waiting callers hold one pooled connection
   * (the one holding the advisory lock), not N.
   */
  private readonly locks = new KeyedMutex();

  /**
   * @param pool queries and transactions.
   * @param lockPool the sessions that hold advisory locks. Separate on purpose: a lock holder's own queries then
   *   never wait for a connection that another lock holder keeps, so N conversations in flight cannot starve the
   *   pool into a deadlock; beyond `lockPool`'s size, new lock takers simply queue.
   */
  private constructor(
    private readonly pool: Pool,
    private readonly lockPool: Pool,
  ) {}

  static async connect(url: string, options: { maxConnections?: number; maxLockConnections?: number } = {}): Promise<PostgresDatabase> {
    const pool = new Pool({ connectionString: url, max: options.maxConnections ?? 10, types: typeParsers });
    const lockPool = new Pool({ connectionString: url, max: options.maxLockConnections ?? 20, types: typeParsers });
    // A dropped idle connection must not crash the process; the pool replaces it.
    pool.on('error', () => undefined);
    lockPool.on('error', () => undefined);
    const database = new PostgresDatabase(pool, lockPool);
    await database.query('SELECT 1');
    return database;
  }

  async query<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    const result = await this.pool.query(sql, params ? [...params] : undefined);
    return result.rows as T[];
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.withClient(this.pool, async (client, sessionIsClean) => {
      await client.query('BEGIN');
      let result: T;
      try {
        result = await fn(clientQueryable(client));
      } catch (error) {
        await client.query('ROLLBACK');
        sessionIsClean();
        throw error;
      }
      await client.query('COMMIT');
      sessionIsClean();
      return result;
    });
  }

  withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const lockId = advisoryLockKey(key);
    return this.locks.run(key, () =>
      this.withClient(this.lockPool, async (client, sessionIsClean) => {
        await client.query('SELECT pg_advisory_lock($1::bigint)', [lockId]);
        try {
          return await fn();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1::bigint)', [lockId]);
          sessionIsClean();
        }
      }),
    );
  }

  async isLockHeld(key: string): Promise<boolean> {
    if (this.locks.isHeld(key)) return true;
    const lockId = advisoryLockKey(key);
    return this.withClient(this.lockPool, async (client, sessionIsClean) => {
      const [{ acquired }] = (await client.query<{ acquired: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS acquired', [lockId])).rows;
      if (acquired) await client.query('SELECT pg_advisory_unlock($1::bigint)', [lockId]);
      sessionIsClean();
      return !acquired;
    });
  }

  async close(): Promise<void> {
    await Promise.all([this.pool, this.lockPool].filter((pool) => !pool.ended).map((pool) => pool.end()));
  }

  /**
   * Lends one pooled connection to `fn`. Unless `fn` reports the session clean (transaction ended, advisory lock
   * released), the connection is destroyed rather than returned to the pool: closing the session is what releases
   * a lock or a transaction left behind by a failed statement.
   */
  private async withClient<T>(pool: Pool, fn: (client: PoolClient, sessionIsClean: () => void) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let clean = false;
    try {
      return await fn(client, () => (clean = true));
    } finally {
      client.release(!clean);
    }
  }
}

function clientQueryable(client: PoolClient): Queryable {
  return {
    dialect: 'postgres',
    query: async <T>(sql: string, params?: readonly unknown[]) => (await client.query(sql, params ? [...params] : undefined)).rows as T[],
    exec: async (sql) => {
      await client.query(sql);
    },
  };
}
