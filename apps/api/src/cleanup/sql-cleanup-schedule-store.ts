import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { CleanupSchedule, CleanupScheduleChanges, CleanupScheduleStore, NewCleanupSchedule } from '@flex-sms/domain';
import { DATABASE, Database, SqlDialect } from '../store/database';

interface ScheduleRow {
  id: string;
  name: string;
  kind: CleanupSchedule['kind'];
  selection: Record<string, unknown>;
  options: Record<string, unknown>;
  every_hours: number;
  enabled: boolean;
  next_run_at: Date;
  last_run_at: Date | null;
  last_job_id: string | null;
  created_by: string;
  created_at: Date;
}

const COLUMNS: Record<keyof CleanupScheduleChanges, string> = {
  name: 'name',
  selection: 'selection',
  options: 'options',
  everyHours: 'every_hours',
  enabled: 'enabled',
  nextRunAt: 'next_run_at',
};

/**
 * Moves each due schedule (`$1` = now) to its next run, `every_hours` after now, and returns the schedules moved:
 * one UPDATE, so a second instance running the same query finds nothing due. Time arithmetic differs per dialect
 * (SQLite's timestamps are ISO 8601 text, kept in the same format).
 */
const CLAIM_DUE: Record<SqlDialect, string> = {
  postgres: `UPDATE cleanup_schedule SET next_run_at = $1::timestamptz + every_hours * interval '1 hour'
             WHERE enabled AND next_run_at <= $1 RETURNING *`,
  sqlite: `UPDATE cleanup_schedule SET next_run_at = strftime('%Y-%m-%dT%H:%M:%fZ', $1, '+' || (every_hours * 3600) || ' seconds')
           WHERE enabled AND next_run_at <= $1 RETURNING *`,
};

/** CleanupScheduleStore on the API's database (migration 010). */
@Injectable()
export class SqlCleanupScheduleStore implements CleanupScheduleStore {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async create(schedule: NewCleanupSchedule): Promise<CleanupSchedule> {
    const [row] = await this.db.query<ScheduleRow>(
      `INSERT INTO cleanup_schedule (id, name, kind, selection, options, every_hours, enabled, next_run_at, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
      [
        randomUUID(),
        schedule.name,
        schedule.kind,
        JSON.stringify(schedule.selection),
        JSON.stringify(schedule.options),
        schedule.everyHours,
        schedule.enabled,
        schedule.nextRunAt,
        schedule.createdBy,
        schedule.createdAt,
      ],
    );
    return toSchedule(row);
  }

  async get(id: string): Promise<CleanupSchedule | null> {
    const [row] = await this.db.query<ScheduleRow>('SELECT * FROM cleanup_schedule WHERE id = $1', [id]);
    return row ? toSchedule(row) : null;
  }

  async list(): Promise<CleanupSchedule[]> {
    return (await this.db.query<ScheduleRow>('SELECT * FROM cleanup_schedule ORDER BY created_at, id')).map(toSchedule);
  }

  async update(id: string, changes: CleanupScheduleChanges): Promise<CleanupSchedule | null> {
    const entries = Object.entries(changes).filter(([, value]) => value !== undefined) as [keyof CleanupScheduleChanges, unknown][];
    if (entries.length === 0) return this.get(id);
    const sets = entries.map(([key], index) => `${COLUMNS[key]} = $${index + 2}`).join(', ');
    const values = entries.map(([key, value]) => (key === 'selection' || key === 'options' ? JSON.stringify(value) : value));
    const [row] = await this.db.query<ScheduleRow>(`UPDATE cleanup_schedule SET ${sets} WHERE id = $1 RETURNING *`, [id, ...values]);
    return row ? toSchedule(row) : null;
  }

  async remove(id: string): Promise<boolean> {
    return (await this.db.query('DELETE FROM cleanup_schedule WHERE id = $1 RETURNING id', [id])).length === 1;
  }

  async claimDue(now: Date): Promise<CleanupSchedule[]> {
    const rows = await this.db.query<ScheduleRow>(CLAIM_DUE[this.db.dialect], [now]);
    return rows.map(toSchedule);
  }

  async recordRun(id: string, jobId: string, at: Date): Promise<void> {
    await this.db.query('UPDATE cleanup_schedule SET last_run_at = $2, last_job_id = $3 WHERE id = $1', [id, at, jobId]);
  }
}

function toSchedule(row: ScheduleRow): CleanupSchedule {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    selection: row.selection,
    options: row.options,
    everyHours: Number(row.every_hours),
    enabled: row.enabled,
    nextRunAt: row.next_run_at,
    lastRunAt: row.last_run_at,
    lastJobId: row.last_job_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}
