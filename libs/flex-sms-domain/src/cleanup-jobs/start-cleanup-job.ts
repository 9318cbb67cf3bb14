import type { Clock } from '../ports/clock.port';
import type { CleanupJob, CleanupJobKind } from './cleanup-job';
import type { CleanupJobStore } from '../ports/cleanup-job-store.port';

/** Where jobs are launched (CleanupJobExecutor in the API). */
export interface CleanupJobLauncher {
  launch(jobId: string): void;
}

export interface CleanupJobContext {
  store: CleanupJobStore;
  launcher: CleanupJobLauncher;
  clock: Clock;
}

/** Records the job before anything is touched (so a restart finds it), then launches it. */
export async function startCleanupJob(
  context: CleanupJobContext,
  job: {
    kind: CleanupJobKind;
    selection: Record<string, unknown>;
    options: Record<string, unknown>;
    requestedBy: string;
    scheduleId?: string | null;
  },
): Promise<CleanupJob> {
  const created = await context.store.create({ ...job, createdAt: new Date(context.clock.now()) });
  context.launcher.launch(created.id);
  return created;
}
