import type { Clock } from '../ports/clock.port';
import type { CleanupJobRunner, RunEnd } from './cleanup-job-runner';
import type { CleanupJobStore } from '../ports/cleanup-job-store.port';

/** Starts jobs in the background of this process, resumes unfinished ones, and stops them on shutdown. */
export class CleanupJobExecutor {
  private readonly running = new Map<string, Promise<RunEnd>>();

  constructor(
    private readonly runner: CleanupJobRunner,
    private readonly store: CleanupJobStore,
    private readonly clock: Clock,
    private readonly onError: (jobId: string, error: unknown) => void = () => undefined,
  ) {}

  /** Runs the job in the background unless this process already runs it. */
  launch(jobId: string): void {
    if (this.running.has(jobId)) return;
    const run = this.runner
      .run(jobId)
      .catch((error: unknown) => {
        this.onError(jobId, error);
        return 'stopped' as const;
      })
      .finally(() => this.running.delete(jobId));
    this.running.set(jobId, run);
  }

  /** Launches every unfinished job no runner holds (after a restart, or a crashed instance's lease expired). */
  async resumeUnfinished(): Promise<string[]> {
    const jobs = await this.store.listResumable(new Date(this.clock.now()));
    jobs.forEach((job) => this.launch(job.id));
    return jobs.map((job) => job.id);
  }

  /** Resolves when this process no longer runs the job (at once if it does not). */
  async settled(jobId: string): Promise<RunEnd | undefined> {
    return this.running.get(jobId);
  }

  isRunning(jobId: string): boolean {
    return this.running.has(jobId);
  }

  /** How many jobs this process runs now (other API instances run theirs). */
  runningCount(): number {
    return this.running.size;
  }

  /** Stops after the items in flight; the jobs stay unfinished in the store, to be resumed. */
  async stop(): Promise<void> {
    this.runner.stop();
    await Promise.all(this.running.values());
  }
}
