import type { ErrorRecord } from '../ports/journal.port';

/** What a clean-up job cleans. */
export const CLEANUP_KINDS = ['proxy-sessions', 'long-lived-channels', 'conversations'] as const;
export type CleanupJobKind = (typeof CLEANUP_KINDS)[number];
/** The kinds a schedule can start (conversation clean-ups are run on request only, for now). */
export const SCHEDULABLE_CLEANUP_KINDS: readonly CleanupJobKind[] = ['proxy-sessions', 'long-lived-channels'];

export const CLEANUP_JOB_STATUSES = [
  /** Finding the items (paging through Twilio), claiming each. */
  'selecting',
  /** Working through the claimed items. */
  'running',
  'completed',
  /** Stopped on request: items not reached are `cancelled`, untouched. */
  'cancelled',
  /** The job itself could not go on (e.g. Twilio stayed unavailable while selecting); items are left as recorded. */
  'failed',
] as const;
export type CleanupJobStatus = (typeof CLEANUP_JOB_STATUSES)[number];

export const FINISHED_JOB_STATUSES: readonly CleanupJobStatus[] = ['completed', 'cancelled', 'failed'];

export const CLEANUP_ITEM_STATUSES = [
  'pending',
  'done',
  'failed',
  /** Nothing to do (already gone), or claimed by another job running at the same time. */
  'skipped',
  'cancelled',
] as const;
export type CleanupItemStatus = (typeof CLEANUP_ITEM_STATUSES)[number];

export interface CleanupJob {
  id: string;
  kind: CleanupJobKind;
  status: CleanupJobStatus;
  /** The selection as asked (relative ages stay relative: "older than 7 days" is evaluated when the job selects). */
  selection: Record<string, unknown>;
  options: Record<string, unknown>;
  requestedBy: string;
  /** The schedule that started it, if one did. */
  scheduleId: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  cancelRequested: boolean;
  /** Why the job failed as a whole. */
  error: ErrorRecord | null;
  /** When the current run (the first, or a resume after a restart) began, and how many items were settled then: the rate's base. */
  runStartedAt: Date | null;
  settledAtRunStart: number;
}

export interface CleanupItem {
  jobId: string;
  /** The Twilio SID of what is cleaned (KC… session, CH… channel). */
  sid: string;
  status: CleanupItemStatus;
  /** What selection learnt about the item (status, channel, service…), so processing needs no second look-up. */
  data: Record<string, unknown>;
  error: ErrorRecord | null;
  settledAt: Date | null;
}

/** An item found by selection. */
export interface CleanupCandidate {
  sid: string;
  data: Record<string, unknown>;
}

export interface CleanupCounts {
  total: number;
  pending: number;
  done: number;
  failed: number;
  skipped: number;
  cancelled: number;
}

export function settledCount(counts: CleanupCounts): number {
  return counts.done + counts.failed + counts.skipped + counts.cancelled;
}
