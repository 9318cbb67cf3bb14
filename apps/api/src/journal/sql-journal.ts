import { randomBytes } from 'node:crypto';
import type {
  BegunRequest,
  ConsentQuestion,
  ConsentSource,
  ErrorRecord,
  FollowUp,
  Journal,
  JournalEntry,
  OutboundRequestRecord,
  PendingStepName,
  RequestOutcome,
  StepRecord,
  UnwrittenRecords,
} from '@flex-sms/domain';
import { PREPARED, type Database, type Queryable, type SqlDialect } from '../store/database';
import { runOutboxInsert, type OutboxInsert, type SystemCallbackOutbox } from '../system-callbacks/system-callback-outbox';
import { lockSessionHere } from '../store/held-lock';
import { isForeignKeyViolation } from '../store/sql-errors';
import { PendingStepRow, REQUEST_COLUMNS, RequestRow, jsonParam, loadEntries, toPendingStepRecord } from './journal-rows';

/** Random, so an id seen in a URL or a log tells nothing about other requests. */
function newRequestId(): string {
  return `req_${randomBytes(12).toString('hex')}`;
}

/** A finish's values, as parameters: JSON text for the json(b) columns and arrays. */
/** The opt-out a request's begin asks about ($13 recipient, $14 scope), read by the INSERT's RETURNING. */
const OPT_OUT_RETURNING = `(SELECT since FROM consent_opt_out WHERE recipient = $13 AND scope = $14) AS opt_out_since,
  (SELECT source FROM consent_opt_out WHERE recipient = $13 AND scope = $14) AS opt_out_source`;

interface OptOutColumns {
  /** A Date on PostgreSQL, ISO text on SQLite (an expression's column has no declared type to convert by). */
  opt_out_since: Date | string | null;
  opt_out_source: string | null;
}

interface FinishParams {
  status: string;
  finishedAt: Date;
  result: string | null;
  error: string | null;
  /** JSON arrays: UndoneRecord (replacing those recorded), StepRecord and NewPendingStep (added). */
  undone: string;
  steps: string;
  pendingSteps: string;
}

/**
 * The journal's statements that have no portable SQL: writes of many rows at once, and on PostgreSQL the ones that
 * take and release the pair lock. PostgreSQL: one statement each, one round trip on the hot path. SQLite: the same
 * rows from a JSON array (json_each), several statements in a transaction where needed, which costs no round trip in
 * an embedded database.
 */
interface DialectWrites {
  /** `steps`: a JSON array of StepRecord; the ids (which order a request's steps) are drawn in the order given. */
  recordSteps(db: Database, requestId: string, steps: string): Promise<void>;
  /**
   * The same, the last step recorded as `reused` instead of `created` when a step of another request with its name
   * holds the same SID under `sidKey`; resolves to whether one did.
   */
  recordClaim(db: Database, requestId: string, steps: string, claimed: { name: string; sidKey: string; sid: string }): Promise<boolean>;
  /**
   * `found`: false when there is no such request. `outbox`: the change's system callback, written with it (its
   * parameters from $first); `queued`: whether that wrote a row.
   */
  finish(
    db: Database,
    requestId: string,
    outcome: FinishParams,
    outbox?: (first: number) => OutboxInsert,
  ): Promise<{ found: boolean; queued: boolean }>;
  /** Settles a pending step (`settle`: the UPDATE's parameters after the request and step name) and adds `steps`; false when there is no such pending step. */
  settleWithSteps(db: Database, requestId: string, name: string, settle: readonly unknown[], steps: string): Promise<boolean>;
}

/** A pending step's settlement: another attempt, its status and time, its last error. */
const SETTLE_PENDING =
  'UPDATE outbound_pending_step SET status = $3, attempts = attempts + 1, settled_at = $4, error = $5 WHERE request_id = $1 AND name = $2';

/** PostgreSQL: the steps in a JSON array as rows, in their order. */
const PG_STEP_ROWS = `ROWS FROM (jsonb_to_recordset($2::jsonb) AS (name text, outcome text, sids jsonb, data jsonb, "startedAt" timestamptz, "finishedAt" timestamptz, error jsonb))
  WITH ORDINALITY AS step (name, outcome, sids, data, "startedAt", "finishedAt", error, position)`;

