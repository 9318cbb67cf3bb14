import { randomBytes } from 'node:crypto';
import type {
  ErrorRecord,
  Journal,
  JournalEntry,
  OutboundRequestRecord,
  PendingStepName,
  PendingStepRecord,
  RequestOutcome,
  StepRecord,
} from '@flex-sms/domain';
import type { Database, SqlDialect } from '../store/database';
import { isForeignKeyViolation } from '../store/sql-errors';
import { REQUEST_COLUMNS, RequestRow, jsonParam, loadEntries } from './journal-rows';

/** Random, so an id seen in a URL or a log tells nothing about other requests. */
function newRequestId(): string {
  return `req_${randomBytes(12).toString('hex')}`;
}

/**
 * The journal's writes of many rows at once, which have no portable SQL. PostgreSQL: one statement each, so one
 * round trip on the hot path. SQLite: the same rows from a JSON array (json_each), `finish` as a transaction of
 * three statements, which costs no round trip in an embedded database.
 */
interface BatchWrites {
  /** `steps`: a JSON array of StepRecord; the ids (which order a request's steps) are drawn in the order given. */
  recordSteps(db: Database, requestId: string, steps: string): Promise<void>;
  /** False when there is no such request. `undone`: a JSON array of UndoneRecord, replacing those recorded. */
  finish(db: Database, requestId: string, outcome: { status: string; finishedAt: Date; result: string | null; error: string | null; undone: string }): Promise<boolean>;
}

const BATCH_WRITES: Record<SqlDialect, BatchWrites> = {
  postgres: {
    async recordSteps(db, requestId, steps) {
      await db.query(
        `INSERT INTO outbound_step (request_id, name, outcome, sids, data, started_at, finished_at, error)
         SELECT $1, step.name, step.outcome, step.sids, step.data, step."startedAt", step."finishedAt", step.error
         FROM ROWS FROM (jsonb_to_recordset($2::jsonb) AS (name text, outcome text, sids jsonb, data jsonb, "startedAt" timestamptz, "finishedAt" timestamptz, error jsonb))
           WITH ORDINALITY AS step (name, outcome, sids, data, "startedAt", "finishedAt", error, position)
         ORDER BY step.position`,
        [requestId, steps],
      );
    },
    async finish(db, requestId, outcome) {
      // One statement: the status and the record of what was undone still change together or not at all (a
      // statement is atomic), and the undone rows are only written when the request exists.
      const updated = await db.query(
        `WITH finished AS (
           UPDATE outbound_request SET status = $2, finished_at = $3, result = $4::jsonb, error = $5::jsonb WHERE id = $1 RETURNING id
         ), cleared AS (
           DELETE FROM outbound_undone WHERE request_id IN (SELECT id FROM finished)
         ), recorded AS (
           INSERT INTO outbound_undone (request_id, action, sid, ok, error)
           SELECT finished.id, undone.action, undone.sid, undone.ok, undone.error
           FROM finished, ROWS FROM (jsonb_to_recordset($6::jsonb) AS (action text, sid text, ok boolean, error jsonb)) WITH ORDINALITY AS undone (action, sid, ok, error, position)
           ORDER BY undone.position
         )
         SELECT id FROM finished`,
        [requestId, outcome.status, outcome.finishedAt, outcome.result, outcome.error, outcome.undone],
      );
      return updated.length > 0;
    },
  },
  sqlite: {
    async recordSteps(db, requestId, steps) {
      // `-> 'data'` is JSON text, 'null' for a JSON null: nullif makes that SQL NULL, as on PostgreSQL.
      await db.query(
        `INSERT INTO outbound_step (request_id, name, outcome, sids, data, started_at, finished_at, error)
         SELECT $1, step.value ->> 'name', step.value ->> 'outcome', step.value -> 'sids', nullif(step.value -> 'data', 'null'),
                step.value ->> 'startedAt', step.value ->> 'finishedAt', nullif(step.value -> 'error', 'null')
         FROM json_each($2) AS step ORDER BY step.key`,
        [requestId, steps],
      );
    },
    finish: (db, requestId, outcome) =>
      db.transaction(async (tx) => {
        const updated = await tx.query('UPDATE outbound_request SET status = $2, finished_at = $3, result = $4, error = $5 WHERE id = $1 RETURNING id', [
          requestId,
          outcome.status,
          outcome.finishedAt,
          outcome.result,
          outcome.error,
        ]);
        if (updated.length === 0) return false;
        await tx.query('DELETE FROM outbound_undone WHERE request_id = $1', [requestId]);
        await tx.query(
          `INSERT INTO outbound_undone (request_id, action, sid, ok, error)
           SELECT $1, undone.value ->> 'action', undone.value ->> 'sid', undone.value ->> 'ok', nullif(undone.value -> 'error', 'null')
           FROM json_each($2) AS undone ORDER BY undone.key`,
          [requestId, outcome.undone],
        );
        return true;
      }),
  },
};

/**
 * The Journal port on SQL (embedded SQLite, or PostgreSQL). Behaves exactly like the domain's InMemoryJournal (the
 * shared contract spec runs against both): writes on an unknown request fail, entries come back as copies.
 */
export class SqlJournal implements Journal {
  private readonly batchWrites: BatchWrites;

  constructor(private readonly db: Database) {
    this.batchWrites = BATCH_WRITES[db.dialect];
  }

