import { CleanupJobFinished, CleanupJobNotFound } from '../../errors';
import { FINISHED_JOB_STATUSES, type CleanupJob } from '../../cleanup-jobs/cleanup-job';
import type { CleanupJobStore } from '../../ports/cleanup-job-store.port';

/**
 * Asks a job to stop: its runner notices before its next item, leaves the items not reached untouched (cancelled)
 * and releases their claims. A job no process runs right now is cancelled when it is resumed.
 */
export async function cancelCleanupJob(store: CleanupJobStore, jobId: string): Promise<CleanupJob> {
  const job = await store.requestCancel(jobId);
  if (!job) throw new CleanupJobNotFound(jobId);
  if (FINISHED_JOB_STATUSES.includes(job.status)) throw new CleanupJobFinished(jobId, job.status);
  return job;
}