/**
 * PostgreSQL's finish: the outcome, the steps and follow-up work not written yet, and the record of what was undone,
 * in one statement (atomic: all of it or none), and the rows only written when the request exists. `release`: it also
 * lets go of the pair lock (see LockSession.release) as it commits.
 */
function postgresFinish(release: boolean, outbox?: OutboxInsert): string {
  return `WITH finished AS (
      UPDATE outbound_request SET status = $2, finished_at = $3, result = $4::jsonb, error = $5::jsonb WHERE id = $1 RETURNING id
    ), added_steps AS (
      INSERT INTO outbound_step (request_id, name, outcome, sids, data, started_at, finished_at, error)
      SELECT finished.id, step.name, step.outcome, step.sids, step.data, step."startedAt", step."finishedAt", step.error
      FROM finished, ${PG_STEP_ROWS.replace('$2', '$7')}
      ORDER BY step.position
    ), added_pending AS (
      INSERT INTO outbound_pending_step (request_id, name, payload, recorded_at, status, attempts)
      SELECT finished.id, pending.name, pending.payload, pending."recordedAt", 'pending', 0
      FROM finished, jsonb_to_recordset($8::jsonb) AS pending (name text, payload jsonb, "recordedAt" timestamptz)
    ), cleared AS (
      DELETE FROM outbound_undone WHERE request_id IN (SELECT id FROM finished)
    ), recorded AS (
      INSERT INTO outbound_undone (request_id, action, sid, ok, error)
      SELECT finished.id, undone.action, undone.sid, undone.ok, undone.error
      FROM finished, ROWS FROM (jsonb_to_recordset($6::jsonb) AS (action text, sid text, ok boolean, error jsonb)) WITH ORDINALITY AS undone (action, sid, ok, error, position)
      ORDER BY undone.position
    )${
      release
        ? `, released AS (
      SELECT pg_advisory_unlock($9::bigint) AS unlocked FROM (SELECT pg_advisory_xact_lock($9::bigint)) AS until_commit
    )`
        : ''
    }${outbox ? `, outbox AS (${outbox.sql} RETURNING id)` : ''}
    SELECT (SELECT id FROM finished) AS id${release ? ', (SELECT unlocked FROM released) AS released' : ''}${
      outbox ? ', EXISTS (SELECT 1 FROM outbox) AS queued' : ''
    }`;
}

