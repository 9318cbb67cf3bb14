import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { OutboundEvent } from '../events/outbound-events';
import { DATABASE, Database, PREPARED, SqlDialect } from '../store/database';
import { isAnyOf } from '../store/sql-fragments';
import { AttemptOutcome, SystemCallback, SystemCallbackAttempt, SystemCallbackStatus } from './system-callback';

interface CallbackRow {
  id: string;
  request_id: string;
  event: OutboundEvent['kind'];
  url: string;
  api_key_id: string;
  body: string;
  status: SystemCallbackStatus;
  attempts: number;
  next_attempt_at: Date | null;
  created_at: Date;
  settled_at: Date | null;
  last_error: string | null;
}

interface AttemptRow {
  callback_id: string;
  attempt: number;
  started_at: Date;
  duration_ms: number;
  status_code: number | null;
  outcome: AttemptOutcome;
  error: string | null;
}

/** A callback a worker has claimed: what it sends, and the token that proves the claim is still its own. */
export interface ClaimedCallback {
  id: string;
  requestId: string;
  url: string;
  apiKeyId: string;
  body: string;
  /** Attempts made before this one. */
  attempts: number;
  createdAt: Date;
  claimToken: string;
}

/** How an attempt ended, and what is next for the callback. */
export interface AttemptRecord {
  attempt: Omit<SystemCallbackAttempt, 'attempt'>;
  /** `pending` with `nextAttemptAt` to retry; `delivered` or `failed` to settle. */
  status: SystemCallbackStatus;
  nextAttemptAt: Date | null;
}

const CLAIMED_COLUMNS = 'id, request_id, url, api_key_id, body, attempts, created_at';

/**
 * Claims due callbacks for one worker: a claim is a token and a lease on the row. PostgreSQL: `FOR UPDATE SKIP
 * LOCKED`, so API instances polling at once each take different rows instead of waiting for one another. SQLite:
 * one process owns the file and a statement runs alone, so the plain UPDATE is the whole claim.
 */
const CLAIM: Record<SqlDialect, string> = {
  postgres: `UPDATE system_callback SET claim_token = $1, claimed_until = $2
             WHERE id IN (SELECT id FROM system_callback
                          WHERE status = 'pending' AND next_attempt_at <= $3 AND (claimed_until IS NULL OR claimed_until <= $3)
                          ORDER BY next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED)
             RETURNING ${CLAIMED_COLUMNS}`,
  sqlite: `UPDATE system_callback SET claim_token = $1, claimed_until = $2
           WHERE id IN (SELECT id FROM system_callback
                        WHERE status = 'pending' AND next_attempt_at <= $3 AND (claimed_until IS NULL OR claimed_until <= $3)
                        ORDER BY next_attempt_at LIMIT $4)
           RETURNING ${CLAIMED_COLUMNS}`,
};

/**
 * The outbox of system callbacks (migration 090): one row per change to report, one per attempt. The key's secret is
 * not here: the sender reads it at each attempt, so a rotation or a revocation applies to what is still queued.
 */
@Injectable()
export class SqlSystemCallbackStore {
  private readonly claimSql: string;

  constructor(@Inject(DATABASE) private readonly db: Database) {
    this.claimSql = CLAIM[db.dialect];
  }

  /** Up to `limit` callbacks due at `now` that no live worker holds, leased to the caller until `leaseUntil`. */
  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedCallback[]> {
    const claimToken = randomBytes(12).toString('hex');
    const rows = await this.db.query<Omit<CallbackRow, 'event' | 'status' | 'next_attempt_at' | 'settled_at' | 'last_error'>>(
      this.claimSql,
      [claimToken, leaseUntil, now, limit],
      PREPARED,
    );
    return rows.map((row) => ({
      id: row.id,
      requestId: row.request_id,
      url: row.url,
      apiKeyId: row.api_key_id,
      body: row.body,
      attempts: row.attempts,
      createdAt: row.created_at,
      claimToken,
    }));
  }

  /**
   * Records an attempt and what follows it, and releases the claim, in one transaction. The attempt is logged even
   * when the claim was lost meanwhile (it did happen); the callback's state then stays the new claimer's to decide.
   */
  async recordAttempt(callback: ClaimedCallback, record: AttemptRecord): Promise<void> {
    const attempt = callback.attempts + 1;
    await this.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE system_callback SET status = $3, attempts = $4, next_attempt_at = $5, settled_at = $6, last_error = $7, claim_token = NULL, claimed_until = NULL
         WHERE id = $1 AND claim_token = $2`,
        [
          callback.id,
          callback.claimToken,
          record.status,
          attempt,
          record.nextAttemptAt,
          record.status === 'pending' ? null : record.attempt.startedAt,
          record.attempt.error ?? (record.attempt.outcome === 'delivered' ? null : `HTTP ${record.attempt.statusCode}`),
        ],
      );
      await tx.query(
        `INSERT INTO system_callback_attempt (callback_id, attempt, started_at, duration_ms, status_code, outcome, error) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          callback.id,
          attempt,
          record.attempt.startedAt,
          record.attempt.durationMs,
          record.attempt.statusCode,
          record.attempt.outcome,
          record.attempt.error,
        ],
      );
    });
  }

  /** The request's callbacks, oldest first, each with its attempts. */
  async listForRequest(requestId: string): Promise<SystemCallback[]> {
    const callbacks = await this.db.query<CallbackRow>(
      'SELECT id, request_id, event, url, api_key_id, body, status, attempts, next_attempt_at, created_at, settled_at, last_error FROM system_callback WHERE request_id = $1 ORDER BY created_at, id',
      [requestId],
    );
    if (callbacks.length === 0) return [];
    const attempts = await this.db.query<AttemptRow>(
      `SELECT callback_id, attempt, started_at, duration_ms, status_code, outcome, error FROM system_callback_attempt WHERE callback_id ${isAnyOf(this.db.dialect, '$1')} ORDER BY attempt, id`,
      [callbacks.map((row) => row.id)],
    );
    return callbacks.map((row) => ({
      id: row.id,
      requestId: row.request_id,
      event: row.event,
      url: row.url,
      status: row.status,
      attempts: row.attempts,
      nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
      createdAt: row.created_at,
      settledAt: row.settled_at,
      lastError: row.last_error,
      attemptLog: attempts
        .filter((attempt) => attempt.callback_id === row.id)
        .map((attempt) => ({
          attempt: attempt.attempt,
          startedAt: attempt.started_at,
          durationMs: attempt.duration_ms,
          statusCode: attempt.status_code,
          outcome: attempt.outcome,
          error: attempt.error,
        })),
    }));
  }
}
