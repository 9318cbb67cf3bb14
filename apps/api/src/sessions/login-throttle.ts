import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@flex-sms/domain';
import { AUTH_CLOCK } from '../auth/auth.tokens';
import { TooManyRequestsException } from '../common/too-many-requests.exception';
import { DATABASE, Database, Queryable, SqlDialect } from '../store/database';
import { isAnyOf } from '../store/sql-fragments';

/** How the wait before the next sign-in grows with the attempts that did not succeed. */
export interface DelaySchedule {
  /** Attempts that cost no wait at all: people mistype. */
  free: number;
  /** The wait after the first attempt beyond `free`; each further one doubles it… */
  firstDelayMs: number;
  /** …up to this. */
  maxDelayMs: number;
}

export const LOGIN_DELAYS: { perUsername: DelaySchedule; perAddress: DelaySchedule } = {
  // 5 free guesses, then 1 s, 2 s, 4 s… up to 15 min after 15 failures: a guesser gets ~110 tries a day at most, and
  // the owner of the account, who knows the password, is let in once the current wait has passed.
  perUsername: { free: 5, firstDelayMs: 1_000, maxDelayMs: 15 * 60_000 },
  // Wider, since several people may share an address (an office, a NAT); the same ceiling.
  perAddress: { free: 20, firstDelayMs: 1_000, maxDelayMs: 15 * 60_000 },
};

/** A count is forgotten after this long without any attempt: longer than the longest wait, so waiting it out keeps it. */
export const LOGIN_ATTEMPTS_FORGOTTEN_AFTER_MS = 60 * 60_000;
const PRUNE_EVERY_MS = 10 * 60_000;

/** The wait after the `attempts`-th attempt that did not (yet) succeed. */
export function delayAfter(attempts: number, schedule: DelaySchedule): number {
  if (attempts <= schedule.free) return 0;
  return Math.min(schedule.maxDelayMs, schedule.firstDelayMs * 2 ** Math.min(attempts - schedule.free - 1, 30));
}

interface Bucket {
  key: string;
  schedule: DelaySchedule;
}

interface BucketRow {
  bucket: string;
  attempts: number;
  not_before: Date;
  last_attempt_at: Date;
}

/**
 * Brute-force brake on sign-in: progressive delays per username and per client address, never a lockout. Each
 * attempt is counted *before* the password is checked, in one transaction over both counters (rows locked), so a
 * hundred guesses sent at once are counted one after another and all but the free ones wait; an attempt made while
 * a wait runs is refused (429 LOGIN_THROTTLED, Retry-After) without costing a password hash, and does not lengthen
 * the wait. A success forgets the username's count and takes its own attempt back from the address's.
 */
@Injectable()
export class LoginThrottle {
  private lastPrunedAt = 0;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
  ) {}

  /** Counts an attempt for this username from this address, or refuses it while an earlier failure's wait runs. */
  async countAttempt(username: string, clientAddress: string): Promise<void> {
    const now = this.clock.now();
    await this.pruneNowAndThen(now);
    const buckets: Bucket[] = [
      { key: usernameBucket(username), schedule: LOGIN_DELAYS.perUsername },
      { key: addressBucket(clientAddress), schedule: LOGIN_DELAYS.perAddress },
    ];
    const waitMs = await this.db.transaction(async (tx) => {
      const rows = await lockedRows(
        tx,
        buckets.map((bucket) => bucket.key),
        now,
      );
      const wait = Math.max(0, ...rows.map((row) => new Date(row.not_before).getTime() - now));
      if (wait > 0) return wait;
      for (const bucket of buckets) {
        const row = rows.find((candidate) => candidate.bucket === bucket.key)!;
        const forgotten = now - new Date(row.last_attempt_at).getTime() >= LOGIN_ATTEMPTS_FORGOTTEN_AFTER_MS;
        const attempts = (forgotten ? 0 : Number(row.attempts)) + 1;
        await tx.query('UPDATE login_throttle SET attempts = $2, not_before = $3, last_attempt_at = $4 WHERE bucket = $1', [
          bucket.key,
          attempts,
          new Date(now + delayAfter(attempts, bucket.schedule)),
          new Date(now),
        ]);
      }
      return 0;
    });
    if (waitMs === 0) return;
    const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
    throw new TooManyRequestsException(
      'LOGIN_THROTTLED',
      `Too many failed sign-ins. Try again in ${describeWait(retryAfterSeconds)}.`,
      retryAfterSeconds,
    );
  }

  /** The password was right: its attempt was no failure. */
  async recordSuccess(username: string, clientAddress: string): Promise<void> {
    await this.db.query('DELETE FROM login_throttle WHERE bucket = $1', [usernameBucket(username)]);
    await this.db.query('UPDATE login_throttle SET attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END WHERE bucket = $1', [
      addressBucket(clientAddress),
    ]);
  }

  private async pruneNowAndThen(now: number): Promise<void> {
    if (now - this.lastPrunedAt < PRUNE_EVERY_MS) return;
    this.lastPrunedAt = now;
    await this.db.query('DELETE FROM login_throttle WHERE last_attempt_at < $1', [new Date(now - LOGIN_ATTEMPTS_FORGOTTEN_AFTER_MS)]);
  }
}

/**
 * PostgreSQL locks the rows until the transaction ends, so instances sharing the database count one after another
 * (in key order: no deadlock); the embedded SQLite database runs one transaction at a time anyway.
 */
const LOCK_ROWS: Record<SqlDialect, string> = { postgres: ' FOR UPDATE', sqlite: '' };

/** The buckets' rows, created when missing and locked until the transaction ends. */
async function lockedRows(tx: Queryable, keys: string[], now: number): Promise<BucketRow[]> {
  for (const key of [...keys].sort()) {
    await tx.query(
      'INSERT INTO login_throttle (bucket, attempts, not_before, last_attempt_at) VALUES ($1, 0, $2, $2) ON CONFLICT (bucket) DO NOTHING',
      [key, new Date(now)],
    );
  }
  return tx.query<BucketRow>(
    `SELECT bucket, attempts, not_before, last_attempt_at FROM login_throttle WHERE bucket ${isAnyOf(tx.dialect, '$1')} ORDER BY bucket${LOCK_ROWS[tx.dialect]}`,
    [keys],
  );
}

function describeWait(seconds: number): string {
  return seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}

const usernameBucket = (username: string) => `user:${username.toLowerCase()}`;
const addressBucket = (address: string) => `address:${address}`;