const DIALECT_WRITES: Record<SqlDialect, DialectWrites> = {
  postgres: {
    async recordSteps(db, requestId, steps) {
      await db.query(
        `INSERT INTO outbound_step (request_id, name, outcome, sids, data, started_at, finished_at, error)
         SELECT $1, step.name, step.outcome, step.sids, step.data, step."startedAt", step."finishedAt", step.error
         FROM ${PG_STEP_ROWS}
         ORDER BY step.position`,
        [requestId, steps],
        PREPARED,
      );
    },
    async recordClaim(db, requestId, steps, claimed) {
      // Under the pair lock: no other request for the customer writes meanwhile, so checking and writing in one
      // statement is as good as in a transaction.
      const [{ known }] = await db.query<{ known: boolean }>(
        `WITH known AS (
           SELECT EXISTS (SELECT 1 FROM outbound_step WHERE ${claimedStep(claimed)} = $3 AND request_id <> $1) AS known
         ), added AS (
           INSERT INTO outbound_step (request_id, name, outcome, sids, data, started_at, finished_at, error)
           SELECT $1, step.name, CASE WHEN known.known AND step.position = jsonb_array_length($2::jsonb) THEN 'reused' ELSE step.outcome END,
                  step.sids, step.data, step."startedAt", step."finishedAt", step.error
           FROM known, ${PG_STEP_ROWS}
           ORDER BY step.position
         )
         SELECT known FROM known`,
        [requestId, steps, claimed.sid],
        PREPARED,
      );
      return known;
    },
    async finish(db, requestId, outcome, outbox) {
      const params = [
        requestId,
        outcome.status,
        outcome.finishedAt,
        outcome.result,
        outcome.error,
        outcome.undone,
        outcome.steps,
        outcome.pendingSteps,
      ];
      const session = lockSessionHere();
      if (session?.state === 'held') {
        const insert = outbox?.(10);
        const [row] = await session.release<{ id: string | null; queued?: boolean }>(
          postgresFinish(true, insert),
          [...params, session.lockId, ...(insert?.params ?? [])],
          PREPARED,
        );
        return { found: row.id !== null, queued: row.queued === true };
      }
      const insert = outbox?.(9);
      const [row] = await db.query<{ id: string | null; queued?: boolean }>(
        postgresFinish(false, insert),
        [...params, ...(insert?.params ?? [])],
        PREPARED,
      );
      return { found: row.id !== null, queued: row.queued === true };
    },
    async settleWithSteps(db, requestId, name, settle, steps) {
      const settled = await db.query(
        `WITH settled AS (${SETTLE_PENDING} RETURNING request_id), added AS (
           INSERT INTO outbound_step (request_id, name, outcome, sids, data, started_at, finished_at, error)
           SELECT settled.request_id, step.name, step.outcome, step.sids, step.data, step."startedAt", step."finishedAt", step.error
           FROM settled, ${PG_STEP_ROWS.replace('$2', '$6')}
           ORDER BY step.position
         )
         SELECT request_id FROM settled`,
        [requestId, name, ...settle, steps],
        PREPARED,
      );
      return settled.length > 0;
    },
  },
  sqlite: {
    recordSteps: (db, requestId, steps) => sqliteInsertSteps(db, requestId, steps),
    async recordClaim(db, requestId, steps, claimed) {
      // SQLite computes an INSERT's SELECT before inserting, so the check sees only other requests' rows anyway.
      const inserted = await db.query<{ name: string; outcome: string; sid: string | null }>(
        `INSERT INTO outbound_step (request_id, name, outcome, sids, data, started_at, finished_at, error)
         SELECT $1, step.value ->> 'name',
                CASE WHEN step.key = json_array_length($2) - 1 AND EXISTS (SELECT 1 FROM outbound_step WHERE ${claimedStep(claimed)} = $3 AND request_id <> $1)
                     THEN 'reused' ELSE step.value ->> 'outcome' END,
                step.value -> 'sids', nullif(step.value -> 'data', 'null'), step.value ->> 'startedAt', step.value ->> 'finishedAt', nullif(step.value -> 'error', 'null')
         FROM json_each($2) AS step ORDER BY step.key
         RETURNING name, outcome, sids ->> '${claimed.sidKey}' AS sid`,
        [requestId, steps, claimed.sid],
      );
      return inserted.some((row) => row.name === claimed.name && row.sid === claimed.sid && row.outcome === 'reused');
    },
    finish: (db, requestId, outcome, outbox) =>
      db.transaction(async (tx) => {
        const updated = await tx.query(
          'UPDATE outbound_request SET status = $2, finished_at = $3, result = $4, error = $5 WHERE id = $1 RETURNING id',
          [requestId, outcome.status, outcome.finishedAt, outcome.result, outcome.error],
        );
        if (updated.length === 0) return { found: false, queued: false };
        // Empty arrays (a request's usual case: nothing undone) cost no statement.
        if (outcome.steps !== '[]') await sqliteInsertSteps(tx, requestId, outcome.steps);
        if (outcome.pendingSteps !== '[]') {
          await tx.query(
            `INSERT INTO outbound_pending_step (request_id, name, payload, recorded_at, status, attempts)
             SELECT $1, pending.value ->> 'name', pending.value -> 'payload', pending.value ->> 'recordedAt', 'pending', 0
             FROM json_each($2) AS pending ORDER BY pending.key`,
            [requestId, outcome.pendingSteps],
          );
        }
        await tx.query('DELETE FROM outbound_undone WHERE request_id = $1', [requestId]);
        if (outcome.undone !== '[]') {
          await tx.query(
            `INSERT INTO outbound_undone (request_id, action, sid, ok, error)
             SELECT $1, undone.value ->> 'action', undone.value ->> 'sid', undone.value ->> 'ok', nullif(undone.value -> 'error', 'null')
             FROM json_each($2) AS undone ORDER BY undone.key`,
            [requestId, outcome.undone],
          );
        }
        const insert = outbox?.(1);
        const queued = insert ? await runOutboxInsert(tx, insert) : false;
        return { found: true, queued };
      }),
    settleWithSteps: (db, requestId, name, settle, steps) =>
      db.transaction(async (tx) => {
        const settled = await tx.query(`${SETTLE_PENDING} RETURNING name`, [requestId, name, ...settle]);
        if (settled.length === 0) return false;
        await sqliteInsertSteps(tx, requestId, steps);
        return true;
      }),
  },
};

