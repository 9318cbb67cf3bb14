import type { Clock, OutboundRequestStatus } from '@flex-sms/domain';
import { PREPARED, type Database } from '../store/database';

/** How long a response is kept for replay (Stripe keeps keys for 24 hours). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * A key still "in progress" after this long, with no journal entry behind it, is free to be claimed again even if
 * the instance that claimed it still runs (a backstop: no request spends this long between claiming its key and
 * journaling itself). A key whose instance is gone is free at once; one with a journal entry is settled by what the
 * journal says (see `claim`).
 */
export const IN_PROGRESS_LEASE_MS = 2 * 60 * 1000;

export interface SavedResponse {
  status: number;
  body: unknown;
}

/** Identifies one claim of a key: completing or releasing it is refused once another claim has taken the key over. */
export type ClaimToken = number;

export type IdempotencyClaim =
  /** First use (or the previous use expired or was abandoned): run the request, then `complete` or `release`. */
  | { kind: 'claimed'; token: ClaimToken }
  /** The same request already ran: answer what it answered. */
  | { kind: 'replay'; response: SavedResponse }
  /**
   * The same request ran to success, but its process stopped before storing the answer: the journal holds its
   * result. Answer it (the route knows how it maps a result to a response), never run it again.
   */
  | { kind: 'succeeded_in_journal'; token: ClaimToken; result: Record<string, unknown> }
  /** The key was used for a different request. */
  | { kind: 'mismatch' }
  /** The same key is still running. */
  | { kind: 'in_progress' };

/** Tells whether the API instance that claimed a key still runs (InstancePresence). */
export interface ClaimOwners {
  readonly instanceId: string;
  isAlive(instanceId: string): Promise<boolean>;
}

/** A store without presence (tests of one process): every claim is its own, abandoned keys wait for the lease. */
const SOLE_OWNER: ClaimOwners = { instanceId: 'sole', isAlive: async () => true };

interface KeyRow {
  owner: string | null;
  fingerprint: string;
  state: 'in_progress' | 'completed';
  response_status: number | null;
  response_body: unknown;
  created_at: Date;
}

interface AttemptRow {
  status: OutboundRequestStatus;
  result: Record<string, unknown> | null;
}

/**
 * Idempotency keys per caller, on the API's database (table `idempotency_key`). A key in progress is read together
 * with the journal (same database): after a crash the journal tells whether the request behind it is still in
 * flight, was undone (the key is free again) or succeeded (its result is the answer), so a retry neither waits out
 * a lease nor sends a second SMS.
 */
