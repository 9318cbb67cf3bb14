import type { ErrorRecord } from './journal.port';
import type {
  CleanupCandidate,
  CleanupCounts,
  CleanupItem,
  CleanupItemStatus,
  CleanupJob,
  CleanupJobKind,
  CleanupJobStatus,
} from '../cleanup-jobs/cleanup-job';

export interface NewCleanupJob {
  kind: CleanupJobKind;
  selection: Record<string, unknown>;
  options: Record<string, unknown>;
  requestedBy: string;
  scheduleId?: string | null;
  createdAt: Date;
}

/**
 * Durable clean-up jobs, their items and the claims on them. The API implements it on SQL; the in-memory store
 * (InMemoryCleanupJobStore) is the reference behaviour for unit tests.
 *
 * Claims: an item (a Twilio SID) is claimed by at most one unfinished job at a time, so two jobs never clean the same
 * session at once. Claims are released when the job finishes (not item by item: a job selecting while another
 * works still sees the sessions that one has already cleaned as taken).
 */
export interface CleanupJobStore {
  create(job: NewCleanupJob): Promise<CleanupJob>;
  get(jobId: string): Promise<CleanupJob | null>;
  /** Newest first. */
  list(limit: number): Promise<CleanupJob[]>;

  /**
   * Records selected items for the job and claims them. An item claimed by another unfinished job is recorded as
   * `skipped` (naming that job). Recording an item the job already has changes nothing, so selection can be re-run
   * after a restart.
   */
  addItems(jobId: string, items: readonly CleanupCandidate[], at: Date): Promise<{ added: number; claimedElsewhere: number }>;
  /** Pending items of the job, in selection order, at most `limit`. */
  pendingItems(jobId: string, limit: number): Promise<CleanupItem[]>;
  settleItem(jobId: string, sid: string, outcome: { status: Exclude<CleanupItemStatus, 'pending'>; at: Date; error?: ErrorRecord }): Promise<void>;
  counts(jobId: string): Promise<CleanupCounts>;
  /** Items of the job in one status (errors are read with `failed`), at most `limit`. */
  listItems(jobId: string, status: CleanupItemStatus, limit: number): Promise<CleanupItem[]>;

  /** Selection is over: the job works through its items from now on. */
  markRunning(jobId: string): Promise<void>;
  /** Starts a run (the first, or a resume): records the rate's base. */
  beginRun(jobId: string, at: Date): Promise<CleanupJob>;
  /** Flags the job; its runner stops at the next item. `null` when there is no such job. */
  requestCancel(jobId: string): Promise<CleanupJob | null>;
  /**
   * Finishes the job: pending items become `cancelled` (untouched), claims are released. A job already finished is
   * left as it is.
   */
  finish(jobId: string, status: Extract<CleanupJobStatus, 'completed' | 'cancelled' | 'failed'>, at: Date, error?: ErrorRecord): Promise<void>;

  /**
   * Takes (or renews) the right to run the job until `until`, for `runnerId`: refused while another runner holds
   * an unexpired lease, so two API instances never run one job.
   */
  acquireLease(jobId: string, runnerId: string, until: Date, now: Date): Promise<boolean>;
  releaseLease(jobId: string, runnerId: string): Promise<void>;
  /** Unfinished jobs (selecting or running) whose lease is free or expired: what start-up resumes. */
  listResumable(now: Date): Promise<CleanupJob[]>;
}