/**
 * `name = '<name>' AND sids ->> '<sidKey>'`, the step and SID key as literals (our own names, never input): so the
 * look-up uses an index on that expression (outbound_step_channel), which a parameter would not match.
 */
function claimedStep(claimed: { name: string; sidKey: string }): string {
  if (!/^[a-z-]+$/.test(claimed.name) || !/^[A-Za-z]+$/.test(claimed.sidKey))
    throw new Error(`Not a step name and SID key: ${claimed.name}, ${claimed.sidKey}`);
  return `name = '${claimed.name}' AND sids ->> '${claimed.sidKey}'`;
}

/** SQLite: `steps`, a JSON array of StepRecord, as rows in their order. */
async function sqliteInsertSteps(db: Queryable, requestId: string, steps: string): Promise<void> {
  // `-> 'data'` is JSON text, 'null' for a JSON null: nullif makes that SQL NULL, as on PostgreSQL.
  await db.query(
    `INSERT INTO outbound_step (request_id, name, outcome, sids, data, started_at, finished_at, error)
     SELECT $1, step.value ->> 'name', step.value ->> 'outcome', step.value -> 'sids', nullif(step.value -> 'data', 'null'),
            step.value ->> 'startedAt', step.value ->> 'finishedAt', nullif(step.value -> 'error', 'null')
     FROM json_each($2) AS step ORDER BY step.key`,
    [requestId, steps],
  );
}

/**
 * The Journal port on SQL (embedded SQLite, or PostgreSQL). Behaves exactly like the domain's InMemoryJournal (the
 * shared contract spec runs against both): writes on an unknown request fail, entries come back as copies.
 */
export class SqlJournal implements Journal {
  private readonly writes: DialectWrites;

  /**
   * `outbox`: the system callback of a request's final state, written by the finish in its own transaction: once the
   * outcome is recorded its callback is queued, whatever happens next; told once committed, so it goes out now.
   */
  constructor(
    private readonly db: Database,
    private readonly outbox?: Pick<SystemCallbackOutbox, 'insert' | 'queued'>,
  ) {
    this.writes = DIALECT_WRITES[db.dialect];
  }

  async begin(request: OutboundRequestRecord, startedAt: Date): Promise<string> {
    return (await this.beginAskingConsent(request, startedAt, null)).id;
  }

  /**
   * Takes the pair lock with the same statement when the lock is waiting for it (PostgreSQL, see LockSession), and
   * reads the opt-out in its RETURNING (consent_opt_out's primary key; none asked when `question` is null): one round
   * trip for the lock, the journal and consent.
   */
  async beginAskingConsent(request: OutboundRequestRecord, startedAt: Date, question: ConsentQuestion | null): Promise<BegunRequest> {
    const id = newRequestId();
    const params = [
      id,
      request.kind,
      request.caller,
      request.fromNumber,
      request.toNumber,
      request.toName,
      request.channel ?? 'sms',
      request.body,
      request.idempotencyKey,
      jsonParam(request.input ?? {}),
      request.statusCallbackUrl ?? null,
      startedAt,
      question?.recipient ?? null,
      question?.scope ?? null,
    ];
    const session = lockSessionHere();
    let rows: OptOutColumns[];
    if (session?.state === 'untaken') {
      // The row is inserted once the lock is held: the statement's source is the lock being taken.
      rows = await session.take<OptOutColumns>(
        `INSERT INTO outbound_request (id, kind, caller, from_number, to_number, to_name, channel, body, idempotency_key, input, status_callback_url, status, started_at)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, 'in_flight', $12::timestamptz FROM (SELECT pg_advisory_lock($15::bigint)) AS pair_lock
         RETURNING ${OPT_OUT_RETURNING}`,
        [...params, session.lockId],
        PREPARED,
      );
    } else {
      rows = await this.db.query<OptOutColumns>(
        `INSERT INTO outbound_request (id, kind, caller, from_number, to_number, to_name, channel, body, idempotency_key, input, status_callback_url, status, started_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'in_flight', $12)
         RETURNING ${OPT_OUT_RETURNING}`,
        params,
        PREPARED,
      );
    }
    const [optOut] = rows;
    return {
      id,
      optOut:
        question && optOut?.opt_out_since != null
          ? {
              recipient: question.recipient,
              scope: question.scope,
              since: new Date(optOut.opt_out_since),
              source: optOut.opt_out_source as ConsentSource,
            }
          : null,
    };
  }