export class IdempotencyStore {
  private lastPurgeAt = 0;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly owners: ClaimOwners = SOLE_OWNER,
  ) {}

  async claim(caller: string, key: string, fingerprint: string): Promise<IdempotencyClaim> {
    const now = this.clock.now();
    this.purgeExpiredNowAndThen(now);
    // One statement decides who owns the key, so two requests arriving together cannot both run.
    const claimed = await this.db.query(
      `INSERT INTO idempotency_key (caller, key, fingerprint, state, created_at, owner) VALUES ($1, $2, $3, 'in_progress', $4, $6)
       ON CONFLICT (caller, key) DO UPDATE
         SET fingerprint = EXCLUDED.fingerprint, state = 'in_progress', created_at = EXCLUDED.created_at, owner = EXCLUDED.owner,
             response_status = NULL, response_body = NULL, completed_at = NULL
         WHERE idempotency_key.created_at < $5
       RETURNING key`,
      [caller, key, fingerprint, new Date(now), new Date(now - IDEMPOTENCY_TTL_MS), this.owners.instanceId],
      PREPARED,
    );
    if (claimed.length > 0) return { kind: 'claimed', token: now };

    const [row] = await this.db.query<KeyRow>(
      'SELECT owner, fingerprint, state, response_status, response_body, created_at FROM idempotency_key WHERE caller = $1 AND key = $2',
      [caller, key],
    );
    // Released between the two statements: the key is free again.
    if (!row) return this.claim(caller, key, fingerprint);
    if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
    if (row.state === 'completed') return { kind: 'replay', response: { status: row.response_status as number, body: row.response_body } };
    return this.settleInProgress(caller, key, row, now);
  }

  /** Stores the answer of the claim `token`; a no-op when another claim has taken the key over since. */
  async complete(caller: string, key: string, token: ClaimToken, response: SavedResponse): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_key SET state = 'completed', response_status = $4, response_body = $5, completed_at = $6
       WHERE caller = $1 AND key = $2 AND created_at = $3`,
      [caller, key, new Date(token), response.status, JSON.stringify(response.body ?? null), new Date(this.clock.now())],
      PREPARED,
    );
  }

  /**
   * Forgets a claim whose request did not run to a result worth keeping, so the caller may retry with the key.
   * Without a token (crash recovery, which knows the key from the journal, not the claim): whatever claim is running.
   */
  async release(caller: string, key: string, token?: ClaimToken): Promise<void> {
    await this.db.query(
      `DELETE FROM idempotency_key WHERE caller = $1 AND key = $2 AND state = 'in_progress' AND created_at = coalesce($3, created_at)`,
      [caller, key, token === undefined ? null : new Date(token)],
    );
  }

  /** A key in progress: still running, or left so by a process that stopped? The journal knows. */
  private async settleInProgress(caller: string, key: string, row: KeyRow, now: number): Promise<IdempotencyClaim> {
    const claimedAt = new Date(row.created_at).getTime();
    const attempt = await this.journaledAttempt(caller, key, claimedAt);
    if (attempt?.status === 'in_flight') return { kind: 'in_progress' };
    if (!attempt && !(await this.isAbandoned(row, claimedAt, now))) return { kind: 'in_progress' };
    // Succeeded, undone, or never journaled and abandoned: take the claim over (one taker wins).
    const taken = await this.db.query(
      `UPDATE idempotency_key SET created_at = $4, owner = $5 WHERE caller = $1 AND key = $2 AND state = 'in_progress' AND created_at = $3 RETURNING key`,
      [caller, key, new Date(claimedAt), new Date(now), this.owners.instanceId],
    );
    if (taken.length === 0) return { kind: 'in_progress' };
    if (attempt?.status === 'succeeded' && attempt.result) return { kind: 'succeeded_in_journal', token: now, result: attempt.result };
    // Failed or undone: nothing it made is left, so running it again is what the caller's retry asks for.
    return { kind: 'claimed', token: now };
  }

  /** A claim that never reached the journal: its instance is gone (e.g. killed), or it is past the lease. */
  private async isAbandoned(row: KeyRow, claimedAt: number, now: number): Promise<boolean> {
    if (claimedAt < now - IN_PROGRESS_LEASE_MS) return true;
    return row.owner !== null && !(await this.owners.isAlive(row.owner));
  }

  /** The journal entry of the request that claimed the key at `claimedAt` (it begins after its claim). */
  private async journaledAttempt(caller: string, key: string, claimedAt: number): Promise<AttemptRow | undefined> {
    const [attempt] = await this.db.query<AttemptRow>(
      `SELECT status, result FROM outbound_request WHERE caller = $1 AND idempotency_key = $2 AND started_at >= $3 ORDER BY started_at DESC LIMIT 1`,
      [caller, key, new Date(claimedAt)],
    );
    return attempt;
  }

  /** Expired keys are deleted at most hourly, off the request's path. */
  private purgeExpiredNowAndThen(now: number): void {
    if (now - this.lastPurgeAt < 60 * 60 * 1000) return;
    this.lastPurgeAt = now;
    this.db.query('DELETE FROM idempotency_key WHERE created_at < $1', [new Date(now - IDEMPOTENCY_TTL_MS)]).catch(() => undefined);
  }
}
