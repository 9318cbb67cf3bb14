import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type {
  CleanupCandidate,
  CleanupCounts,
  CleanupItem,
  CleanupItemStatus,
  CleanupJob,
  CleanupJobStatus,
  CleanupJobStore,
  ErrorRecord,
  NewCleanupJob,
} from '@flex-sms/domain';
import { DATABASE, Database, Queryable, SqlDialect } from '../store/database';
import { isAnyOf } from '../store/sql-fragments';

interface JobRow {
  id: string;
  kind: CleanupJob['kind'];
  status: CleanupJobStatus;
  selection: Record<string, unknown>;
  options: Record<string, unknown>;
  requested_by: string;
  schedule_id: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  cancel_requested: boolean;
  error: ErrorRecord | null;
  run_started_at: Date | null;
  settled_at_run_start: number;
}

interface ItemRow {
  job_id: string;
  sid: string;
  status: CleanupItemStatus;
  data: Record<string, unknown>;
  error: ErrorRecord | null;
  settled_at: Date | null;
}

const UNFINISHED = `status IN ('selecting', 'running')`;

interface NewItem {
  sid: string;
  data: Record<string, unknown>;
  /** Why the item is skipped (another job claims it); null = pending. */
  error: Record<string, unknown> | null;
}

/** The writes of many items at once, which have no portable SQL (PostgreSQL's arrays; SQLite reads JSON arrays). */
interface ItemWrites {
  /** Claims each sid not claimed yet for `jobId`. */
  claim(tx: Queryable, jobId: string, sids: readonly string[]): Promise<unknown>;
  /** Adds the items not in the job yet, in the order given; returns those added. */
  insert(tx: Queryable, jobId: string, items: readonly NewItem[], at: Date): Promise<{ sid: string; status: string }[]>;
}

const ITEM_WRITES: Record<SqlDialect, ItemWrites> = {
  postgres: {
    claim: (tx, jobId, sids) =>
      tx.query('INSERT INTO cleanup_claim (sid, job_id) SELECT unnest($1::text[]), $2 ON CONFLICT (sid) DO NOTHING', [sids, jobId]),
    insert: (tx, jobId, items, at) =>
      tx.query(
        `INSERT INTO cleanup_item (job_id, sid, status, data, error, settled_at)
         SELECT $1, item.sid, CASE WHEN item.error IS NULL THEN 'pending' ELSE 'skipped' END, item.data::jsonb, item.error::jsonb,
                CASE WHEN item.error IS NULL THEN NULL ELSE $5::timestamptz END
         FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS item(sid, data, error, n)
         ORDER BY item.n
         ON CONFLICT (job_id, sid) DO NOTHING RETURNING sid, status`,
        [
          jobId,
          items.map((item) => item.sid),
          items.map((item) => JSON.stringify(item.data)),
          items.map((item) => (item.error ? JSON.stringify(item.error) : null)),
          at,
        ],
      ),
  },
  sqlite: {
    // `WHERE true`: SQLite's documented way to keep an INSERT … SELECT's ON CONFLICT from parsing as a join's ON.
    claim: (tx, jobId, sids) =>
      tx.query('INSERT INTO cleanup_claim (sid, job_id) SELECT value, $2 FROM json_each($1) WHERE true ON CONFLICT (sid) DO NOTHING', [sids, jobId]),
    // No sequences in SQLite: positions continue from the job's last one, in the order given (json_each's key).
    insert: (tx, jobId, items, at) =>
      tx.query(
        `INSERT INTO cleanup_item (job_id, sid, position, status, data, error, settled_at)
         SELECT $1, item.value ->> 'sid', (SELECT coalesce(max(position), 0) FROM cleanup_item WHERE job_id = $1) + item.key + 1,
                CASE WHEN item.value ->> 'error' IS NULL THEN 'pending' ELSE 'skipped' END, item.value -> 'data', nullif(item.value -> 'error', 'null'),
                CASE WHEN item.value ->> 'error' IS NULL THEN NULL ELSE $3 END
         FROM json_each($2) AS item WHERE true
         ORDER BY item.key
         ON CONFLICT (job_id, sid) DO NOTHING RETURNING sid, status`,
        [jobId, JSON.stringify(items), at],
      ),
  },
};

