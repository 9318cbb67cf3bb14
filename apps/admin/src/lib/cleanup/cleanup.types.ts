// Clean-up jobs as the API reports them (apps/api/src/cleanup/dto/cleanup-job.response.dto.ts).
import type { Schema } from '../api/wire';

export type CleanupPreview = Schema<'CleanupPreviewDto'>;
export type CleanupJobView = Schema<'CleanupJobViewDto'>;
export type CleanupProgress = Schema<'CleanupProgressDto'>;
export type CleanupItem = Schema<'CleanupItemDto'>;
/** An item as selection found it (a preview's sample). */
export type CleanupCandidate = Schema<'CleanupCandidateDto'>;
export type CleanupJobKind = CleanupJobView['kind'];
export type CleanupJobStatus = CleanupJobView['status'];
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
