import { Pool, PoolClient, QueryConfig, types as pgTypes } from 'pg';
import { advisoryLockKey } from './advisory-lock-key';
import { Database, LockOptions, Queryable, QueryOptions } from './database';
import { DatabaseUnavailable } from './database-unavailable';
import { HeldLock, LockSession, assertHeldLocksKept, lockSessionHere, whileHolding } from './held-lock';
import { KeyedMutex } from './keyed-mutex';
import { asDatabaseUnavailable, rethrowAsUnavailable } from './postgres-errors';

const INT8_OID = 20;

/** int8 (bigint, count(*)) as a number, as the Database contract says. Our ids and counts stay far below 2^53. */
const typeParsers = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : pgTypes.getTypeParser(oid, format as 'text')) as typeof pgTypes.getTypeParser,
};

/**
 * Every connection keeps the statements prepared on it until it closes: a bound on how many, should a statement whose
 * text varies ever be prepared. The statements a send runs are about a dozen texts.
 */
export const MAX_PREPARED_STATEMENTS = 100;

/**
 * The names of prepared statements (QueryOptions.prepare), one per text, the same on every connection of the
 * database: node-postgres parses a named statement on a connection the first time it runs there, and from then on
 * only binds and executes it.
 */
class PreparedStatements {
  private readonly names = new Map<string, string>();

  config(sql: string, params: readonly unknown[] | undefined, options: QueryOptions | undefined): QueryConfig {
    const values = params ? [...params] : undefined;
    if (!options?.prepare) return { text: sql, values };
    let name = this.names.get(sql);
    if (name === undefined && this.names.size < MAX_PREPARED_STATEMENTS) this.names.set(sql, (name = `flex_sms_${this.names.size + 1}`));
    return { name, text: sql, values };
  }
}

/**
 * A PostgreSQL server through a `pg` connection pool (DATABASE_URL). The server may go away at any time (a managed
 * database's failover or maintenance ends every session with 57P01): every call then rejects with
 * DatabaseUnavailable, no connection's error ever goes unheard (an unhandled 'error' event would end the process),
 * and the pools connect again by themselves once the server is back.
 */
