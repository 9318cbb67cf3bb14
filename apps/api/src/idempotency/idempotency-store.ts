import type { Clock } from '@flex-sms/domain';
import type { Database } from '../store/database';

/** How long a response is kept for replay (Stripe keeps keys for 24 hours). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * A key still "in progress" after this long belongs to a process that died mid-request (no outbound request runs
 * this long: each Twilio operation gives up within the retry budget). It is then free to be claimed again, and
 * the journal's start-up recovery has undone whatever that request left.
 */
export const IN_PROGRESS_LEASE_MS = 2 * 60 * 1000;

export interface SavedResponse {
  status: number;
  body: unknown;
}

export type IdempotencyClaim =
  /** First use (or the previous use expired): run the request, then `complete` or `release`. */
  | { kind: 'claimed' }
  /** The same request already ran: answer what it answered. */
  | { kind: 'replay'; response: SavedResponse }
  /** The key was used for a different request. */
  | { kind: 'mismatch' }
  /** The same key is still running. */
  | { kind: 'in_progress' };

interface KeyRow {
  fingerprint: string;
  state: 'in_progress' | 'completed';
  response_status: number | null;
  response_body: unknown;
}

/** Idempotency keys per caller, on the API's database (table `idempotency_key`). */
export class IdempotencyStore {
  private lastPurgeAt = 0;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async claim(caller: string, key: string, fingerprint: string): Promise<IdempotencyClaim> {
    const now = this.clock.now();
    this.purgeExpiredNowAndThen(now);
    // One statement decides who owns the key, so two requests arriving together cannot both run.
    const claimed = await this.db.query(
      `INSERT INTO idempotency_key (caller, key, fingerprint, state, created_at) VALUES ($1, $2, $3, 'in_progress', $4)
       ON CONFLICT (caller, key) DO UPDATE
         SET fingerprint = EXCLUDED.fingerprint, state = 'in_progress', created_at = EXCLUDED.created_at,
             response_status = NULL, response_body = NULL, completed_at = NULL
         WHERE idempotency_key.created_at < $5 OR (idempotency_key.state = 'in_progress' AND idempotency_key.created_at < $6)
       RETURNING key`,
      [caller, key, fingerprint, new Date(now), new Date(now - IDEMPOTENCY_TTL_MS), new Date(now - IN_PROGRESS_LEASE_MS)],
    );
    if (claimed.length > 0) return { kind: 'claimed' };

    const [row] = await this.db.query<KeyRow>('SELECT fingerprint, state, response_status, response_body FROM idempotency_key WHERE caller = $1 AND key = $2', [
      caller,
      key,
    ]);
    // Released between the two statements: the key is free again.
    if (!row) return this.claim(caller, key, fingerprint);
    if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
    if (row.state === 'in_progress') return { kind: 'in_progress' };
    return { kind: 'replay', response: { status: row.response_status as number, body: row.response_body } };
  }

  async complete(caller: string, key: string, response: SavedResponse): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_key SET state = 'completed', response_status = $3, response_body = $4::jsonb, completed_at = $5 WHERE caller = $1 AND key = $2`,
      [caller, key, response.status, JSON.stringify(response.body ?? null), new Date(this.clock.now())],
    );
  }

  /** Forgets a claim whose request did not run to a result worth keeping, so the caller may retry with the key. */
  async release(caller: string, key: string): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_key WHERE caller = $1 AND key = $2 AND state = 'in_progress'`, [caller, key]);
  }

  /** Expired keys are deleted at most hourly, off the request's path. */
  private purgeExpiredNowAndThen(now: number): void {
    if (now - this.lastPurgeAt < 60 * 60 * 1000) return;
    this.lastPurgeAt = now;
    this.db.query('DELETE FROM idempotency_key WHERE created_at < $1', [new Date(now - IDEMPOTENCY_TTL_MS)]).catch(() => undefined);
  }
}
