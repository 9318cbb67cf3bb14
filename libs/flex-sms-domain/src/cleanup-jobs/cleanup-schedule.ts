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
