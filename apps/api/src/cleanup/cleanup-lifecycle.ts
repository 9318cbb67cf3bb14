import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { CleanupJobExecutor } from '@flex-sms/domain';
import { CleanupScheduleRunner } from './cleanup-schedule-runner';
import { CLEANUP_EXECUTOR, CLEANUP_OPTIONS, type CleanupOptions } from './cleanup.tokens';

/**
 * Resumes the jobs a restart interrupted, runs the schedule timer, and on shutdown lets running jobs finish their
 * items in flight (they stay resumable) before the database closes.
 */
@Injectable()
export class CleanupLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Cleanup');
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(CLEANUP_EXECUTOR) private readonly executor: CleanupJobExecutor,
    @Inject(CLEANUP_OPTIONS) private readonly options: CleanupOptions,
    private readonly schedules: CleanupScheduleRunner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const resumed = await this.executor.resumeUnfinished();
    if (resumed.length) this.logger.log(`Resumed clean-up job(s) ${resumed.join(', ')}`);
    if (this.options.scheduleTickMs > 0) {
      this.timer = setInterval(() => void this.tick(), this.options.scheduleTickMs);
      this.timer.unref();
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.executor.stop();
  }

  private async tick(): Promise<void> {
    try {
      await this.schedules.runDue();
      // A job whose instance died is picked up once its lease has expired.
      await this.executor.resumeUnfinished();
    } catch (error) {
      this.logger.warn(`Clean-up schedule tick failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
