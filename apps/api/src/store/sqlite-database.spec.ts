import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Queryable } from './database';
import { embeddedDatabaseFile, openDatabase } from './open-database';
import { SqliteDatabase } from './sqlite-database';

/** What only the embedded database has to say; the behaviour both dialects share is in database.spec.ts. */
describe('SqliteDatabase', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'flex-sms-sqlite-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('belongs to one process: a second opener of the file is refused, saying why, until the first closes', async () => {
    const file = embeddedDatabaseFile(dataDir);
    const owner = await openDatabase({ kind: 'embedded', dataDir });
    await expect(openDatabase({ kind: 'embedded', dataDir })).rejects.toThrow(`The embedded database ${file} is in use by another process`);
    await owner.close();
    const next = await openDatabase({ kind: 'embedded', dataDir });
    await next.close();
  });

  it('refuses to start beside an earlier version’s embedded PostgreSQL (PGlite) data, rather than start empty', async () => {
    mkdirSync(join(dataDir, 'db'));
    writeFileSync(join(dataDir, 'db', 'PG_VERSION'), '17\n');
    await expect(openDatabase({ kind: 'embedded', dataDir })).rejects.toThrow(
      /holds an embedded PostgreSQL \(PGlite\) database from an earlier version/,
    );
  });

  it('refuses a statement on a transaction that has ended (it would run outside the transaction)', async () => {
    const db = await SqliteDatabase.open('memory://');
    let leaked!: Queryable;
    await db.transaction(async (tx) => {
      leaked = tx;
    });
    await expect(leaked.query('SELECT 1')).rejects.toThrow('This transaction has ended');
    await db.close();
  });

  it('runs transactions started at the same time one after another, each whole, and a statement between them outside all', async () => {
    const db = await SqliteDatabase.open('memory://');
    await db.exec('CREATE TABLE item (name text)');
    const transactions = Array.from({ length: 3 }, (_, i) =>
      db.transaction(async (tx) => {
        const [{ count }] = await tx.query<{ count: number }>('SELECT count(*) AS count FROM item');
        await tx.query('INSERT INTO item (name) VALUES ($1)', [`after-${count}-by-${i}`]);
        return count;
      }),
    );
    const outside = db.query('INSERT INTO item (name) VALUES ($1) RETURNING name', ['outside']);
    // One connection: each transaction sees every earlier one's row, so no two counted the same.
    expect(new Set(await Promise.all(transactions)).size).toBe(3);
    expect(await outside).toEqual([{ name: 'outside' }]);
    await db.close();
  });

  it('reads a column added by a migration by its declared type, in a statement prepared before the migration', async () => {
    const db = await SqliteDatabase.open('memory://');
    await db.exec('CREATE TABLE item (name text)');
    await db.query("INSERT INTO item (name) VALUES ('a')");
    expect(await db.query('SELECT * FROM item')).toEqual([{ name: 'a' }]);
    await db.exec('ALTER TABLE item ADD COLUMN made_at timestamptz');
    await db.query('UPDATE item SET made_at = $1', [new Date('2026-11-24T18:00:00.000Z')]);
    expect(await db.query('SELECT * FROM item')).toEqual([{ name: 'a', made_at: new Date('2026-11-24T18:00:00.000Z') }]);
    await db.close();
  });

  it('says which parameter is missing', async () => {
    const db = await SqliteDatabase.open('memory://');
    await expect(db.query('SELECT $1 AS a, $2 AS b', ['only one'])).rejects.toThrow('The statement uses $2 but 1 parameter(s) were given');
    await db.close();
  });
});
