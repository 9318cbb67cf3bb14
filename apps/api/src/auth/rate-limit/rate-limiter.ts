import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@flex-sms/domain';
import { DATABASE, Database } from '../../store/database';
import { AUTH_CLOCK } from '../auth.tokens';

export interface RateLimit {
  /** Hits allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateLimitState {
  /** Hits counted in the current window, this one included when it was a hit. */
  hits: number;
  limit: number;
  /** Whole seconds until the window ends (at least 1): the Retry-After of a 429. */
  retryAfterSeconds: number;
}

/** Counters nobody has touched for this long are deleted. */
const STALE_AFTER_MS = 24 * 60 * 60_000;
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Fixed-window counters in the API's database, so every API instance counts against the same limit and a restart
 * forgets nothing. One upsert per hit (atomic on PostgreSQL and SQLite alike). A fixed window lets a caller burst to
 * twice the limit across a window boundary; for abuse limits that is an acceptable price for one row per bucket.
 */
@Injectable()
export class RateLimiter {
  private lastPrunedAt = 0;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
  ) {}

  /** Counts one hit in `bucket`; `exceeded` when it went over the limit. */
  async hit(bucket: string, limit: RateLimit): Promise<RateLimitState & { exceeded: boolean }> {
    const now = this.clock.now();
    await this.pruneNowAndThen(now);
    const [row] = await this.db.query<{ hits: number; window_started_at: Date }>(
      `INSERT INTO rate_limit_window (bucket, window_started_at, hits) VALUES ($1, $2, 1)
       ON CONFLICT (bucket) DO UPDATE SET
         hits = CASE WHEN rate_limit_window.window_started_at <= $3 THEN 1 ELSE rate_limit_window.hits + 1 END,
         window_started_at = CASE WHEN rate_limit_window.window_started_at <= $3 THEN $2 ELSE rate_limit_window.window_started_at END
       RETURNING hits, window_started_at`,
      [bucket, new Date(now), new Date(now - limit.windowMs)],
    );
    const state = this.stateOf(row, limit, now);
    return { ...state, exceeded: state.hits > limit.limit };
  }

  /** The bucket's state without counting a hit: `exceeded` when the limit is already used up. */
  async peek(bucket: string, limit: RateLimit): Promise<RateLimitState & { exceeded: boolean }> {
    const now = this.clock.now();
    const [row] = await this.db.query<{ hits: number; window_started_at: Date }>(
      'SELECT hits, window_started_at FROM rate_limit_window WHERE bucket = $1 AND window_started_at > $2',
      [bucket, new Date(now - limit.windowMs)],
    );
    const state = this.stateOf(row ?? { hits: 0, window_started_at: new Date(now) }, limit, now);
    return { ...state, exceeded: state.hits >= limit.limit };
  }

  async reset(bucket: string): Promise<void> {
    await this.db.query('DELETE FROM rate_limit_window WHERE bucket = $1', [bucket]);
  }

  private stateOf(row: { hits: number; window_started_at: Date }, limit: RateLimit, now: number): RateLimitState {
    const windowEndsAt = new Date(row.window_started_at).getTime() + limit.windowMs;
    return { hits: Number(row.hits), limit: limit.limit, retryAfterSeconds: Math.max(1, Math.ceil((windowEndsAt - now) / 1000)) };
  }

  private async pruneNowAndThen(now: number): Promise<void> {
    if (now - this.lastPrunedAt < PRUNE_EVERY_MS) return;
    this.lastPrunedAt = now;
    await this.db.query('DELETE FROM rate_limit_window WHERE window_started_at < $1', [new Date(now - STALE_AFTER_MS)]);
  }
}
