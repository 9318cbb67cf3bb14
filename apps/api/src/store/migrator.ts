import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { advisoryLockKey } from './advisory-lock-key';
import { Database, Queryable, SqlDialect } from './database';

/** Where the API's migrations live, beside this file in src/ and in dist/ (the build copies them): a folder per dialect. */
export const MIGRATIONS_DIR = join(__dirname, 'migrations');

export function migrationsDir(dialect: SqlDialect): string {
  return join(MIGRATIONS_DIR, dialect);
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

const FILE_NAME = /^(\d{3})_([a-z0-9_]+)\.sql$/;

/** Reads `NNN_name.sql` files in version order. Any other .sql name is an error, so a typo cannot skip a file. */
export function readMigrations(dir: string): Migration[] {
  const files = readdirSync(dir).filter((file) => file.endsWith('.sql'));
  const migrations = files.map((file) => {
    const match = FILE_NAME.exec(file);
    if (!match) throw new Error(`Migration file ${file} in ${dir} is not named NNN_snake_case_name.sql`);
    const sql = readFileSync(join(dir, file), 'utf8');
    return { version: Number(match[1]), name: file, sql, checksum: createHash('sha256').update(sql).digest('hex') };
  });
  migrations.sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (index > 0 && migrations[index - 1].version === migration.version) {
      throw new Error(`Two migrations share version ${migration.version}: ${migrations[index - 1].name} and ${migration.name}`);
    }
  });
  return migrations;
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

/** What the migrator itself runs, per dialect: its own table, and how instances starting together take turns. */
const BOOKKEEPING: Record<SqlDialect, { takeTurns(tx: Queryable): Promise<unknown>; table: string }> = {
  postgres: {
    // A transaction-scoped advisory lock: the second instance waits, then finds everything applied.
    takeTurns: (tx) => tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [advisoryLockKey('store:migrations')]),
    table: `
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version    integer PRIMARY KEY,
        name       text NOT NULL,
        checksum   text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`,
  },
  sqlite: {
    // One process owns the file, and its transactions begin IMMEDIATE (holding the write lock): nothing to wait for.
    takeTurns: async () => undefined,
    table: `
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version    integer PRIMARY KEY,
        name       text NOT NULL,
        checksum   text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      )`,
  },
};

/**
 * Applies the migrations not applied yet, all in one transaction (all or nothing), and returns their names. API
 * instances that start together take turns: the second one finds everything applied. An applied migration whose
 * file changed since is an error: edit by adding a new migration, never by rewriting an applied one.
 */
export async function runMigrations(db: Database, migrations: readonly Migration[]): Promise<string[]> {
  const bookkeeping = BOOKKEEPING[db.dialect];
  return db.transaction(async (tx) => {
    await bookkeeping.takeTurns(tx);
    await tx.exec(bookkeeping.table);
    const applied = new Map((await tx.query<AppliedRow>('SELECT version, name, checksum FROM schema_migrations')).map((row) => [row.version, row]));
    const pending: Migration[] = [];
    for (const migration of migrations) {
      const done = applied.get(migration.version);
      if (!done) pending.push(migration);
      else if (done.checksum !== migration.checksum || done.name !== migration.name) {
        throw new Error(`Migration ${migration.name} changed after it was applied (as ${done.name}); add a new migration instead`);
      }
    }
    for (const migration of pending) {
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
    }
    return pending.map((migration) => migration.name);
  });
}

/** Applies the API's own migrations for the database's dialect; returns the names of those it applied. */
export function migrateToLatest(db: Database): Promise<string[]> {
  return runMigrations(db, readMigrations(migrationsDir(db.dialect)));
}
