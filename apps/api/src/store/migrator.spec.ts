import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migration, MIGRATIONS_DIR, migrationsDir, readMigrations, runMigrations } from './migrator';
import { SqliteDatabase } from './sqlite-database';
import { DatabaseTarget, TestDatabase, describePostgres, sqliteTarget } from '../testing/test-databases';

function migration(version: number, name: string, sql: string): Migration {
  return { version, name: `${String(version).padStart(3, '0')}_${name}.sql`, sql, checksum: `sum-${version}-${sql.length}` };
}

const first = migration(1, 'contact', 'CREATE TABLE contact (id integer PRIMARY KEY, phone text NOT NULL);');
const second = migration(
  2,
  'contact_name',
  "ALTER TABLE contact ADD COLUMN name text NOT NULL DEFAULT '';\nCREATE INDEX contact_phone ON contact (phone);",
);

function migratorContract(target: DatabaseTarget, options: { multiInstance: boolean }) {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(() => handle.close());
  beforeEach(() => handle.db.exec('DROP TABLE IF EXISTS contact; DROP TABLE IF EXISTS schema_migrations;'));

  it('applies pending migrations in order, each once', async () => {
    expect(await runMigrations(handle.db, [first])).toEqual(['001_contact.sql']);
    expect(await runMigrations(handle.db, [first, second])).toEqual(['002_contact_name.sql']);
    expect(await runMigrations(handle.db, [first, second])).toEqual([]);
    await handle.db.query("INSERT INTO contact (id, phone, name) VALUES (1, '+15005550006', 'Ada')");
    expect(await handle.db.query('SELECT version, name FROM schema_migrations ORDER BY version')).toEqual([
      { version: 1, name: '001_contact.sql' },
      { version: 2, name: '002_contact_name.sql' },
    ]);
  });

  it('applies nothing when one pending migration fails (one transaction)', async () => {
    const broken = migration(3, 'broken', 'CREATE TABLE broken (id int); INSERT INTO nowhere (id) VALUES (1);');
    await expect(runMigrations(handle.db, [first, second, broken])).rejects.toThrow(/nowhere/);
    await expect(handle.db.query('SELECT id FROM contact')).rejects.toThrow(/contact/);
    await expect(handle.db.query('SELECT version FROM schema_migrations')).rejects.toThrow(/schema_migrations/);
  });

  it('refuses to start when an applied migration was edited', async () => {
    await runMigrations(handle.db, [first]);
    const edited = { ...first, sql: `${first.sql} -- edited`, checksum: 'other' };
    await expect(runMigrations(handle.db, [edited])).rejects.toThrow('Migration 001_contact.sql changed after it was applied');
  });

  if (options.multiInstance) {
    it('lets two instances starting together apply each migration once', async () => {
      const other = await handle.openAnother();
      const [a, b] = await Promise.all([runMigrations(handle.db, [first, second]), runMigrations(other, [first, second])]);
      expect([a, b]).toContainEqual(['001_contact.sql', '002_contact_name.sql']);
      expect([a, b]).toContainEqual([]);
    });
  }
}

describe('runMigrations on SQLite', () => migratorContract(sqliteTarget, { multiInstance: false }));

describePostgres('runMigrations on PostgreSQL', (target) => migratorContract(target, { multiInstance: true }));

describe('readMigrations', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'flex-sms-migrations-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads NNN_name.sql files in version order with a checksum of their content', () => {
    writeFileSync(join(dir, '010_later.sql'), 'SELECT 10;');
    writeFileSync(join(dir, '002_sooner.sql'), 'SELECT 2;');
    writeFileSync(join(dir, 'README.md'), 'not a migration');
    const migrations = readMigrations(dir);
    expect(migrations.map((m) => [m.version, m.name, m.sql])).toEqual([
      [2, '002_sooner.sql', 'SELECT 2;'],
      [10, '010_later.sql', 'SELECT 10;'],
    ]);
    expect(migrations[0].checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects a misnamed .sql file and two files of one version', () => {
    writeFileSync(join(dir, '1_bad.sql'), 'SELECT 1;');
    expect(() => readMigrations(dir)).toThrow('1_bad.sql');
    rmSync(join(dir, '1_bad.sql'));
    writeFileSync(join(dir, '001_a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '001_b.sql'), 'SELECT 1;');
    expect(() => readMigrations(dir)).toThrow('Two migrations share version 1');
  });

  it("reads the API's own migrations: the same file names for every dialect, nothing else in their folder", () => {
    const names = (dialect: 'postgres' | 'sqlite') => readMigrations(migrationsDir(dialect)).map((m) => m.name);
    expect(names('postgres').length).toBeGreaterThan(0);
    expect(names('sqlite')).toEqual(names('postgres'));
    expect(readdirSync(MIGRATIONS_DIR).sort()).toEqual(['README.md', 'postgres', 'sqlite']);
  });
});

describe('SQLite in a data directory', () => {
  it('keeps applied migrations and data across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'flex-sms-sqlite-'));
    try {
      const before = await SqliteDatabase.open(join(dataDir, 'db', 'flex-sms.sqlite'));
      await runMigrations(before, [first]);
      await before.query("INSERT INTO contact (phone) VALUES ('+15005550006')");
      await before.close();

      const after = await SqliteDatabase.open(join(dataDir, 'db', 'flex-sms.sqlite'));
      expect(await runMigrations(after, [first])).toEqual([]);
      expect(await after.query('SELECT phone FROM contact')).toEqual([{ phone: '+15005550006' }]);
      await after.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