/** CleanupJobStore on the API's database (migration 010). Claims are rows of cleanup_claim: its primary key is the lock. */
@Injectable()
export class SqlCleanupJobStore implements CleanupJobStore {
  private readonly itemWrites: ItemWrites;

  constructor(@Inject(DATABASE) private readonly db: Database) {
    this.itemWrites = ITEM_WRITES[db.dialect];
  }

  async create(job: NewCleanupJob): Promise<CleanupJob> {
    const [row] = await this.db.query<JobRow>(
      `INSERT INTO cleanup_job (id, kind, status, selection, options, requested_by, schedule_id, created_at)
       VALUES ($1, $2, 'selecting', $3, $4, $5, $6, $7) RETURNING *`,
      [randomUUID(), job.kind, JSON.stringify(job.selection), JSON.stringify(job.options), job.requestedBy, job.scheduleId ?? null, job.createdAt],
    );
    return toJob(row);
  }

  async get(jobId: string): Promise<CleanupJob | null> {
    const [row] = await this.db.query<JobRow>('SELECT * FROM cleanup_job WHERE id = $1', [jobId]);
    return row ? toJob(row) : null;
  }

  async list(limit: number): Promise<CleanupJob[]> {
    return (await this.db.query<JobRow>('SELECT * FROM cleanup_job ORDER BY created_at DESC, id LIMIT $1', [limit])).map(toJob);
  }

  async addItems(jobId: string, items: readonly CleanupCandidate[], at: Date): Promise<{ added: number; claimedElsewhere: number }> {
    if (items.length === 0) return { added: 0, claimedElsewhere: 0 };
    const sids = items.map((item) => item.sid);
    return this.db.transaction(async (tx) => {
      await this.itemWrites.claim(tx, jobId, sids);
      const holders = new Map(
        (await tx.query<{ sid: string; job_id: string }>(`SELECT sid, job_id FROM cleanup_claim WHERE sid ${isAnyOf(tx.dialect, '$1')}`, [sids])).map(
          (row) => [row.sid, row.job_id],
        ),
      );
      const rows = items.map((item): NewItem => {
        const holder = holders.get(item.sid);
        const error =
          holder && holder !== jobId
            ? { code: 'CLAIMED_BY_ANOTHER_JOB', message: `Job ${holder} is cleaning ${item.sid}`, details: { jobId: holder } }
            : null;
        return { sid: item.sid, data: item.data, error };
      });
      const inserted = await this.itemWrites.insert(tx, jobId, rows, at);
      return {
        added: inserted.filter((row) => row.status === 'pending').length,
        claimedElsewhere: inserted.filter((row) => row.status === 'skipped').length,
      };
    });
  }

  async pendingItems(jobId: string, limit: number): Promise<CleanupItem[]> {
    const rows = await this.db.query<ItemRow>(`SELECT * FROM cleanup_item WHERE job_id = $1 AND status = 'pending' ORDER BY position LIMIT $2`, [
      jobId,
      limit,
    ]);
    return rows.map(toItem);
  }

  async settleItem(
    jobId: string,
    sid: string,
    outcome: { status: Exclude<CleanupItemStatus, 'pending'>; at: Date; error?: ErrorRecord },
  ): Promise<void> {
    // The claim stays until the job finishes: a job selecting meanwhile still sees the session as this job's.
    await this.db.query(`UPDATE cleanup_item SET status = $3, error = $4, settled_at = $5 WHERE job_id = $1 AND sid = $2 AND status = 'pending'`, [
      jobId,
      sid,
      outcome.status,
      outcome.error ? JSON.stringify(outcome.error) : null,
      outcome.at,
    ]);
  }

