import { randomUUID } from 'node:crypto';
import { DatabaseTarget, TestDatabase, describePostgres, pgliteTarget } from '../testing/test-databases';

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

function databaseContract(target: DatabaseTarget, options: { multiInstance: boolean }) {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(() => handle.close());
  beforeEach(() =>
    handle.db.exec(`
      DROP TABLE IF EXISTS item;
      CREATE TABLE item (id serial PRIMARY KEY, name text NOT NULL UNIQUE, made_at timestamptz NOT NULL DEFAULT now(), data jsonb);`),
  );

  it('returns rows with the same value types on every dialect', async () => {
    await handle.db.query('INSERT INTO item (name, data) VALUES ($1, $2)', ['a', JSON.stringify({ sid: 'CH1' })]);
    const [row] = await handle.db.query<{ total: unknown; made_at: unknown; data: unknown; ratio: unknown }>(
      'SELECT count(*) AS total, max(made_at) AS made_at, max(data::text)::jsonb AS data, 1.5::numeric AS ratio FROM item',
    );
    expect(row).toEqual({ total: 1, made_at: expect.any(Date), data: { sid: 'CH1' }, ratio: '1.5' });
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
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.query('INSERT INTO item (name) VALUES ($1)', ['fresh']);
        await tx.query('INSERT INTO item (name) VALUES ($1)', ['taken']);
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await handle.db.query('SELECT name FROM item ORDER BY name')).toEqual([{ name: 'taken' }]);
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

describe('Database on PGlite', () => databaseContract(pgliteTarget, { multiInstance: false }));

describePostgres('Database on PostgreSQL', (target) => databaseContract(target, { multiInstance: true }));
