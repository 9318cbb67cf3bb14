import { TwilioRequestFailed } from '../errors';
import { FakeClock } from '../testing/fake-clock';
import type { CleanupCandidate, CleanupItem } from './cleanup-job';
import type { CleanupItemHandler } from './cleanup-item-handler';
import { CleanupJobExecutor } from './cleanup-job-executor';
import { CleanupJobRunner } from './cleanup-job-runner';
import { describeProgress } from './cleanup-progress';
import { InMemoryCleanupJobStore } from '../testing/in-memory-cleanup-job-store';

/** A handler over numbered items: selection in pages of 10; `failing` items throw; `onProcess` can interfere mid-run. */
function handler(
  count: number,
  options: { failing?: Set<string>; onProcess?: (item: CleanupItem) => Promise<void> } = {},
): CleanupItemHandler & { processed: string[] } {
  const processed: string[] = [];
  return {
    kind: 'proxy-sessions',
    processed,
    async *select() {
      const all: CleanupCandidate[] = Array.from({ length: count }, (_, index) => ({ sid: `KC${index}`, data: { status: 'closed' } }));
      for (let start = 0; start < all.length; start += 10) yield all.slice(start, start + 10);
    },
    async process(item) {
      await options.onProcess?.(item);
      processed.push(item.sid);
      if (options.failing?.has(item.sid)) throw new TwilioRequestFailed('Refused', 400, 20001);
      return 'done';
    },
  };
}

describe('CleanupJobRunner', () => {
  const options = { concurrency: 3, batchSize: 7, leaseMs: 1_000 };
  let store: InMemoryCleanupJobStore;
  let clock: FakeClock;

  beforeEach(() => {
    store = new InMemoryCleanupJobStore();
    clock = new FakeClock();
  });

  const newJob = () => store.create({ kind: 'proxy-sessions', selection: {}, options: {}, requestedBy: 'test', createdAt: new Date(clock.now()) });
  const runner = (items: CleanupItemHandler, id = 'runner-1') => new CleanupJobRunner(store, new Map([[items.kind, items]]), clock, id, options);

  it('selects, then cleans every item; one failure does not stop the rest and keeps its error', async () => {
    const job = await newJob();
    const items = handler(25, { failing: new Set(['KC3', 'KC17']) });

    await expect(runner(items).run(job.id)).resolves.toBe('finished');

    expect(await store.counts(job.id)).toEqual({ total: 25, pending: 0, done: 23, failed: 2, skipped: 0, cancelled: 0 });
    const failed = await store.listItems(job.id, 'failed', 10);
    expect(failed.map((item) => [item.sid, item.error?.code, item.error?.twilioCode])).toEqual([
      ['KC3', 'TWILIO_REQUEST_FAILED', 20001],
      ['KC17', 'TWILIO_REQUEST_FAILED', 20001],
    ]);
    const finished = (await store.get(job.id))!;
    expect(finished.status).toBe('completed');
    expect(describeProgress(finished, await store.counts(job.id), new Date(clock.now()))).toMatchObject({ percent: 100, etaSeconds: 0 });
  });

  it('keeps the other workers going while one item takes long: no batch waits for its slowest item', async () => {
    const job = await newJob();
    let releaseSlow!: () => void;
    const slowDone = new Promise<void>((resolve) => (releaseSlow = resolve));
    const items = handler(30, {
      onProcess: async (item) => {
        if (item.sid === 'KC0') await slowDone;
        // Let KC0 finish only once the others have gone well past the first read's 7 items.
        else if (items.processed.length >= 20) releaseSlow();
      },
    });

    await runner(items).run(job.id);

    expect(items.processed.indexOf('KC0')).toBeGreaterThanOrEqual(20);
    expect(await store.counts(job.id)).toMatchObject({ done: 30, pending: 0 });
  });

  it('stops at the next item when cancelled, leaving the rest untouched', async () => {
    const job = await newJob();
    const items = handler(40, { onProcess: async (item) => void (item.sid === 'KC5' && (await store.requestCancel(job.id))) });

    await runner(items).run(job.id);

    const counts = await store.counts(job.id);
    expect((await store.get(job.id))!.status).toBe('cancelled');
    expect(counts.done).toBe(items.processed.length);
    expect(counts.done).toBeLessThan(10);
    expect(counts.cancelled).toBe(40 - counts.done);
  });

  it('stops on shutdown with the job resumable, and a second runner finishes it without redoing settled items', async () => {
    const job = await newJob();
    const first = runner(handler(30, { onProcess: async (item) => void (item.sid === 'KC8' && first.stop()) }));
    await expect(first.run(job.id)).resolves.toBe('stopped');
    const settled = 30 - (await store.counts(job.id)).pending;
    expect((await store.get(job.id))!.status).toBe('running');
    expect(await store.listResumable(new Date(clock.now()))).toHaveLength(1);

    const second = handler(30);
    await runner(second, 'runner-2').run(job.id);

    expect(await store.counts(job.id)).toMatchObject({ done: 30, pending: 0 });
    expect(second.processed).toHaveLength(30 - settled);
  });

  it('leaves a job another runner holds alone until its lease expires', async () => {
    const job = await newJob();
    await store.acquireLease(job.id, 'other', new Date(clock.now() + 1_000), new Date(clock.now()));
    await expect(runner(handler(3)).run(job.id)).resolves.toBe('busy');
    clock.advance(1_001);
    await expect(runner(handler(3)).run(job.id)).resolves.toBe('finished');
  });

  it('skips items another unfinished job has claimed', async () => {
    const other = await newJob();
    await store.addItems(other.id, [{ sid: 'KC1', data: {} }], new Date(clock.now()));
    const job = await newJob();

    await runner(handler(3)).run(job.id);

    expect(await store.counts(job.id)).toMatchObject({ done: 2, skipped: 1 });
    expect((await store.listItems(job.id, 'skipped', 1))[0].error).toMatchObject({ code: 'CLAIMED_BY_ANOTHER_JOB', details: { jobId: other.id } });
  });
});

describe('CleanupJobExecutor', () => {
  it('counts the jobs this process runs while they run', async () => {
    const store = new InMemoryCleanupJobStore();
    const clock = new FakeClock();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const items = handler(1, { onProcess: () => held });
    const executor = new CleanupJobExecutor(new CleanupJobRunner(store, new Map([[items.kind, items]]), clock, 'runner-1'), store, clock);
    const job = await store.create({ kind: 'proxy-sessions', selection: {}, options: {}, requestedBy: 'test', createdAt: new Date(clock.now()) });

    expect(executor.runningCount()).toBe(0);
    executor.launch(job.id);
    executor.launch(job.id);
    expect(executor.runningCount()).toBe(1);
    release();
    await executor.settled(job.id);
    expect(executor.runningCount()).toBe(0);
  });
});
