import { pairLockKey } from '@flex-sms/domain';
import { Metrics } from '../metrics/metrics';
import { parseSamples, sampleValue } from '../metrics/metrics.test-helpers';
import { DatabaseTarget, TestDatabase, describePostgres, sqliteTarget } from '../testing/test-databases';
import { DatabasePairLock } from './database-pair-lock';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Counts how many holders of one conversation's lock overlap. */
function overlapProbe() {
  let inside = 0;
  let maxInside = 0;
  return {
    get maxInside() {
      return maxInside;
    },
    section: async () => {
      inside++;
      maxInside = Math.max(maxInside, inside);
      await sleep(15);
      inside--;
    },
  };
}

function pairLockContract(target: DatabaseTarget, options: { multiInstance: boolean }) {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(() => handle.close());

  it('lets one request per conversation in at a time, and other conversations through meanwhile', async () => {
    const lock = new DatabasePairLock(handle.db);
    const samePair = overlapProbe();
    const otherPairs = overlapProbe();
    await Promise.all([
      ...Array.from({ length: 6 }, () => lock.withLock(pairLockKey('+15550100001', '+14155550123'), samePair.section)),
      ...Array.from({ length: 3 }, (_, index) => lock.withLock(pairLockKey('+15550100001', `+1415555020${index}`), otherPairs.section)),
    ]);
    expect(samePair.maxInside).toBe(1);
    expect(otherPairs.maxInside).toBe(3);
  });

  it('measures every wait for the lock (pair_lock_wait_seconds)', async () => {
    const metrics = new Metrics();
    const lock = new DatabasePairLock(handle.db, metrics);
    const key = pairLockKey('+15550100003', '+14155550123');
    let release!: () => void;
    let acquired!: () => void;
    const inside = new Promise<void>((resolve) => (acquired = resolve));
    const held = lock.withLock(key, () => new Promise<void>((resolve) => ((release = resolve), acquired())));
    await inside;
    const queued = lock.withLock(key, async () => undefined);
    release();
    await Promise.all([held, queued]);

    const samples = parseSamples(await metrics.scrape());
    expect(sampleValue(samples, 'flex_sms_pair_lock_wait_seconds_count')).toBe(2);
    expect(sampleValue(samples, 'flex_sms_pair_lock_wait_seconds_sum')).toBeGreaterThan(0);
  });

  if (options.multiInstance) {
    it('excludes a second API instance on the same PostgreSQL database (advisory lock)', async () => {
      const other = new DatabasePairLock(await handle.openAnother());
      const lock = new DatabasePairLock(handle.db);
      const probe = overlapProbe();
      const key = pairLockKey('+15550100002', '+14155550123');
      await Promise.all([
        lock.withLock(key, probe.section),
        other.withLock(key, probe.section),
        lock.withLock(key, probe.section),
        other.withLock(key, probe.section),
      ]);
      expect(probe.maxInside).toBe(1);
    });
  }
}

describe('DatabasePairLock on SQLite', () => pairLockContract(sqliteTarget, { multiInstance: false }));
describePostgres('DatabasePairLock on PostgreSQL', (target) => pairLockContract(target, { multiInstance: true }));
