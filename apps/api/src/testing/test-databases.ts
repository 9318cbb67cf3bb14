import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { advisoryLockKey } from '../store/advisory-lock-key';
import { Database } from '../store/database';
import { PostgresDatabase } from '../store/postgres-database';
import { SqliteDatabase } from '../store/sqlite-database';

/** A database flavour the store tests run against. */
export interface DatabaseTarget {
  name: string;
  /** Opens a fresh, empty database (its own schema on PostgreSQL). Call again for a second "instance" on the same one. */
  open(): Promise<TestDatabase>;
}

export interface TestDatabase {
  db: Database;
  /** Opens another connection pool on the same database, as a second API instance would. */
  openAnother(): Promise<Database>;
  close(): Promise<void>;
}

export const sqliteTarget: DatabaseTarget = {
  name: 'SQLite (embedded)',
  async open() {
    const db = await SqliteDatabase.open('memory://');
    return {
      db,
      openAnother: () => {
        throw new Error('The embedded SQLite database belongs to one process: there is no second instance on the same data');
      },
      close: () => db.close(),
    };
  },
};

/**
 * PostgreSQL from TEST_DATABASE_URL (the repo's test command starts a throwaway server and sets it). Each open()
 * gets a schema of its own, dropped on close, so suites running at the same time do not see each other's tables.
 */
export function postgresTarget(url: string): DatabaseTarget {
  return {
    name: 'PostgreSQL (TEST_DATABASE_URL)',
    async open() {
      const { url: schemaUrl, drop } = await createTestSchema(url);
      const pools: Database[] = [];
      const connect = async () => {
        const db = await PostgresDatabase.connect(schemaUrl, { maxConnections: 4 });
        pools.push(db);
        return db;
      };
      const db = await connect();
      return {
        db,
        openAnother: connect,
        async close() {
          await Promise.all(pools.map((pool) => pool.close()));
          await drop();
        },
      };
    },
  };
}

/** The targets of this run: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** `describe` for PostgreSQL suites: skipped, saying why, when TEST_DATABASE_URL is absent. */
export function describePostgres(title: string, body: (target: DatabaseTarget) => void): void {
  if (!TEST_DATABASE_URL) {
    console.warn(`${title}: PostgreSQL tests skipped because TEST_DATABASE_URL is not set (\`npm test\` starts a throwaway PostgreSQL and sets it)`);
    describe.skip(`${title} [PostgreSQL: skipped, TEST_DATABASE_URL is not set; \`npm test\` starts a throwaway server]`, () => {
      it('needs TEST_DATABASE_URL', () => undefined);
    });
    return;
  }
  describe(title, () => body(postgresTarget(TEST_DATABASE_URL as string)));
}

/**
 * A fresh schema on the PostgreSQL server at `url`, and a URL whose connections use it (search_path): what a test
 * app needs to run its migrations on PostgreSQL without touching anyone else's tables.
 */
export async function createTestSchema(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `CREATE SCHEMA ${schema}`);
  return { url: withSearchPath(url, schema), drop: async () => void (await adminQuery(url, `DROP SCHEMA ${schema} CASCADE`)) };
}

function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

/**
 * Ends the PostgreSQL session holding the advisory lock named `name` (Database.withLock), on the TEST_DATABASE_URL
 * server, as a server restart or a cut connection would end it; resolves to the number of sessions ended.
 */
export async function endSessionHoldingLock(name: string): Promise<number> {
  // pg_locks names a one-bigint advisory lock by its high and low 32 bits (classid, objid), objsubid 1.
  const key = BigInt.asUintN(64, BigInt(advisoryLockKey(name)));
  const ended = await adminQuery<{ ended: boolean }>(
    TEST_DATABASE_URL as string,
    `SELECT pg_terminate_backend(pid) AS ended FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND classid = $1::bigint::oid AND objid = $2::bigint::oid`,
    [String(key >> 32n), String(key & 0xffffffffn)],
  );
  return ended.filter((row) => row.ended).length;
}

async function adminQuery<T = unknown>(url: string, sql: string, params?: unknown[]): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
