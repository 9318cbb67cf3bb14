import type { Clock } from '../ports/clock.port';
import type { ErrorRecord } from '../ports/journal.port';
import { toErrorRecord } from '../errors';
import type { CleanupItem, CleanupJob, CleanupJobKind } from './cleanup-job';
import type { CleanupItemHandler } from './cleanup-item-handler';
import type { CleanupJobStore } from '../ports/cleanup-job-store.port';

export interface CleanupRunnerOptions {
  /**
   * Items cleaned at once. Each item is a few sequential Twilio requests; a handful in parallel keeps well inside
   * Twilio's per-account concurrency limit, and the retrier absorbs the 429s that still come.
   */
  concurrency: number;
  /** Items read from the store per round; cancellation and shutdown are noticed between items. */
  batchSize: number;
  /** How long a runner's claim on a job lasts without renewal (renewed every batch). */
  leaseMs: number;
}

export const DEFAULT_CLEANUP_RUNNER_OPTIONS: CleanupRunnerOptions = { concurrency: 4, batchSize: 100, leaseMs: 60_000 };

/** How a run ended: the job finished, or the runner stopped (shutdown) and left it to be resumed, or another runner has it. */
export type RunEnd = 'finished' | 'stopped' | 'busy';

/**
 * Runs one clean-up job to its end: selection (claiming items as they are found), then the items with bounded
 * concurrency. One item failing does not stop the others; its error is recorded on it. Cancellation is checked
 * before each item. Everything is in the store, so a job stopped by a restart is resumed where it was.
 */
export class CleanupJobRunner {
  private stopping = false;

  constructor(
    private readonly store: CleanupJobStore,
    private readonly handlers: ReadonlyMap<CleanupJobKind, CleanupItemHandler>,
    private readonly clock: Clock,
    private readonly runnerId: string,
    private readonly options: CleanupRunnerOptions = DEFAULT_CLEANUP_RUNNER_OPTIONS,
  ) {}

  /** Asks running jobs to stop after their items in flight (shutdown); they stay resumable. */
  stop(): void {
    this.stopping = true;
  }

  async run(jobId: string): Promise<RunEnd> {
    if (!(await this.renewLease(jobId))) return 'busy';
    try {
      const job = await this.store.get(jobId);
      if (!job || ['completed', 'cancelled', 'failed'].includes(job.status)) return 'finished';
      const handler = this.handlers.get(job.kind);
      if (!handler) throw new Error(`No clean-up handler for ${job.kind}`);
      return await this.runJob(job, handler);
    } catch (error) {
      await this.store.finish(jobId, 'failed', this.now(), toErrorRecord(error));
      return 'finished';
    } finally {
      await this.store.releaseLease(jobId, this.runnerId);
    }
  }

  private async runJob(initial: CleanupJob, handler: CleanupItemHandler): Promise<RunEnd> {
    let job = await this.store.beginRun(initial.id, this.now());
    if (job.status === 'selecting') {
      for await (const page of handler.select(job)) {
        await this.store.addItems(job.id, page, this.now());
        if (this.stopping) return 'stopped';
        if (await this.cancelRequested(job.id)) return this.finish(job.id, 'cancelled');
        await this.renewLease(job.id);
      }
      await this.store.markRunning(job.id);
      job = { ...job, status: 'running' };
    }
    return this.cleanItems(job, handler);
  }

