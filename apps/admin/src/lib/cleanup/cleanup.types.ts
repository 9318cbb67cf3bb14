// Clean-up jobs as the API reports them (apps/api/src/cleanup/dto/cleanup-job.response.dto.ts).
import type { Schema } from '../api/wire';

/** A dry run's answer: what the job would touch. */
export type CleanupPreview = Schema<'CleanupPreviewDto'>;
/** An item as selection found it. */
export type CleanupCandidate = CleanupPreview['sample'][number];
/** A job with its progress and first errors: the 202 answer of a start, and what polling reads. */
export type CleanupJobView = Schema<'CleanupJobViewDto'>;
export type CleanupJobKind = CleanupJobView['kind'];
export type CleanupJobStatus = CleanupJobView['status'];
export type CleanupItem = Schema<'CleanupItemDto'>;
export type CleanupItemStatus = CleanupItem['status'];
export const FINISHED_JOB_STATUSES: readonly CleanupJobStatus[] = ['completed', 'cancelled', 'failed'];

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

export function isFinished(job: Pick<CleanupJobView, 'status'>): boolean {
  return FINISHED_JOB_STATUSES.includes(job.status);
}