  async begin(request: OutboundRequestRecord, startedAt: Date): Promise<string> {
    const id = newRequestId();
    await this.db.query(
      `INSERT INTO outbound_request (id, kind, caller, from_number, to_number, to_name, channel, body, idempotency_key, input, status, started_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'in_flight', $11)`,
      [id, request.kind, request.caller, request.fromNumber, request.toNumber, request.toName, request.channel ?? 'sms', request.body, request.idempotencyKey, jsonParam(request.input ?? {}), startedAt],
    );
    return id;
  }

  async recordStep(requestId: string, step: StepRecord): Promise<void> {
    await this.insertFor(requestId, () =>
      this.db.query(
        `INSERT INTO outbound_step (request_id, name, outcome, sids, data, started_at, finished_at, error)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [requestId, step.name, step.outcome, jsonParam(step.sids), jsonParam(step.data), step.startedAt, step.finishedAt, jsonParam(step.error)],
      ),
    );
  }

  async recordSteps(requestId: string, steps: readonly StepRecord[]): Promise<void> {
    if (steps.length === 0) return;
    const rows = steps.map((step) => ({ ...step, sids: step.sids, data: step.data ?? null, error: step.error ?? null }));
    await this.insertFor(requestId, () => this.batchWrites.recordSteps(this.db, requestId, JSON.stringify(rows)));
  }

  async recordPendingStep(requestId: string, step: Pick<PendingStepRecord, 'name' | 'payload' | 'recordedAt'>): Promise<void> {
    await this.insertFor(requestId, () =>
      this.db.query(
        `INSERT INTO outbound_pending_step (request_id, name, payload, recorded_at, status, attempts)
         VALUES ($1, $2, $3, $4, 'pending', 0)`,
        [requestId, step.name, jsonParam(step.payload), step.recordedAt],
      ),
    );
  }

  async settlePendingStep(
    requestId: string,
    name: PendingStepName,
    outcome: { status: 'done' | 'failed' | 'pending'; at: Date; error?: ErrorRecord },
  ): Promise<void> {
    const updated = await this.db.query(
      `UPDATE outbound_pending_step SET status = $3, attempts = attempts + 1, settled_at = $4, error = $5
       WHERE request_id = $1 AND name = $2 RETURNING name`,
      [requestId, name, outcome.status, outcome.at, jsonParam(outcome.error)],
    );
    if (updated.length === 0) throw new Error(`No pending step ${name} on ${requestId}`);
  }

  async finish(requestId: string, outcome: RequestOutcome): Promise<void> {
    const found = await this.batchWrites.finish(this.db, requestId, {
      status: outcome.status,
      finishedAt: outcome.finishedAt,
      result: jsonParam(outcome.result),
      error: jsonParam(outcome.error),
      undone: JSON.stringify(outcome.undone ?? []),
    });
    if (!found) throw new Error(`No journal entry ${requestId}`);
  }

  async get(requestId: string): Promise<JournalEntry | null> {
    const rows = await this.db.query<RequestRow>(`SELECT ${REQUEST_COLUMNS} FROM outbound_request WHERE id = $1`, [requestId]);
    const [entry] = await loadEntries(this.db, rows);
    return entry ?? null;
  }

  async isChannelKnown(channelSid: string, exceptRequestId: string): Promise<boolean> {
    const found = await this.db.query(
      `SELECT 1 FROM outbound_step WHERE name = 'channel' AND sids ->> 'channelSid' = $1 AND request_id <> $2 LIMIT 1`,
      [channelSid, exceptRequestId],
    );
    return found.length > 0;
  }

  async succeededRequestUsing(sid: string, exceptRequestId: string): Promise<string | null> {
    const found = await this.db.query<{ request_id: string }>(
      `SELECT s.request_id FROM outbound_step s JOIN outbound_request r ON r.id = s.request_id
       WHERE (s.sids ->> 'channelSid' = $1 OR s.sids ->> 'conversationSid' = $1) AND s.request_id <> $2 AND r.status = 'succeeded'
       ORDER BY r.started_at LIMIT 1`,
      [sid, exceptRequestId],
    );
    return found[0]?.request_id ?? null;
  }

  async recentChannelsOfPair(fromNumber: string, toNumber: string, limit: number): Promise<string[]> {
    const rows = await this.db.query<{ channel_sid: string }>(
      `SELECT s.sids ->> 'channelSid' AS channel_sid FROM outbound_step s JOIN outbound_request r ON r.id = s.request_id
       WHERE r.to_number = $2 AND r.from_number = $1 AND s.name = 'channel' AND s.sids ->> 'channelSid' IS NOT NULL
       GROUP BY 1 ORDER BY max(r.started_at) DESC LIMIT $3`,
      [fromNumber, toNumber, limit],
    );
    return rows.map((row) => row.channel_sid);
  }

  async listUnresolved(): Promise<JournalEntry[]> {
    const rows = await this.db.query<RequestRow>(
      `SELECT ${REQUEST_COLUMNS} FROM outbound_request r
       WHERE r.status = 'in_flight'
          OR EXISTS (SELECT 1 FROM outbound_pending_step p WHERE p.request_id = r.id AND p.status = 'pending')
       ORDER BY r.started_at, r.id`,
    );
    return loadEntries(this.db, rows);
  }

  /** Inserts rows of `requestId`; an unknown request fails naming it, as the in-memory journal does. */
  private async insertFor(requestId: string, insert: () => Promise<unknown>): Promise<void> {
    try {
      await insert();
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new Error(`No journal entry ${requestId}`);
      throw error;
    }
  }
}
