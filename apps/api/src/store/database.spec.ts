import { randomUUID } from 'node:crypto';
import { DatabaseTarget, TestDatabase, describePostgres, sqliteTarget } from '../testing/test-databases';
import type { SqlDialect } from './database';
import { isUniqueViolation } from './sql-errors';

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
    await handle.db.query('INSERT INTO item (name, made_at, data, tags, done, ratio) VALUES ($1, $2, $3, $4, $5, $6)', ['a', madeAt, JSON.stringify({ sid: 'CH1', n: [1] }), ['+15005550006'], true, 1.5]);
    await handle.db.query('INSERT INTO item (name, made_at, data, tags, done, ratio) VALUES ($1, $2, $3, $4, $5, $6)', ['b', null, null, null, false, null]);
    const rows = await handle.db.query('SELECT id, name, made_at, data, tags, done, ratio FROM item ORDER BY name');
    expect(rows).toEqual([
      { id: expect.any(Number), name: 'a', made_at: madeAt, data: { sid: 'CH1', n: [1] }, tags: ['+15005550006'], done: true, ratio: 1.5 },
      { id: expect.any(Number), name: 'b', made_at: null, data: null, tags: null, done: false, ratio: null },
    ]);
    expect(await handle.db.query('SELECT count(*) AS total FROM item')).toEqual([{ total: 2 }]);
    // RETURNING reads back alike, and parameters given twice are one value.
    expect(await handle.db.query('UPDATE item SET made_at = $1, done = $2 WHERE name = $3 OR made_at = $1 RETURNING made_at, done', [madeAt, false, 'b'])).toEqual([
      { made_at: madeAt, done: false },
      { made_at: madeAt, done: false },
    ]);
  });

  it('compares and orders timestamps as time, to the millisecond', async () => {
    const at = (ms: number) => new Date(Date.UTC(2026, 10, 24, 18) + ms);
    for (const [name, ms] of [['later', 1], ['earliest', -86_400_000], ['now', 0]] as const) {
      await handle.db.query('INSERT INTO item (name, made_at) VALUES ($1, $2)', [name, at(ms)]);
    }
    expect(await handle.db.query('SELECT name FROM item WHERE made_at >= $1 ORDER BY made_at', [at(0)])).toEqual([{ name: 'now' }, { name: 'later' }]);
    expect(await handle.db.query('SELECT name FROM item WHERE made_at = $1', [at(1)])).toEqual([{ name: 'later' }]);
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

describePostgres('Database on PostgreSQL', (target) => databaseContract(target, { multiInstance: true }));