  async recordStep(requestId: string, step: StepRecord): Promise<void> {
    await this.insertFor(requestId, () =>
      this.db.query(
        `INSERT INTO outbound_step (request_id, name, outcome, sids, data, started_at, finished_at, error)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [requestId, step.name, step.outcome, jsonParam(step.sids), jsonParam(step.data), step.startedAt, step.finishedAt, jsonParam(step.error)],
        PREPARED,
      ),
    );
  }

  async recordSteps(requestId: string, steps: readonly StepRecord[]): Promise<void> {
    if (steps.length === 0) return;
    await this.insertFor(requestId, () => this.writes.recordSteps(this.db, requestId, stepsParam(steps)));
  }

  async recordClaim(requestId: string, steps: readonly StepRecord[], sidKey: string): Promise<'created' | 'reused'> {
    const claimed = steps[steps.length - 1];
    const known = await this.insertFor(requestId, () =>
      this.writes.recordClaim(this.db, requestId, stepsParam(steps), { name: claimed.name, sidKey, sid: claimed.sids[sidKey] }),
    );
    return known ? 'reused' : 'created';
  }

  async settlePendingStep(
    requestId: string,
    name: PendingStepName,
    outcome: { status: 'done' | 'failed' | 'pending'; at: Date; error?: ErrorRecord },
    steps: readonly StepRecord[] = [],
  ): Promise<void> {
    const settle = [outcome.status, outcome.at, jsonParam(outcome.error)];
    const settled =
      steps.length > 0
        ? await this.writes.settleWithSteps(this.db, requestId, name, settle, stepsParam(steps))
        : (await this.db.query(`${SETTLE_PENDING} RETURNING name`, [requestId, name, ...settle], PREPARED)).length > 0;
    if (!settled) throw new Error(`No pending step ${name} on ${requestId}`);
  }

  /** Releases the pair lock with the same statement when the lock was taken by `begin` (PostgreSQL, see LockSession). */
  async finish(requestId: string, outcome: RequestOutcome, unwritten: UnwrittenRecords = {}): Promise<void> {
    const event = { kind: 'request.state', requestId, state: outcome.status, at: outcome.finishedAt } as const;
    const outbox = this.outbox;
    const { found, queued } = await this.writes.finish(
      this.db,
      requestId,
      {
        status: outcome.status,
        finishedAt: outcome.finishedAt,
        result: jsonParam(outcome.result),
        error: jsonParam(outcome.error),
        undone: JSON.stringify(outcome.undone ?? []),
        steps: stepsParam(unwritten.steps ?? []),
        pendingSteps: JSON.stringify(unwritten.pendingSteps ?? []),
      },
      outbox && ((first) => outbox.insert(event, new Date(), first)),
    );
    if (!found) throw new Error(`No journal entry ${requestId}`);
    if (queued) outbox?.queued();
  }

  async get(requestId: string): Promise<JournalEntry | null> {
    const rows = await this.db.query<RequestRow>(`SELECT ${REQUEST_COLUMNS} FROM outbound_request WHERE id = $1`, [requestId]);
    const [entry] = await loadEntries(this.db, rows);
    return entry ?? null;
  }

  async followUpOf(requestId: string): Promise<FollowUp | null> {
    const rows = await this.db.query<Partial<PendingStepRow> & { from_number: string; to_number: string }>(
      `SELECT r.from_number, r.to_number, p.name, p.payload, p.recorded_at, p.status, p.attempts, p.settled_at, p.error
       FROM outbound_request r LEFT JOIN outbound_pending_step p ON p.request_id = r.id
       WHERE r.id = $1 ORDER BY p.recorded_at, p.name`,
      [requestId],
    );
    if (rows.length === 0) return null;
    const pendingSteps = rows.filter((row) => row.name !== null).map((row) => toPendingStepRecord(row as PendingStepRow));
    return { fromNumber: rows[0].from_number, toNumber: rows[0].to_number, pendingSteps };
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
  private async insertFor<T>(requestId: string, insert: () => Promise<T>): Promise<T> {
    try {
      return await insert();
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new Error(`No journal entry ${requestId}`);
      throw error;
    }
  }
}

/** Steps as the JSON array parameter the dialects' batch inserts read (optional fields as JSON null). */
function stepsParam(steps: readonly StepRecord[]): string {
  return JSON.stringify(steps.map((step) => ({ ...step, data: step.data ?? null, error: step.error ?? null })));
}