  /**
   * The items in one stream, `concurrency` at a time: a worker takes the next item as soon as it is done with one,
   * and the next items are read from the store before the ones in hand run out. (Batches, each waiting for its
   * slowest item before the next was read, left most workers idle at every batch's end: 67% of what 50 at once allow.)
   */
  private async cleanItems(job: CleanupJob, handler: CleanupItemHandler): Promise<RunEnd> {
    const { concurrency, batchSize } = this.options;
    const queue = new ItemQueue((handedOut) => this.readPending(job.id, batchSize + handedOut), concurrency);
    // A cancel takes effect within about one item per worker: the store is asked once per `concurrency` items.
    const cancel = new CancelCheck(() => this.cancelRequested(job.id), concurrency);
    const worker = async () => {
      while (!this.stopping && !(await cancel.requested())) {
        const item = await queue.next();
        if (!item) return;
        await this.processItem(job, handler, item);
        queue.settled();
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    if (this.stopping) return 'stopped';
    return this.finish(job.id, (await cancel.requested()) ? 'cancelled' : 'completed');
  }

  /** Pending items, renewing the lease each time (the runner still works on the job). */
  private async readPending(jobId: string, limit: number): Promise<CleanupItem[]> {
    await this.renewLease(jobId);
    return this.store.pendingItems(jobId, limit);
  }

  private async processItem(job: CleanupJob, handler: CleanupItemHandler, item: CleanupItem): Promise<void> {
    let outcome: { status: 'done' | 'skipped' | 'failed'; error?: ErrorRecord };
    try {
      outcome = { status: await handler.process(item, job) };
    } catch (error) {
      outcome = { status: 'failed', error: toErrorRecord(error) };
    }
    await this.store.settleItem(job.id, item.sid, { ...outcome, at: this.now() });
  }

  private async cancelRequested(jobId: string): Promise<boolean> {
    return (await this.store.get(jobId))?.cancelRequested ?? false;
  }

  private async finish(jobId: string, status: 'completed' | 'cancelled'): Promise<RunEnd> {
    await this.store.finish(jobId, status, this.now());
    return 'finished';
  }

  private renewLease(jobId: string): Promise<boolean> {
    const now = this.now();
    return this.store.acquireLease(jobId, this.runnerId, new Date(now.getTime() + this.options.leaseMs), now);
  }

  private now(): Date {
    return new Date(this.clock.now());
  }
}

/**
 * The job's pending items as the workers take them. The store lists the items still pending, those handed out and
 * not settled yet among them, so each read asks for that many more than it needs and leaves them out. The next read
 * starts when fewer items are left than workers, so none waits for it.
 */
class ItemQueue {
  private items: CleanupItem[] = [];
  private readonly handedOut = new Set<string>();
  private unsettled = 0;
  private exhausted = false;
  private reading?: Promise<void>;

  constructor(
    private readonly read: (handedOut: number) => Promise<CleanupItem[]>,
    private readonly lowWater: number,
  ) {}

  async next(): Promise<CleanupItem | undefined> {
    for (;;) {
      if (this.items.length <= this.lowWater && !this.exhausted) this.readMore();
      const item = this.items.shift();
      if (item) return item;
      if (this.exhausted) return undefined;
      await this.reading;
    }
  }

  /** A worker is done with an item it took (and has settled it in the store). */
  settled(): void {
    this.unsettled -= 1;
  }

  private readMore(): void {
    this.reading ??= this.read(this.unsettled)
      .then((pending) => {
        const fresh = pending.filter((item) => !this.handedOut.has(item.sid));
        for (const item of fresh) this.handedOut.add(item.sid);
        this.unsettled += fresh.length;
        // None new among more pending items than are handed out: every pending item is in hand already.
        if (fresh.length === 0) this.exhausted = true;
        this.items.push(...fresh);
      })
      .finally(() => (this.reading = undefined));
  }
}

/** Whether the job was cancelled, read from the store once per `every` questions (the workers share the answer). */
class CancelCheck {
  private cancelled = false;
  private answer: Promise<boolean> = Promise.resolve(false);
  private askedSinceLook: number;

  constructor(
    private readonly look: () => Promise<boolean>,
    private readonly every: number,
  ) {
    this.askedSinceLook = every;
  }

  async requested(): Promise<boolean> {
    if (this.cancelled) return true;
    if (this.askedSinceLook >= this.every) {
      this.askedSinceLook = 0;
      this.answer = this.look();
    }
    this.askedSinceLook += 1;
    if (await this.answer) this.cancelled = true;
    return this.cancelled;
  }
}
