import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { until } from '../testing/built-api';
import { breakDisk } from '../testing/embedded-disk-faults';
import { DatabaseTarget, TestDatabase, describePostgres, endSessionHoldingLock, sqliteTarget } from '../testing/test-databases';
import { DatabaseUnavailable } from './database-unavailable';
import { whileHolding } from './held-lock';
import { InstancePresence } from './instance-presence';
import { SqliteDatabase } from './sqlite-database';

function presenceContract(target: DatabaseTarget) {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(() => handle.close());

  it('is alive while it runs and gone once it has shut down; an id never seen is gone', async () => {
    const first = new InstancePresence(handle.db);
    const second = new InstancePresence(handle.db);
    await first.onModuleInit();
    await second.onModuleInit();
    expect(first.instanceId).not.toBe(second.instanceId);

    expect(await second.isAlive(first.instanceId)).toBe(true);
    expect(await second.isAlive(second.instanceId)).toBe(true);
    expect(await second.isAlive('an-instance-of-a-previous-start')).toBe(false);

    await first.beforeApplicationShutdown();
    expect(await second.isAlive(first.instanceId)).toBe(false);
    await second.beforeApplicationShutdown();
  });
}

describe('InstancePresence on SQLite', () => {
  presenceContract(sqliteTarget);

  it('keeps its id while the disk refuses writes: its lock is in-process, never lost with the database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'flex-sms-presence-'));
    const file = join(dataDir, 'flex-sms.sqlite');
    const db = await SqliteDatabase.open(file);
    const presence = new InstancePresence(db);
    const observer = new InstancePresence(db);
    await presence.onModuleInit();
    await observer.onModuleInit();
    const { instanceId, lock } = presence;
    const disk = breakDisk(file);
    try {
      await expect(db.exec('CREATE TABLE item (name text)')).rejects.toBeInstanceOf(DatabaseUnavailable);
    } finally {
      disk.repair();
    }
    expect({ instanceId: presence.instanceId, lost: lock.isLost, alive: await observer.isAlive(instanceId) }).toEqual({
      instanceId,
      lost: false,
      alive: true,
    });
    // Requests that claimed keys under it go on.
    await expect(whileHolding(lock, () => db.query('SELECT 1 AS one'))).resolves.toEqual([{ one: 1 }]);
    await presence.beforeApplicationShutdown();
    expect(await observer.isAlive(instanceId)).toBe(false);
    await observer.beforeApplicationShutdown();
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
});
describePostgres('InstancePresence on PostgreSQL', (target) => {
  presenceContract(target);

  describe('when its database session dies (PostgreSQL restarted, connection cut)', () => {
    let handle: TestDatabase;
    beforeAll(async () => {
      handle = await target.open();
    });
    afterAll(() => handle.close());

    it('takes its presence again under a new id; the lost id stays dead, and work relying on it is fenced', async () => {
      const presence = new InstancePresence(handle.db);
      const other = new InstancePresence(await handle.openAnother());
      await presence.onModuleInit();
      await other.onModuleInit();
      const lost = { instanceId: presence.instanceId, lock: presence.lock };

      expect(await endSessionHoldingLock(`api-instance:${lost.instanceId}`)).toBe(1);
      await lost.lock.lost;
      const instanceId = await until(
        async () => (presence.instanceId !== lost.instanceId ? presence.instanceId : undefined),
        'the presence to be taken again',
      );

      // Others may have taken keys claimed under the lost id over: it never comes back to life.
      expect(await other.isAlive(lost.instanceId)).toBe(false);
      expect(await presence.isAlive(lost.instanceId)).toBe(false);
      expect(await other.isAlive(instanceId)).toBe(true);
      expect(presence.lock.isLost).toBe(false);
      // A request that claimed a key under the lost id stops at its next statement; one under the new id goes on.
      await expect(whileHolding(lost.lock, () => handle.db.query('SELECT 1'))).rejects.toBeInstanceOf(DatabaseUnavailable);
      await expect(whileHolding(presence.lock, () => handle.db.query('SELECT 1 AS one'))).resolves.toEqual([{ one: 1 }]);
      await presence.beforeApplicationShutdown();
      expect(await other.isAlive(instanceId)).toBe(false);
      await other.beforeApplicationShutdown();
    });
  });
});
