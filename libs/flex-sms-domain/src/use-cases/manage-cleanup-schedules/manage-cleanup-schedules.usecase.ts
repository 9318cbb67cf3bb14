import { CleanupScheduleNotFound, InvalidInput } from '../../errors';
import type { Clock } from '../../ports/clock.port';
import { readLongLivedChannelSelection, type LongLivedChannelSelection } from '../clean-up-long-lived-channels/long-lived-channel-selection';
import { readProxySessionSelection, type ProxySessionSelection } from '../clean-up-proxy-sessions/proxy-session-selection';
import type { CleanupJobKind } from '../../cleanup-jobs/cleanup-job';
import type { CleanupSchedule } from '../../cleanup-jobs/cleanup-schedule';
import type { CleanupScheduleChanges, CleanupScheduleStore } from '../../ports/cleanup-schedule-store.port';

export interface CleanupScheduleInput {
  name: string;
  kind: CleanupJobKind;
  selection: Record<string, unknown>;
  options?: Record<string, unknown>;
  everyHours: number;
  enabled?: boolean;
  /** Default: one period from now. */
  firstRunAt?: Date;
  createdBy: string;
}

/** Admin CRUD of clean-up schedules; a selection is checked as a job's would be, so a schedule cannot fail on every run. */
export class ManageCleanupSchedules {
  constructor(
    private readonly store: CleanupScheduleStore,
    private readonly clock: Clock,
  ) {}

  create(input: CleanupScheduleInput): Promise<CleanupSchedule> {
    const everyHours = readEveryHours(input.everyHours);
    return this.store.create({
      name: input.name,
      kind: input.kind,
      selection: readSelection(input.kind, input.selection),
      options: input.options ?? {},
      everyHours,
      enabled: input.enabled ?? true,
      nextRunAt: input.firstRunAt ?? new Date(this.clock.now() + everyHours * 3_600_000),
      createdBy: input.createdBy,
      createdAt: new Date(this.clock.now()),
    });
  }

  list(): Promise<CleanupSchedule[]> {
    return this.store.list();
  }

  async get(id: string): Promise<CleanupSchedule> {
    const schedule = await this.store.get(id);
    if (!schedule) throw new CleanupScheduleNotFound(id);
    return schedule;
  }

  async update(id: string, changes: CleanupScheduleChanges): Promise<CleanupSchedule> {
    const current = await this.get(id);
    const checked: CleanupScheduleChanges = { ...changes };
    if (changes.selection) checked.selection = readSelection(current.kind, changes.selection);
    if (changes.everyHours !== undefined) checked.everyHours = readEveryHours(changes.everyHours);
    const updated = await this.store.update(id, checked);
    if (!updated) throw new CleanupScheduleNotFound(id);
    return updated;
  }

  async remove(id: string): Promise<void> {
    if (!(await this.store.remove(id))) throw new CleanupScheduleNotFound(id);
  }
}

function readSelection(kind: CleanupJobKind, selection: Record<string, unknown>): Record<string, unknown> {
  if (kind === 'long-lived-channels') return { ...readLongLivedChannelSelection(selection as unknown as LongLivedChannelSelection) };
  return { ...readProxySessionSelection(selection as ProxySessionSelection) };
}

function readEveryHours(everyHours: number): number {
  // An hour at least: a clean-up job pages through the whole Proxy Service.
  if (!(Number.isFinite(everyHours) && everyHours >= 1)) throw new InvalidInput('everyHours', 'must be a number of hours >= 1');
  return everyHours;
}
