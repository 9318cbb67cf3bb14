import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  CleanUpLongLivedChannels,
  CleanUpProxySessions,
  runDueCleanupSchedules,
  systemClock,
  type CleanupSchedule,
  type CleanupScheduleStore,
  type LongLivedChannelSelection,
  type ScheduleRun,
} from '@flex-sms/domain';
import { CLEANUP_OPTIONS, CLEANUP_SCHEDULE_STORE, type CleanupOptions } from './cleanup.tokens';

/** Starts the job of each due schedule, through the same use cases as a request. */
@Injectable()
export class CleanupScheduleRunner {
  private readonly logger = new Logger('CleanupSchedules');

  constructor(
    @Inject(CLEANUP_SCHEDULE_STORE) private readonly store: CleanupScheduleStore,
    @Inject(CLEANUP_OPTIONS) private readonly options: CleanupOptions,
    private readonly proxySessions: CleanUpProxySessions,
    private readonly longLivedChannels: CleanUpLongLivedChannels,
  ) {}

  async runDue(): Promise<ScheduleRun[]> {
    const runs = await runDueCleanupSchedules(this.store, this.options.clock ?? systemClock, (schedule) => this.start(schedule));
    for (const run of runs) {
      if (run.error) this.logger.warn(`Schedule ${run.scheduleId} could not start: ${run.error}`);
      else this.logger.log(`Schedule ${run.scheduleId} started job ${run.jobId}`);
    }
    return runs;
  }

  private start(schedule: CleanupSchedule) {
    const requestedBy = `schedule:${schedule.id}`;
    if (schedule.kind === 'long-lived-channels') {
      return this.longLivedChannels.start({
        selection: schedule.selection as unknown as LongLivedChannelSelection,
        requestedBy,
        scheduleId: schedule.id,
      });
    }
    return this.proxySessions.start({ selection: schedule.selection, options: schedule.options, requestedBy, scheduleId: schedule.id });
  }
}
