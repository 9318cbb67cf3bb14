import { migrateToLatest } from '../store/migrator';
import { DatabaseTarget, TestDatabase, describePostgres, sqliteTarget } from '../testing/test-databases';
import { SqlDeploymentRecord } from './deployment-record';

const SANDBOX = { mode: 'sandbox', accountSid: `AC${'5'.repeat(32)}` } as const;
const ACCOUNT = { mode: 'twilio', accountSid: `AC${'a'.repeat(32)}` } as const;
const OTHER_ACCOUNT = { mode: 'twilio', accountSid: `AC${'b'.repeat(32)}` } as const;

function recordContract(target: DatabaseTarget) {
  let handle: TestDatabase;
  beforeEach(async () => {
    handle = await target.open();
    await migrateToLatest(handle.db);
  });
  afterEach(() => handle.close());

  it('is empty until claimed; the first claim holds, a later one gets the recorded deployment back', async () => {
    const record = new SqlDeploymentRecord(handle.db);
    expect(await record.read()).toBeUndefined();
    expect(await record.claim(SANDBOX)).toEqual(SANDBOX);
    expect(await record.claim(ACCOUNT)).toEqual(SANDBOX);
    expect(await record.read()).toEqual(SANDBOX);
  });

  it('is replaced by adopt', async () => {
    const record = new SqlDeploymentRecord(handle.db);
    await record.claim(ACCOUNT);
    await record.adopt(OTHER_ACCOUNT);
    expect(await record.read()).toEqual(OTHER_ACCOUNT);
  });

  if (target !== sqliteTarget) {
    it('lets one of two instances claiming at once win, and both see the winner', async () => {
      const first = new SqlDeploymentRecord(handle.db);
      const second = new SqlDeploymentRecord(await handle.openAnother());
      const [a, b] = await Promise.all([first.claim(ACCOUNT), second.claim(OTHER_ACCOUNT)]);
      expect(a).toEqual(b);
      expect([ACCOUNT, OTHER_ACCOUNT]).toContainEqual(a);
    });
  }
}

describe('SqlDeploymentRecord on SQLite', () => recordContract(sqliteTarget));
describePostgres('SqlDeploymentRecord on PostgreSQL', (target) => recordContract(target));
