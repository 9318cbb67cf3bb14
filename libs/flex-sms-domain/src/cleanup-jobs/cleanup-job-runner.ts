import type { Clock } from '../ports/clock.port';
import type { ErrorRecord } from '../ports/journal.port';
import { toErrorRecord } from '../errors';
import type { CleanupJob, CleanupJobKind } from './cleanup-job';
import type { CleanupItemHandler } from './cleanup-item-handler';
import type { CleanupJobStore } from '../ports/cleanup-job-store.port';
import { runWithConcurrency } from './run-with-concurrency';

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
    for (;;) {
      if (this.stopping) return 'stopped';
      if (await this.cancelRequested(job.id)) return this.finish(job.id, 'cancelled');
      const batch = await this.store.pendingItems(job.id, this.options.batchSize);
      if (batch.length === 0) return this.finish(job.id, 'completed');
      let cancelled = false;
      await runWithConcurrency(batch, this.options.concurrency, async (item) => {
        if (this.stopping || cancelled) return;
        // A cancel takes effect within one item per worker, not one batch.
        if (await this.cancelRequested(job.id)) {
          cancelled = true;
          return;
        }
        await this.processItem(job, handler, item);
      });
      await this.renewLease(job.id);
    }
  }

  private async processItem(job: CleanupJob, handler: CleanupItemHandler, item: Parameters<CleanupItemHandler['process']>[0]): Promise<void> {
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