  async counts(jobId: string): Promise<CleanupCounts> {
    const rows = await this.db.query<{ status: CleanupItemStatus; count: number }>(
      'SELECT status, count(*) AS count FROM cleanup_item WHERE job_id = $1 GROUP BY status',
      [jobId],
    );
    const counts: CleanupCounts = { total: 0, pending: 0, done: 0, failed: 0, skipped: 0, cancelled: 0 };
    for (const row of rows) {
      counts[row.status] = Number(row.count);
      counts.total += Number(row.count);
    }
    return counts;
  }

  async listItems(jobId: string, status: CleanupItemStatus, limit: number): Promise<CleanupItem[]> {
    const rows = await this.db.query<ItemRow>('SELECT * FROM cleanup_item WHERE job_id = $1 AND status = $2 ORDER BY position LIMIT $3', [
      jobId,
      status,
      limit,
    ]);
    return rows.map(toItem);
  }

  async markRunning(jobId: string): Promise<void> {
    await this.db.query(`UPDATE cleanup_job SET status = 'running' WHERE id = $1 AND status = 'selecting'`, [jobId]);
  }

  async beginRun(jobId: string, at: Date): Promise<CleanupJob> {
    const [row] = await this.db.query<JobRow>(
      `UPDATE cleanup_job SET started_at = COALESCE(started_at, $2), run_started_at = $2,
         settled_at_run_start = (SELECT count(*) FROM cleanup_item WHERE job_id = $1 AND status <> 'pending')
       WHERE id = $1 RETURNING *`,
      [jobId, at],
    );
    return toJob(row);
  }

  async requestCancel(jobId: string): Promise<CleanupJob | null> {
    await this.db.query(`UPDATE cleanup_job SET cancel_requested = true WHERE id = $1 AND ${UNFINISHED}`, [jobId]);
    return this.get(jobId);
  }

  async finish(jobId: string, status: 'completed' | 'cancelled' | 'failed', at: Date, error?: ErrorRecord): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [job] = await tx.query<{ id: string }>(
        `UPDATE cleanup_job SET status = $2, finished_at = $3, error = $4, lease_owner = NULL, lease_until = NULL WHERE id = $1 AND ${UNFINISHED} RETURNING id`,
        [jobId, status, at, error ? JSON.stringify(error) : null],
      );
      if (!job) return;
      await tx.query(`UPDATE cleanup_item SET status = 'cancelled', settled_at = $2 WHERE job_id = $1 AND status = 'pending'`, [jobId, at]);
      await tx.query('DELETE FROM cleanup_claim WHERE job_id = $1', [jobId]);
    });
  }

  async acquireLease(jobId: string, runnerId: string, until: Date, now: Date): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE cleanup_job SET lease_owner = $2, lease_until = $3
       WHERE id = $1 AND (lease_owner IS NULL OR lease_owner = $2 OR lease_until <= $4) RETURNING id`,
      [jobId, runnerId, until, now],
    );
    return rows.length === 1;
  }

  async releaseLease(jobId: string, runnerId: string): Promise<void> {
    await this.db.query('UPDATE cleanup_job SET lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $2', [jobId, runnerId]);
  }

  async listResumable(now: Date): Promise<CleanupJob[]> {
    const rows = await this.db.query<JobRow>(
      `SELECT * FROM cleanup_job WHERE ${UNFINISHED} AND (lease_owner IS NULL OR lease_until <= $1) ORDER BY created_at`,
      [now],
    );
    return rows.map(toJob);
  }
}

function toJob(row: JobRow): CleanupJob {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    selection: row.selection,
    options: row.options,
    requestedBy: row.requested_by,
    scheduleId: row.schedule_id,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    cancelRequested: row.cancel_requested,
    error: row.error,
    runStartedAt: row.run_started_at,
    settledAtRunStart: Number(row.settled_at_run_start),
  };
}

function toItem(row: ItemRow): CleanupItem {
  return { jobId: row.job_id, sid: row.sid, status: row.status, data: row.data, error: row.error, settledAt: row.settled_at };
}
