// Clean-up jobs as the API reports them (libs/flex-sms-domain/src/jobs: cleanup-job.ts, cleanup-preview.ts,
// cleanup-progress.ts).
import type { ErrorRecord } from '../outbound/outbound.types';

export type CleanupJobKind = 'proxy-sessions' | 'long-lived-channels' | 'conversations';
export type CleanupJobStatus = 'selecting' | 'running' | 'completed' | 'cancelled' | 'failed';
export const FINISHED_JOB_STATUSES: readonly CleanupJobStatus[] = ['completed', 'cancelled', 'failed'];
export type CleanupItemStatus = 'pending' | 'done' | 'failed' | 'skipped' | 'cancelled';

/**
 * What a clean-up touches, whatever it cleans (Proxy sessions, conversations): every criterion given must hold, and
 * at least one is required. Each target names the criteria in its own API's words (see cleanup-targets.ts).
 */
export interface CleanupSelection {
  /** Proxy session statuses, or conversation states. */
  statuses?: string[];
  olderThanHours?: number;
  /** The Twilio number (E.164) masking the customer: the Proxy number, or the conversation's proxy address. */
  number?: string;
}

export interface CleanupCandidate {
  sid: string;
  data: Record<string, unknown>;
}

export interface CleanupPreview {
  kind: CleanupJobKind;
  dryRun: true;
  total: number;
  byStatus: Record<string, number>;
  /** The first items, in the order the job would clean them. */
  sample: CleanupCandidate[];
}

export interface CleanupProgress {
  total: number;
  pending: number;
  done: number;
  failed: number;
  skipped: number;
  cancelled: number;
  /** 0–100. */
  percent: number;
  ratePerSecond: number | null;
  etaSeconds: number | null;
}

export interface CleanupJob {
  id: string;
  kind: CleanupJobKind;
  status: CleanupJobStatus;
  selection: Record<string, unknown>;
  options: Record<string, unknown>;
  requestedBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  cancelRequested: boolean;
  error: ErrorRecord | null;
}

export interface CleanupJobView extends CleanupJob {
  progress: CleanupProgress;
  /** The first failed items with their errors (all of them: the job's items with status failed). */
  errors: Array<Pick<CleanupItem, 'sid' | 'error' | 'settledAt'>>;
}

export interface CleanupItem {
  sid: string;
  status: CleanupItemStatus;
  data: Record<string, unknown>;
  error: ErrorRecord | null;
  settledAt: string | null;
}

export function isFinished(job: Pick<CleanupJob, 'status'>): boolean {
  return FINISHED_JOB_STATUSES.includes(job.status);
}
