import type { CleanupSchedule } from '../cleanup-jobs/cleanup-schedule';

export type NewCleanupSchedule = Omit<CleanupSchedule, 'id' | 'lastRunAt' | 'lastJobId'>;
export type CleanupScheduleChanges = Partial<Pick<CleanupSchedule, 'name' | 'selection' | 'options' | 'everyHours' | 'enabled' | 'nextRunAt'>>;

/** Durable clean-up schedules. The API implements it on SQL (SqlCleanupScheduleStore). */
export interface CleanupScheduleStore {
  create(schedule: NewCleanupSchedule): Promise<CleanupSchedule>;
  get(id: string): Promise<CleanupSchedule | null>;
  list(): Promise<CleanupSchedule[]>;
  update(id: string, changes: CleanupScheduleChanges): Promise<CleanupSchedule | null>;
  remove(id: string): Promise<boolean>;
  /**
   * Enabled schedules due at `now`, each moved to its next run in the same step, so two API instances never start
   * the same run twice.
   */
  claimDue(now: Date): Promise<CleanupSchedule[]>;
  recordRun(id: string, jobId: string, at: Date): Promise<void>;
}
