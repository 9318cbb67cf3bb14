import { FINISHED_JOB_STATUSES, settledCount, type CleanupCounts, type CleanupJob } from './cleanup-job';

/** How far a job is, as the progress screen shows it. */
export interface CleanupProgress extends CleanupCounts {
  /** Settled items (done, failed, skipped, cancelled) over all items, 0–100. */
  percent: number;
  /** Items settled per second in the current run; null before anything was settled. */
  ratePerSecond: number | null;
  /** Seconds until the pending items are settled at the current rate; null when unknown, 0 when finished. */
  etaSeconds: number | null;
}

/**
 * The rate counts only the current run (items settled since it began, over its duration), so a job resumed after a
 * restart does not claim the speed of work done before it.
 */
export function describeProgress(job: CleanupJob, counts: CleanupCounts, now: Date): CleanupProgress {
  const settled = settledCount(counts);
  const percent = counts.total === 0 ? (FINISHED_JOB_STATUSES.includes(job.status) ? 100 : 0) : Math.floor((settled / counts.total) * 1000) / 10;
  const end = job.finishedAt ?? now;
  const seconds = job.runStartedAt ? (end.getTime() - job.runStartedAt.getTime()) / 1000 : 0;
  const settledThisRun = settled - job.settledAtRunStart;
  const ratePerSecond = seconds > 0 && settledThisRun > 0 ? Math.round((settledThisRun / seconds) * 10) / 10 : null;
  let etaSeconds: number | null = null;
  if (FINISHED_JOB_STATUSES.includes(job.status) || (counts.pending === 0 && job.status === 'running')) etaSeconds = 0;
  else if (ratePerSecond && job.status === 'running') etaSeconds = Math.ceil(counts.pending / ratePerSecond);
  return { ...counts, percent, ratePerSecond, etaSeconds };
}
