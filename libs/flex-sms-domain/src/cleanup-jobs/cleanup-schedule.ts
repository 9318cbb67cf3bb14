import type { CleanupJobKind } from './cleanup-job';

/** A clean-up run periodically, e.g. daily: Proxy sessions older than 7 days. */
export interface CleanupSchedule {
  id: string;
  name: string;
  kind: CleanupJobKind;
  /** As for a job; relative ages are evaluated at each run. */
  selection: Record<string, unknown>;
  options: Record<string, unknown>;
  everyHours: number;
  enabled: boolean;
  nextRunAt: Date;
  lastRunAt: Date | null;
  lastJobId: string | null;
  createdBy: string;
  createdAt: Date;
}

export type NewCleanupSchedule = Omit<CleanupSchedule, 'id' | 'lastRunAt' | 'lastJobId'>;
export type CleanupScheduleChanges = Partial<Pick<CleanupSchedule, 'name' | 'selection' | 'options' | 'everyHours' | 'enabled' | 'nextRunAt'>>;

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
