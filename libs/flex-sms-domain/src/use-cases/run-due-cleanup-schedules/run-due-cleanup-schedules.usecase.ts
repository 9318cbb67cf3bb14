import { toErrorRecord } from '../../errors';
import type { Clock } from '../../ports/clock.port';
import type { CleanupJob } from '../../cleanup-jobs/cleanup-job';
import type { CleanupSchedule } from '../../cleanup-jobs/cleanup-schedule';
import type { CleanupScheduleStore } from '../../ports/cleanup-schedule-store.port';

/** Starts the job of one schedule (the clean-up use case of its kind). */
export type ScheduledJobStarter = (schedule: CleanupSchedule) => Promise<CleanupJob>;

export interface ScheduleRun {
  scheduleId: string;
  jobId?: string;
  error?: string;
}

/** Starts a job for every schedule that is due (called by the API's timer). One bad schedule does not stop the others. */
export async function runDueCleanupSchedules(store: CleanupScheduleStore, clock: Clock, start: ScheduledJobStarter): Promise<ScheduleRun[]> {
  const now = new Date(clock.now());
  const runs: ScheduleRun[] = [];
  for (const schedule of await store.claimDue(now)) {
    try {
      const job = await start(schedule);
      await store.recordRun(schedule.id, job.id, now);
      runs.push({ scheduleId: schedule.id, jobId: job.id });
    } catch (error) {
      runs.push({ scheduleId: schedule.id, error: toErrorRecord(error).message });
    }
  }
  return runs;
}
