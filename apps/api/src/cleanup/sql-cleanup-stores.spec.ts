import type { CleanupJobStore, NewCleanupJob } from '@flex-sms/domain';
import { InMemoryCleanupJobStore } from '@flex-sms/domain/testing';
import { migrateToLatest } from '../store/migrator';
import { DatabaseTarget, TestDatabase, describePostgres, sqliteTarget } from '../testing/test-databases';
import { SqlCleanupJobStore } from './sql-cleanup-job-store';
import { SqlCleanupScheduleStore } from './sql-cleanup-schedule-store';

const T0 = new Date('2026-11-24T18:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const newJob = (overrides: Partial<NewCleanupJob> = {}): NewCleanupJob => ({
  kind: 'proxy-sessions',
  selection: { statuses: ['closed'], olderThanDays: 7 },
  options: { markChannelInactive: true },
  requestedBy: 'user:ada',
  createdAt: T0,
  ...overrides,
});
const candidate = (sid: string) => ({ sid, data: { status: 'closed', channelSid: `CH${sid.slice(2)}` } });

/** The behaviour every CleanupJobStore must have; the in-memory store is the reference, the SQL store runs the same. */
function jobStoreContract(open: () => Promise<{ store: CleanupJobStore; close(): Promise<void> }>) {
  let store: CleanupJobStore;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ store, close } = await open());
  });
  afterAll(() => close());

  it('creates a job and reads it back as created', async () => {
    const job = await store.create(newJob());
    expect(job).toEqual({
      id: expect.any(String),
      kind: 'proxy-sessions',
      status: 'selecting',
      selection: { statuses: ['closed'], olderThanDays: 7 },
      options: { markChannelInactive: true },
      requestedBy: 'user:ada',
      scheduleId: null,
      createdAt: T0,
      startedAt: null,
      finishedAt: null,
      cancelRequested: false,
      error: null,
      runStartedAt: null,
      settledAtRunStart: 0,
    });
    expect(await store.get(job.id)).toEqual(job);
    expect(await store.get('no-such-job')).toBeNull();
  });

  it('keeps items in selection order across batches, each once, and skips what another unfinished job claims', async () => {
    const first = await store.create(newJob());
    const second = await store.create(newJob({ createdAt: at(1) }));
    expect(await store.addItems(first.id, [candidate('KC03'), candidate('KC01')], T0)).toEqual({ added: 2, claimedElsewhere: 0 });
    expect(await store.addItems(first.id, [candidate('KC01'), candidate('KC02')], T0)).toEqual({ added: 1, claimedElsewhere: 0 });
    expect((await store.pendingItems(first.id, 10)).map((item) => item.sid)).toEqual(['KC03', 'KC01', 'KC02']);
    expect((await store.pendingItems(first.id, 2)).map((item) => item.sid)).toEqual(['KC03', 'KC01']);

    expect(await store.addItems(second.id, [candidate('KC02'), candidate('KC09')], at(5))).toEqual({ added: 1, claimedElsewhere: 1 });
    expect(await store.listItems(second.id, 'skipped', 10)).toEqual([
      {
        jobId: second.id,
        sid: 'KC02',
        status: 'skipped',
        data: candidate('KC02').data,
        error: { code: 'CLAIMED_BY_ANOTHER_JOB', message: `Job ${first.id} is cleaning KC02`, details: { jobId: first.id } },
        settledAt: at(5),
      },
    ]);
    expect(await store.counts(second.id)).toEqual({ total: 2, pending: 1, done: 0, failed: 0, skipped: 1, cancelled: 0 });

    // Finishing releases the claims: the sessions are free for the next job; its pending items are cancelled.
    await store.settleItem(first.id, 'KC03', { status: 'failed', at: at(10), error: { code: 'TWILIO_ERROR', message: 'boom' } });
    await store.finish(first.id, 'cancelled', at(20));
    expect(await store.counts(first.id)).toEqual({ total: 3, pending: 0, done: 0, failed: 1, skipped: 0, cancelled: 2 });
    expect((await store.listItems(first.id, 'failed', 10))[0]).toMatchObject({
      sid: 'KC03',
      error: { code: 'TWILIO_ERROR', message: 'boom' },
      settledAt: at(10),
    });
    const third = await store.create(newJob({ createdAt: at(30) }));
    expect(await store.addItems(third.id, [candidate('KC02')], at(30))).toEqual({ added: 1, claimedElsewhere: 0 });

    // A finished job stays as it finished.
    await store.finish(first.id, 'completed', at(40));
    expect(await store.get(first.id)).toMatchObject({ status: 'cancelled', finishedAt: at(20) });
  });

  it('counts a run from what was settled when it began, and flags a cancel request', async () => {
    const job = await store.create(newJob());
    await store.addItems(job.id, [candidate('KC11'), candidate('KC12')], T0);
    await store.markRunning(job.id);
    await store.settleItem(job.id, 'KC11', { status: 'done', at: at(1) });
    expect(await store.beginRun(job.id, at(2))).toMatchObject({ status: 'running', startedAt: at(2), runStartedAt: at(2), settledAtRunStart: 1 });
    expect(await store.beginRun(job.id, at(3))).toMatchObject({ startedAt: at(2), runStartedAt: at(3) });
    expect(await store.requestCancel(job.id)).toMatchObject({ cancelRequested: true });
    expect(await store.requestCancel('no-such-job')).toBeNull();
  });

  it('leases a job to one runner at a time until the lease expires; resumes jobs whose lease is free or expired', async () => {
    const job = await store.create(newJob({ createdAt: at(-1) }));
    expect(await store.acquireLease(job.id, 'runner-a', at(60_000), T0)).toBe(true);
    expect(await store.acquireLease(job.id, 'runner-b', at(60_000), at(1))).toBe(false);
    expect(await store.acquireLease(job.id, 'runner-a', at(120_000), at(2))).toBe(true);
    expect((await store.listResumable(at(3))).map((resumable) => resumable.id)).not.toContain(job.id);
    expect((await store.listResumable(at(120_000))).map((resumable) => resumable.id)).toContain(job.id);
    expect(await store.acquireLease(job.id, 'runner-b', at(180_000), at(120_000))).toBe(true);
    await store.releaseLease(job.id, 'runner-b');
    expect(await store.acquireLease(job.id, 'runner-a', at(180_000), at(120_001))).toBe(true);
  });
}

