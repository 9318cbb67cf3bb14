import { Inject, Injectable } from '@nestjs/common';
import {
  CleanupJobNotFound,
  describeProgress,
  systemClock,
  type CleanupItem,
  type CleanupJob,
  type CleanupJobStore,
  type CleanupProgress,
} from '@flex-sms/domain';
import { CLEANUP_JOB_STORE, CLEANUP_OPTIONS, type CleanupOptions } from './cleanup.tokens';

export interface CleanupJobView extends CleanupJob {
  progress: CleanupProgress;
  /** The first failed items with their errors (all of them: GET …/items?status=failed). */
  errors: Pick<CleanupItem, 'sid' | 'error' | 'settledAt'>[];
}

const ERRORS_IN_VIEW = 20;

/** A job with its progress (done / failed / total, rate, ETA) and its first errors: readable while it runs and after. */
@Injectable()
export class CleanupJobQuery {
  constructor(
    @Inject(CLEANUP_JOB_STORE) private readonly store: CleanupJobStore,
    @Inject(CLEANUP_OPTIONS) private readonly options: CleanupOptions,
  ) {}

  async get(jobId: string): Promise<CleanupJobView> {
    const job = await this.store.get(jobId);
    if (!job) throw new CleanupJobNotFound(jobId);
    return this.view(job);
  }

  async list(limit: number): Promise<CleanupJobView[]> {
    return Promise.all((await this.store.list(limit)).map((job) => this.view(job)));
  }

  async items(jobId: string, status: CleanupItem['status'], limit: number): Promise<CleanupItem[]> {
    if (!(await this.store.get(jobId))) throw new CleanupJobNotFound(jobId);
    return this.store.listItems(jobId, status, limit);
  }

  private async view(job: CleanupJob): Promise<CleanupJobView> {
    const [counts, failed] = await Promise.all([this.store.counts(job.id), this.store.listItems(job.id, 'failed', ERRORS_IN_VIEW)]);
    const now = new Date((this.options.clock ?? systemClock).now());
    return { ...job, progress: describeProgress(job, counts, now), errors: failed.map(({ sid, error, settledAt }) => ({ sid, error, settledAt })) };
  }
}
