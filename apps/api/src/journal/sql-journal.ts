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
import type { Database } from '../store/database';
import { REQUEST_COLUMNS, RequestRow, jsonParam, loadEntries } from './journal-rows';

/** PostgreSQL's SQLSTATE for a row referring to a missing parent. */
const FOREIGN_KEY_VIOLATION = '23503';

/** Random, so an id seen in a URL or a log tells nothing about other requests. */
function newRequestId(): string {
  return `req_${randomBytes(12).toString('hex')}`;
}

/**
 * The Journal port on SQL (PostgreSQL, or PGlite embedded). Behaves exactly like the domain's InMemoryJournal (the
 * shared contract spec runs against both): writes on an unknown request fail, entries come back as copies.
 */
export class SqlJournal implements Journal {
  constructor(private readonly db: Database) {}

  async begin(request: OutboundRequestRecord, startedAt: Date): Promise<string> {
    const id = newRequestId();
    await this.db.query(
      `INSERT INTO outbound_request (id, kind, caller, from_number, to_number, to_name, body, idempotency_key, input, status, started_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, 'in_flight', $10)`,
      [id, request.kind, request.caller, request.fromNumber, request.toNumber, request.toName, request.body, request.idempotencyKey, jsonParam(request.input ?? {}), startedAt],
    );
    return id;
  }

  async recordStep(requestId: string, step: StepRecord): Promise<void> {
    await this.insertFor(requestId, 
      `INSERT INTO outbound_step (request_id, name, outcome, sids, data, started_at, finished_at, error)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8::jsonb)`,
      [requestId, step.name, step.outcome, jsonParam(step.sids), jsonParam(step.data), step.startedAt, step.finishedAt, jsonParam(step.error)],
    );
  }

  async recordSteps(requestId: string, steps: readonly StepRecord[]): Promise<void> {
    if (steps.length === 0) return;
    const rows = steps.map((step) => ({ ...step, sids: step.sids, data: step.data ?? null, error: step.error ?? null }));
    // One statement; the ids (which order a request's steps) are drawn in the order given.
    await this.insertFor(requestId,
      `INSERT INTO outbound_step (request_id, name, outcome, sids, data, started_at, finished_at, error)
       SELECT $1, step.name, step.outcome, step.sids, step.data, step."startedAt", step."finishedAt", step.error
       FROM ROWS FROM (jsonb_to_recordset($2::jsonb) AS (name text, outcome text, sids jsonb, data jsonb, "startedAt" timestamptz, "finishedAt" timestamptz, error jsonb))
         WITH ORDINALITY AS step (name, outcome, sids, data, "startedAt", "finishedAt", error, position)
       ORDER BY step.position`,
      [requestId, JSON.stringify(rows)],
    );
  }

  async recordPendingStep(requestId: string, step: Pick<PendingStepRecord, 'name' | 'payload' | 'recordedAt'>): Promise<void> {
    await this.insertFor(requestId, 
      `INSERT INTO outbound_pending_step (request_id, name, payload, recorded_at, status, attempts)
       VALUES ($1, $2, $3::jsonb, $4, 'pending', 0)`,
      [requestId, step.name, jsonParam(step.payload), step.recordedAt],
    );
  }

  async settlePendingStep(
    requestId: string,
    name: PendingStepName,
    outcome: { status: 'done' | 'failed' | 'pending'; at: Date; error?: ErrorRecord },
  ): Promise<void> {
    const updated = await this.db.query(
      `UPDATE outbound_pending_step SET status = $3, attempts = attempts + 1, settled_at = $4, error = $5::jsonb
       WHERE request_id = $1 AND name = $2 RETURNING name`,
      [requestId, name, outcome.status, outcome.at, jsonParam(outcome.error)],
    );
    if (updated.length === 0) throw new Error(`No pending step ${name} on ${requestId}`);
  }

  async finish(requestId: string, outcome: RequestOutcome): Promise<void> {
    // One statement, so one round trip on the hot path instead of a transaction's four or more: the status and the
    // record of what was undone still change together or not at all (a statement is atomic), and the undone rows
    // are only written when the request exists.
    const updated = await this.db.query(
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
      [requestId, outcome.status, outcome.finishedAt, jsonParam(outcome.result), jsonParam(outcome.error), JSON.stringify(outcome.undone ?? [])],
    );
    if (updated.length === 0) throw new Error(`No journal entry ${requestId}`);
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
       WHERE r.to_number = $2 AND r.from_number = $1 AND s.name = 'channel' AND s.sids ? 'channelSid'
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

  /** Inserts a row of `requestId`; an unknown request fails naming it, as the in-memory journal does. */
  private async insertFor(requestId: string, sql: string, params: readonly unknown[]): Promise<void> {
    try {
      await this.db.query(sql, params);
    } catch (error) {
      if ((error as { code?: unknown }).code === FOREIGN_KEY_VIOLATION) throw new Error(`No journal entry ${requestId}`);
      throw error;
    }
  }
}
