import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { breakDisk, fillDisk } from '../testing/embedded-disk-faults';
import { DatabaseTarget, TestDatabase, describePostgres, endSessionHoldingLock, sqliteTarget } from '../testing/test-databases';
import { PREPARED, type SqlDialect } from './database';
import { DatabaseUnavailable } from './database-unavailable';
import { HeldLock, apartFromHeldLocks, whileHolding } from './held-lock';
import { MAX_PREPARED_STATEMENTS, PostgresDatabase } from './postgres-database';
import { isUniqueViolation } from './sql-errors';
import { SqliteDatabase } from './sqlite-database';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `fn` as a critical section and records when it entered and left, to check for overlaps. */
function recorder() {
  const events: string[] = [];
  return {
    events,
    section: (name: string) => async () => {
      events.push(`${name}:in`);
      await sleep(40);
      events.push(`${name}:out`);
      return name;
    },
  };
}

/** The column types of these tests that differ between the dialects (see migrations/README.md). */
const TYPES: Record<SqlDialect, { id: string; textArray: string }> = {
  postgres: { id: 'bigserial PRIMARY KEY', textArray: 'text[]' },
  sqlite: { id: 'integer PRIMARY KEY', textArray: 'jsonb' },
};

function databaseContract(target: DatabaseTarget, options: { multiInstance: boolean }) {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(() => handle.close());
  beforeEach(() => {
    const types = TYPES[handle.db.dialect];
    return handle.db.exec(`
      DROP TABLE IF EXISTS item;
      CREATE TABLE item (id ${types.id}, name text NOT NULL UNIQUE, made_at timestamptz, data jsonb, tags ${types.textArray}, done boolean, ratio double precision);`);
  });

  it('returns rows with the same value types on every dialect', async () => {
    const madeAt = new Date('2026-11-24T18:00:00.123Z');
    await handle.db.query('INSERT INTO item (name, made_at, data, tags, done, ratio) VALUES ($1, $2, $3, $4, $5, $6)', [
      'a',
      madeAt,
      JSON.stringify({ sid: 'CH1', n: [1] }),
      ['+15005550006'],
      true,
      1.5,
    ]);
    await handle.db.query('INSERT INTO item (name, made_at, data, tags, done, ratio) VALUES ($1, $2, $3, $4, $5, $6)', [
      'b',
      null,
      null,
      null,
      false,
      null,
    ]);
    const rows = await handle.db.query('SELECT id, name, made_at, data, tags, done, ratio FROM item ORDER BY name');
    expect(rows).toEqual([
      { id: expect.any(Number), name: 'a', made_at: madeAt, data: { sid: 'CH1', n: [1] }, tags: ['+15005550006'], done: true, ratio: 1.5 },
      { id: expect.any(Number), name: 'b', made_at: null, data: null, tags: null, done: false, ratio: null },
    ]);
    expect(await handle.db.query('SELECT count(*) AS total FROM item')).toEqual([{ total: 2 }]);
    // RETURNING reads back alike, and parameters given twice are one value.
    expect(
      await handle.db.query('UPDATE item SET made_at = $1, done = $2 WHERE name = $3 OR made_at = $1 RETURNING made_at, done', [madeAt, false, 'b']),
    ).toEqual([
      { made_at: madeAt, done: false },
      { made_at: madeAt, done: false },
    ]);
  });

  it('compares and orders timestamps as time, to the millisecond', async () => {
    const at = (ms: number) => new Date(Date.UTC(2026, 10, 24, 18) + ms);
    for (const [name, ms] of [
      ['later', 1],
      ['earliest', -86_400_000],
      ['now', 0],
    ] as const) {
      await handle.db.query('INSERT INTO item (name, made_at) VALUES ($1, $2)', [name, at(ms)]);
    }
    expect(await handle.db.query('SELECT name FROM item WHERE made_at >= $1 ORDER BY made_at', [at(0)])).toEqual([
      { name: 'now' },
      { name: 'later' },
    ]);
    expect(await handle.db.query('SELECT name FROM item WHERE made_at = $1', [at(1)])).toEqual([{ name: 'later' }]);
  });

  it('answers a prepared statement as it answers the same statement unprepared, call after call, in and out of transactions and locks', async () => {
    const insert = 'INSERT INTO item (name, made_at, done) VALUES ($1, $2, $3) RETURNING name, made_at, done';
    const select = 'SELECT name, made_at, done FROM item WHERE name = $1 OR done = $2 ORDER BY name';
    const madeAt = new Date('2026-12-05T15:00:00.250Z');
    // More calls than PostgreSQL's custom plans (5) before it may switch the statement to its generic plan.
    for (let i = 0; i < 8; i++)
      expect(await handle.db.query(insert, [`item-${i}`, i % 2 ? madeAt : null, i % 2 === 0], PREPARED)).toEqual([
        { name: `item-${i}`, made_at: i % 2 ? madeAt : null, done: i % 2 === 0 },
      ]);
    await handle.db.transaction(async (tx) => {
      await tx.query(insert, ['in-transaction', madeAt, false], PREPARED);
      expect(await tx.query(select, ['in-transaction', true], PREPARED)).toEqual(await tx.query(select, ['in-transaction', true]));
    });
    await handle.db.withLock(`prepared:${randomUUID()}`, async () => {
      for (const [name, done] of [
        ['item-1', true],
        ['none', false],
        ['item-3', false],
      ] as const)
        expect(await handle.db.query(select, [name, done], PREPARED)).toEqual(await handle.db.query(select, [name, done]));
    });
    expect((await handle.db.query<{ name: string }>(select, ['none', false], PREPARED)).map((row) => row.name)).toEqual([
      'in-transaction',
      'item-1',
      'item-3',
      'item-5',
      'item-7',
    ]);
  });

  it('commits a transaction that resolves', async () => {
    const result = await handle.db.transaction(async (tx) => {
      await tx.query('INSERT INTO item (name) VALUES ($1)', ['kept']);
      return 'done';
    });
    expect(result).toBe('done');
    expect(await handle.db.query('SELECT name FROM item')).toEqual([{ name: 'kept' }]);
  });

  it('rolls back a transaction that throws, and rethrows its error', async () => {
    const failure = new Error('step 2 failed');
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.query('INSERT INTO item (name) VALUES ($1)', ['discarded']);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await handle.db.query('SELECT name FROM item')).toEqual([]);
  });

  it('rolls back a transaction whose statement fails, and stays usable', async () => {
    await handle.db.query('INSERT INTO item (name) VALUES ($1)', ['taken']);
    const failure = await handle.db
      .transaction(async (tx) => {
        await tx.query('INSERT INTO item (name) VALUES ($1)', ['fresh']);
        await tx.query('INSERT INTO item (name) VALUES ($1)', ['taken']);
      })
      .catch((error: unknown) => error);
    expect(isUniqueViolation(failure)).toBe(true);
    expect(await handle.db.query('SELECT name FROM item ORDER BY name')).toEqual([{ name: 'taken' }]);
  });

  it('runs a statement from outside a transaction after the transaction, never inside it', async () => {
    let inside!: () => void;
    const entered = new Promise<void>((resolve) => (inside = resolve));
    const rolledBack = handle.db
      .transaction(async (tx) => {
        await tx.query('INSERT INTO item (name) VALUES ($1)', ['in-transaction']);
        inside();
        await sleep(40);
        throw new Error('undo');
      })
      .catch(() => 'rolled back');
    await entered;
    // Issued while the transaction is open: it must not be rolled back with it (nor see its row).
    const outside = handle.db.query('INSERT INTO item (name) VALUES ($1) RETURNING name', ['outside']);
    expect(await rolledBack).toBe('rolled back');
    expect(await outside).toEqual([{ name: 'outside' }]);
    expect(await handle.db.query('SELECT name FROM item')).toEqual([{ name: 'outside' }]);
  });

  it('runs withLock callers of one key one after another', async () => {
    const { events, section } = recorder();
    const key = `outbound:${randomUUID()}`;
    const results = await Promise.all([handle.db.withLock(key, section('a')), handle.db.withLock(key, section('b'))]);
    expect(results).toEqual(['a', 'b']);
    expect(events).toEqual(['a:in', 'a:out', 'b:in', 'b:out']);
  });

  it('runs withLock callers of different keys at the same time', async () => {
    const { events, section } = recorder();
    await Promise.all([handle.db.withLock(`a:${randomUUID()}`, section('a')), handle.db.withLock(`b:${randomUUID()}`, section('b'))]);
    expect(events.slice(0, 2).sort()).toEqual(['a:in', 'b:in']);
  });

  it('releases the lock when the locked function throws', async () => {
    const key = `failing:${randomUUID()}`;
    await expect(handle.db.withLock(key, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(handle.db.withLock(key, async () => 'next')).resolves.toBe('next');
  });

  it('lets more lock holders than pooled connections query inside their locks (no pool starvation)', async () => {
    // The PostgreSQL test pool has 4 connections: 12 holders that each query would deadlock if holding a lock
    // used up a query connection.
    const holders = Array.from({ length: 12 }, (_, i) =>
      handle.db.withLock(`starve:${randomUUID()}`, async () => {
        await handle.db.query(`INSERT INTO item (name) VALUES ($1)`, [`holder-${i}`]);
        await sleep(20);
        return (await handle.db.query<{ n: number }>('SELECT count(*) AS n FROM item'))[0].n;
      }),
    );
    const counts = await Promise.all(holders);
    expect(counts).toHaveLength(12);
    expect((await handle.db.query<{ n: number }>('SELECT count(*) AS n FROM item'))[0].n).toBe(12);
  }, 15_000);

  it('tells whether a lock is held, and forgets it once released', async () => {
    const key = `presence:${randomUUID()}`;
    let release!: () => void;
    let acquired!: () => void;
    const isAcquired = new Promise<void>((resolve) => (acquired = resolve));
    const holding = handle.db.withLock(key, () => {
      acquired();
      return new Promise<void>((resolve) => (release = resolve));
    });
    await isAcquired;
    expect(await handle.db.isLockHeld(key)).toBe(true);
    expect(await handle.db.isLockHeld(`${key}:other`)).toBe(false);
    release();
    await holding;
    expect(await handle.db.isLockHeld(key)).toBe(false);
  });

  it('hands withLock its lock, held while the callback runs', async () => {
    const lost = await handle.db.withLock(`held:${randomUUID()}`, async (lock) => {
      await handle.db.query('INSERT INTO item (name) VALUES ($1)', ['under the lock']);
      return lock.isLost;
    });
    expect(lost).toBe(false);
    expect(await handle.db.query('SELECT name FROM item')).toEqual([{ name: 'under the lock' }]);
  });

  it('fences work that depends on a lost lock: its next statement fails with DatabaseUnavailable, in a transaction too', async () => {
    const gone = new HeldLock();
    gone.lose(new DatabaseUnavailable('57P01 terminating connection due to administrator command'));
    await expect(whileHolding(gone, () => handle.db.query('INSERT INTO item (name) VALUES ($1)', ['fenced']))).rejects.toThrow(
      /^a lock this work held was lost with its database session \(57P01/,
    );
    await expect(whileHolding(gone, () => handle.db.exec("INSERT INTO item (name) VALUES ('fenced')"))).rejects.toBeInstanceOf(DatabaseUnavailable);
    // Lost while a transaction of the work is open: the statement after the loss fails, and the transaction is rolled back.
    const losing = new HeldLock();
    const inTransaction = whileHolding(losing, () =>
      handle.db.transaction(async (tx) => {
        await tx.query('INSERT INTO item (name) VALUES ($1)', ['before the loss']);
        losing.lose(new DatabaseUnavailable('57P01 terminating connection due to administrator command'));
        await tx.query('INSERT INTO item (name) VALUES ($1)', ['after the loss']);
      }),
    );
    await expect(inTransaction).rejects.toBeInstanceOf(DatabaseUnavailable);
    // Work of its own started by fenced work (a follow-up), and everyone else, go on.
    await whileHolding(gone, () => apartFromHeldLocks(() => handle.db.query('INSERT INTO item (name) VALUES ($1)', ['apart'])));
    expect(await handle.db.query('SELECT name FROM item')).toEqual([{ name: 'apart' }]);
  });

  if (options.multiInstance) {
    it('sees a lock held by another API instance on the same database, and its release (advisory lock)', async () => {
      const other = await handle.openAnother();
      const key = `instance:${randomUUID()}`;
      let release!: () => void;
      let acquired!: () => void;
      const isAcquired = new Promise<void>((resolve) => (acquired = resolve));
      const holding = other.withLock(key, () => {
        acquired();
        return new Promise<void>((resolve) => (release = resolve));
      });
      await isAcquired;
      expect(await handle.db.isLockHeld(key)).toBe(true);
      release();
      await holding;
      expect(await handle.db.isLockHeld(key)).toBe(false);
      await other.close();
    });

    it('loses a lock whose session dies: another instance takes it at once, and the holder can no longer write', async () => {
      const other = await handle.openAnother();
      const key = `lost:${randomUUID()}`;
      let acquired!: () => void;
      const isAcquired = new Promise<void>((resolve) => (acquired = resolve));
      let goOn!: () => void;
      const mayGoOn = new Promise<void>((resolve) => (goOn = resolve));
      const holding = handle.db.withLock(key, async (lock) => {
        acquired();
        const reason = await lock.lost;
        await mayGoOn;
        // What a send does next: a journal write. It must not happen beside the lock's new holder.
        const write = await handle.db.query('INSERT INTO item (name) VALUES ($1)', ['after the loss']).then(
          () => 'written',
          (error: unknown) => error,
        );
        return { reason, write };
      });
      await isAcquired;

      expect(await endSessionHoldingLock(key)).toBe(1);
      await expect(other.withLock(key, async () => 'taken by the other instance')).resolves.toBe('taken by the other instance');
      expect(await handle.db.isLockHeld(key)).toBe(false);
      goOn();
      const { reason, write } = await holding;

      expect(reason).toEqual(expect.objectContaining({ name: 'DatabaseUnavailable', message: expect.stringContaining('57P01') }));
      expect(write).toBeInstanceOf(DatabaseUnavailable);
      expect(await handle.db.query('SELECT name FROM item')).toEqual([]);
      // Everyone else, this instance included, goes on as before; the lock can be taken again.
      await expect(handle.db.withLock(key, async () => handle.db.query<{ one: number }>('SELECT 1 AS one'))).resolves.toEqual([{ one: 1 }]);
      await other.close();
    });

    it('prepares a statement once per connection, by name, and only those asked, up to the bound', async () => {
      const other = await handle.openAnother();
      // One transaction: one connection, whose prepared statements pg_prepared_statements lists.
      const { first, kept } = await other.transaction(async (tx) => {
        for (let i = 0; i < 3; i++) await tx.query('SELECT name FROM item WHERE name = $1', [`x${i}`], PREPARED);
        await tx.query('SELECT name FROM item WHERE done = $1', [true]);
        const listed = await tx.query<{ name: string; statement: string }>('SELECT name, statement FROM pg_prepared_statements');
        // Statements whose text varies past the bound still run, unprepared: a connection keeps at most the bound.
        for (let i = 0; i < MAX_PREPARED_STATEMENTS + 10; i++)
          expect(await tx.query(`SELECT $1::int + ${i} AS sum`, [1], PREPARED)).toEqual([{ sum: 1 + i }]);
        const [{ count }] = await tx.query<{ count: number }>('SELECT count(*) AS count FROM pg_prepared_statements');
        return { first: listed, kept: count };
      });
      expect(first).toEqual([{ name: expect.any(String), statement: 'SELECT name FROM item WHERE name = $1' }]);
      expect(kept).toBe(MAX_PREPARED_STATEMENTS);
      await other.close();
    });

    it('serialises withLock across two API instances on the same database (advisory lock)', async () => {
      const other = await handle.openAnother();
      const { events, section } = recorder();
      const key = `shared:${randomUUID()}`;
      await Promise.all([handle.db.withLock(key, section('a')), other.withLock(key, section('b'))]);
      expect([events[0], events[1]]).toEqual([events[0], events[0].replace(':in', ':out')]);
    });
  }
}

describe('Database on SQLite', () => databaseContract(sqliteTarget, { multiInstance: false }));

describe('SQLite on a full or failing disk', () => {
  let dataDir: string;
  let file: string;
  let db: SqliteDatabase;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'flex-sms-failing-disk-'));
    file = join(dataDir, 'flex-sms.sqlite');
    db = await SqliteDatabase.open(file);
    await db.exec(`CREATE TABLE item (id integer PRIMARY KEY, name text NOT NULL); INSERT INTO item (name) VALUES ('first')`);
  });
  afterAll(async () => {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => db.exec(`DELETE FROM item WHERE name <> 'first'`));

  // More than a page holds: it needs pages the full database does not have.
  const aLargeRow = `INSERT INTO item (name) VALUES (hex(randomblob(16384)))`;

  it('fails a write the full disk refuses with DatabaseUnavailable, keeps its in-process lock, and writes again once there is room', async () => {
    const disk = await fillDisk(db);
    const { refused, lockLost } = await db.withLock(`full:${randomUUID()}`, async (lock) => ({
      refused: await db.query(aLargeRow).catch((error: unknown) => error),
      lockLost: lock.isLost,
    }));
    expect(refused).toBeInstanceOf(DatabaseUnavailable);
    expect(refused).toEqual(expect.objectContaining({ message: 'SQLITE_FULL database or disk is full' }));
    // An in-process lock is never lost: the holder may undo what it did itself.
    expect(lockLost).toBe(false);
    // A transaction that fails on the full disk is rolled back whole; statements after it run outside it.
    const inTransaction = db.transaction(async (tx) => {
      await tx.query(`INSERT INTO item (name) VALUES ('fits')`);
      await tx.query(aLargeRow);
    });
    await expect(inTransaction).rejects.toThrow('SQLITE_FULL');
    expect(await db.query('SELECT name FROM item')).toEqual([{ name: 'first' }]);

    await disk.makeRoom();
    await db.query(aLargeRow);
    expect(await db.query<{ n: number }>('SELECT count(*) AS n FROM item')).toEqual([{ n: 2 }]);
  });

  it('fails writes on a disk that refuses them (I/O error) with DatabaseUnavailable, reads meanwhile, and writes again once repaired', async () => {
    const disk = breakDisk(file);
    let refused: unknown;
    try {
      refused = await db.query(`INSERT INTO item (name) VALUES ('second')`).catch((error: unknown) => error);
      expect(await db.query('SELECT name FROM item')).toEqual([{ name: 'first' }]);
    } finally {
      disk.repair();
    }
    expect(refused).toBeInstanceOf(DatabaseUnavailable);
    expect(refused).toEqual(expect.objectContaining({ message: 'SQLITE_IOERR_WRITE disk I/O error' }));
    await db.query(`INSERT INTO item (name) VALUES ('second')`);
    expect(await db.query('SELECT name FROM item ORDER BY id')).toEqual([{ name: 'first' }, { name: 'second' }]);
    expect(await db.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });

  it('fails a statement that is wrong with its own error, not DatabaseUnavailable: only the disk makes the database unavailable', async () => {
    const failure = await db.query('INSERT INTO item (id, name) VALUES (1, $1)', ['same id']).catch((error: unknown) => error);
    expect(failure).not.toBeInstanceOf(DatabaseUnavailable);
    expect(isUniqueViolation(failure)).toBe(true);
  });
});

describe('PostgreSQL out of reach', () => {
  it('fails with DatabaseUnavailable, not a crash, when nothing answers on the server address', async () => {
    // Port 1 on the loopback: refused at once, as a stopped server is.
    const connecting = PostgresDatabase.connect('postgres://postgres@127.0.0.1:1/postgres');
    await expect(connecting).rejects.toBeInstanceOf(DatabaseUnavailable);
    await expect(connecting).rejects.toThrow('unreachable (ECONNREFUSED)');
  });
});

describePostgres('Database on PostgreSQL', (target) => databaseContract(target, { multiInstance: true }));
