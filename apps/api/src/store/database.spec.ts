import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { failingDiskUnder } from '../testing/failing-disk';
import { DatabaseTarget, TestDatabase, describePostgres, endSessionHoldingLock, pgliteTarget } from '../testing/test-databases';
import { DatabaseUnavailable } from './database-unavailable';
import { PgliteDatabase } from './pglite-database';
import { PostgresDatabase } from './postgres-database';

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
        const write = await handle.db.query('INSERT INTO item (name) VALUES ($1)', ['after the loss']).then(() => 'written', (error: unknown) => error);
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

describe('PGlite on a failing disk', () => {
  let dataDir: string;
  let disk: ReturnType<typeof failingDiskUnder>;
  let db: PgliteDatabase;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'flex-sms-failing-disk-'));
    disk = failingDiskUnder(dataDir);
    db = await PgliteDatabase.open(dataDir);
    await db.exec(`CREATE TABLE item (id serial PRIMARY KEY, name text NOT NULL); INSERT INTO item (name) VALUES ('first')`);
  });
  afterAll(async () => {
    await db.close();
    disk.restore();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('fails a write the full disk refuses with DatabaseUnavailable, and writes again once there is room', async () => {
    disk.fill();
    const refused = db.query(`INSERT INTO item (name) SELECT 'filler ' || n FROM generate_series(1, 500) n`);
    await expect(refused).rejects.toBeInstanceOf(DatabaseUnavailable);
    await expect(refused).rejects.toThrow(/^53100 could not extend file .*No space left on device/);
    disk.recover();
    await db.query(`INSERT INTO item (name) VALUES ('second')`);
    expect(await db.query('SELECT name FROM item ORDER BY id')).toEqual([{ name: 'first' }, { name: 'second' }]);
  });

  it('stops using the database after PostgreSQL PANICs (its WAL could not be written): every call fails at once, none hangs the process', async () => {
    disk.breakDown();
    const panicked = db.query(`UPDATE item SET name = 'changed' WHERE name = 'first'`);
    await expect(panicked).rejects.toBeInstanceOf(DatabaseUnavailable);
    disk.recover();
    // Sent to PGlite, this would spin forever inside its WASM, blocking the event loop.
    await expect(db.query('SELECT 1')).rejects.toThrow(/embedded database stopped after a failed write; restart the API/);
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