export class PostgresDatabase implements Database {
  readonly dialect = 'postgres';
  /**
   * Callers of one key in this process queue here first, so that N waiting callers hold one pooled connection
   * (the one holding the advisory lock), not N.
   */
  private readonly locks = new KeyedMutex();
  /** Keys whose advisory lock died with its session while their callback still runs: held by nobody here. */
  private readonly lostLocks = new Set<string>();
  private readonly statements = new PreparedStatements();

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
    // TCP keep-alive: a lock session whose server vanished without closing it (a failover moving the address) is
    // noticed, and its lock given up, instead of being trusted for as long as the socket stays open.
    const settings = { connectionString: url, types: typeParsers, keepAlive: true, keepAliveInitialDelayMillis: 10_000 };
    const pool = new Pool({ ...settings, max: options.maxConnections ?? 10 });
    const lockPool = new Pool({ ...settings, max: options.maxLockConnections ?? 20 });
    // An idle connection the server drops must not crash the process; the pool replaces it. (withClient watches
    // the connections it lends out.)
    pool.on('error', () => undefined);
    lockPool.on('error', () => undefined);
    const database = new PostgresDatabase(pool, lockPool);
    try {
      await database.query('SELECT 1');
    } catch (error) {
      await database.close();
      throw error;
    }
    return database;
  }

  async query<T>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<T[]> {
    assertHeldLocksKept();
    const session = lockSessionHere();
    if (session && session.state !== 'released') return session.query<T>(sql, params, options);
    const result = await this.pool.query(this.statements.config(sql, params, options)).catch(rethrowAsUnavailable);
    return result.rows as T[];
  }

  async exec(sql: string): Promise<void> {
    assertHeldLocksKept();
    await this.pool.query(sql).catch(rethrowAsUnavailable);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    assertHeldLocksKept();
    return this.withClient(this.pool, async (client, sessionIsClean) => {
      await client.query('BEGIN');
      let result: T;
      try {
        result = await fn(clientQueryable(client, this.statements));
      } catch (error) {
        // On a dead connection ROLLBACK fails too: the session, left unclean, is destroyed, which rolls back as well.
        await client.query('ROLLBACK').then(sessionIsClean, () => undefined);
        throw error;
      }
      await client.query('COMMIT');
      sessionIsClean();
      return result;
    });
  }

  withLock<T>(key: string, fn: (lock: HeldLock) => Promise<T>, options: LockOptions = {}): Promise<T> {
    const lockId = advisoryLockKey(key);
    return this.locks.run(key, () =>
      this.withClient(this.lockPool, async (client, sessionIsClean, sessionLost) => {
        const session = options.sharedSession ? new PostgresLockSession(client, lockId, this.statements) : undefined;
        if (!session) await client.query('SELECT pg_advisory_lock($1::bigint)', [lockId]);
        const lock = new HeldLock(session);
        let holding = true;
        void sessionLost.then((reason) => {
          if (!holding) return;
          lock.lose(reason);
          this.lostLocks.add(key);
        });
        try {
          return await whileHolding(lock, () => fn(lock));
        } finally {
          holding = false;
          this.lostLocks.delete(key);
          // A lost lock's session is dead: left unclean, withClient destroys it.
          if (lock.isLost) {
            // nothing to release
          } else if (session?.state === 'untaken' || session?.state === 'released') {
            sessionIsClean();
          } else {
            // A failed unlock leaves the session unclean: withClient then destroys it, which releases the lock too.
            // (After a statement that may or may not have taken or released it, unlocking a lock not held only warns.)
            await client.query('SELECT pg_advisory_unlock($1::bigint)', [lockId]).then(sessionIsClean, () => undefined);
          }
        }
      }),
    );
  }

  async isLockHeld(key: string): Promise<boolean> {
    if (this.locks.isHeld(key) && !this.lostLocks.has(key)) return true;
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
   * a lock or a transaction left behind by a failed statement. `sessionLost` resolves if the connection dies
   * while lent out.
   */
  private async withClient<T>(
    pool: Pool,
    fn: (client: PoolClient, sessionIsClean: () => void, sessionLost: Promise<DatabaseUnavailable>) => Promise<T>,
  ): Promise<T> {
    const client = await pool.connect().catch(rethrowAsUnavailable);
    let clean = false;
    let reportLoss!: (reason: DatabaseUnavailable) => void;
    const sessionLost = new Promise<DatabaseUnavailable>((resolve) => (reportLoss = resolve));
    // The pool stops listening to a connection it lends out: without this listener, the server ending the session
    // while no statement runs on it (a lock holder waiting on Twilio) is an unhandled 'error' event.
    const onError = (error: Error) => reportLoss(asDatabaseUnavailable(error) ?? new DatabaseUnavailable(error.message, { cause: error }));
    client.on('error', onError);
    try {
      return await fn(client, () => (clean = true), sessionLost).catch(rethrowAsUnavailable);
    } finally {
      client.off('error', onError);
      client.release(!clean);
    }
  }
}

/** A lock's session shared with the statements of the work holding it (see LockSession). */
class PostgresLockSession implements LockSession {
  readonly dialect = 'postgres';
  state: LockSession['state'] = 'untaken';

  constructor(
    private readonly client: PoolClient,
    readonly lockId: string,
    private readonly statements: PreparedStatements,
  ) {}

  async query<T>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<T[]> {
    if (this.state !== 'held')
      throw new Error(`A statement under a lock taken by its own statements, while the lock is ${this.state}: take it first`);
    return this.run<T>(sql, params, options);
  }

  async exec(sql: string): Promise<void> {
    await this.query(sql);
  }

  async take<T>(sql: string, params: readonly unknown[], options?: QueryOptions): Promise<T[]> {
    if (this.state !== 'untaken') throw new Error(`The lock is ${this.state}: it is taken once`);
    this.state = 'uncertain';
    const rows = await this.run<T>(sql, params, options);
    this.state = 'held';
    return rows;
  }

  async release<T>(sql: string, params: readonly unknown[], options?: QueryOptions): Promise<T[]> {
    if (this.state !== 'held') throw new Error(`The lock is ${this.state}: only a held lock is released`);
    this.state = 'uncertain';
    const rows = await this.run<T>(sql, params, options);
    this.state = 'released';
    return rows;
  }

  private async run<T>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<T[]> {
    assertHeldLocksKept();
    return (await this.client.query(this.statements.config(sql, params, options)).catch(rethrowAsUnavailable)).rows as T[];
  }
}

function clientQueryable(client: PoolClient, statements: PreparedStatements): Queryable {
  return {
    dialect: 'postgres',
    query: async <T>(sql: string, params?: readonly unknown[], options?: QueryOptions) => {
      assertHeldLocksKept();
      return (await client.query(statements.config(sql, params, options)).catch(rethrowAsUnavailable)).rows as T[];
    },
    exec: async (sql) => {
      assertHeldLocksKept();
      await client.query(sql).catch(rethrowAsUnavailable);
    },
  };
}
