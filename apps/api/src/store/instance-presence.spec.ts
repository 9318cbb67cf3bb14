import { DatabaseTarget, TestDatabase, describePostgres, sqliteTarget } from '../testing/test-databases';
import { InstancePresence } from './instance-presence';

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

describe('InstancePresence on SQLite', () => presenceContract(sqliteTarget));
describePostgres('InstancePresence on PostgreSQL', (target) => presenceContract(target));