function sqlStores(target: DatabaseTarget) {
  let handle: TestDatabase;
  let schedules: SqlCleanupScheduleStore;
  beforeAll(async () => {
    handle = await target.open();
    await migrateToLatest(handle.db);
    schedules = new SqlCleanupScheduleStore(handle.db);
  });
  afterAll(() => handle.close());

  describe('SqlCleanupJobStore', () => jobStoreContract(async () => ({ store: new SqlCleanupJobStore(handle.db), close: async () => undefined })));

  describe('SqlCleanupScheduleStore', () => {
    const schedule = (name: string, overrides: { enabled?: boolean; everyHours?: number; nextRunAt?: Date } = {}) =>
      schedules.create({
        name,
        kind: 'proxy-sessions',
        selection: { olderThanDays: 7 },
        options: {},
        everyHours: 24,
        enabled: true,
        nextRunAt: T0,
        createdBy: 'user:ada',
        createdAt: T0,
        ...overrides,
      });

    it('creates, changes, lists and removes schedules', async () => {
      const nightly = await schedule('nightly');
      expect(nightly).toMatchObject({
        name: 'nightly',
        selection: { olderThanDays: 7 },
        everyHours: 24,
        enabled: true,
        nextRunAt: T0,
        lastRunAt: null,
        lastJobId: null,
      });
      expect(await schedules.update(nightly.id, { enabled: false, everyHours: 1.5, selection: { olderThanDays: 1 } })).toMatchObject({
        enabled: false,
        everyHours: 1.5,
        selection: { olderThanDays: 1 },
      });
      await schedules.recordRun(nightly.id, 'job-1', at(5));
      expect(await schedules.get(nightly.id)).toMatchObject({ lastRunAt: at(5), lastJobId: 'job-1' });
      expect((await schedules.list()).map((listed) => listed.id)).toContain(nightly.id);
      expect(await schedules.remove(nightly.id)).toBe(true);
      expect(await schedules.remove(nightly.id)).toBe(false);
      expect(await schedules.get(nightly.id)).toBeNull();
    });

    it('claims each due, enabled schedule once, moving it to now + every_hours (to the millisecond)', async () => {
      const now = at(3_600_000);
      const due = await schedule('due', { everyHours: 1.5, nextRunAt: at(1) });
      const later = await schedule('later', { nextRunAt: at(7_200_000) });
      const disabled = await schedule('disabled', { enabled: false, nextRunAt: at(1) });
      const claimed = await schedules.claimDue(now);
      expect(claimed.map((one) => one.id)).toEqual([due.id]);
      expect(claimed[0].nextRunAt).toEqual(new Date(now.getTime() + 1.5 * 3_600_000));
      expect(await schedules.claimDue(now)).toEqual([]);
      for (const other of [later, disabled, due]) await schedules.remove(other.id);
    });
  });
}

describe('Clean-up job store contract: InMemoryCleanupJobStore (the reference)', () =>
  jobStoreContract(async () => ({ store: new InMemoryCleanupJobStore(), close: async () => undefined })));

describe('Clean-up stores on SQLite', () => sqlStores(sqliteTarget));

describePostgres('Clean-up stores on PostgreSQL', (target) => sqlStores(target));
