import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@flex-sms/domain';
import { DATABASE, Database, PREPARED } from '../../store/database';
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
/** A caller's hits are counted ahead in blocks of at most this share of its limit (see RateLimiter). */
const MAX_BLOCK_SHARE = 1 / 20;

/** Hits this process has counted in the database ahead of using them, for one bucket's current window. */
interface Lease {
  windowStartedAt: number;
  /** The window's count in the database once the block was counted. */
  counted: number;
  block: number;
  /** Hits of the block this process may use (fewer than `block` near the limit; 0 once the window is over it). */
  granted: number;
  used: number;
  claimedAt: number;
}

/**
 * Fixed-window counters in the API's database, so every API instance counts against the same limit and a restart
 * forgets nothing. A fixed window lets a caller burst to twice the limit across a window boundary; for abuse limits
 * that is an acceptable price for one row per bucket.
 *
 * A busy caller's hits are counted ahead, in blocks: a block is added to the window's count in the database (one
 * atomic upsert, as a single hit was), and the process hands out its hits without asking again. Blocks start at one
 * hit and double while a caller uses each up within a second, up to a twentieth of its limit: a send made every few
 * seconds still costs one upsert, a burst of hundreds a few. No instance ever lets more than the limit through (a
 * block is only handed out as far as the shared count allows); what a block costs is precision: hits counted ahead
 * and not used (the window ends, the process stops) count as used, so with several API instances a caller may be
 * refused up to one block per other instance early. Once the database says a window is over the limit, this process
 * refuses the rest of that window without asking (counts only grow within a window).
 */
@Injectable()
export class RateLimiter {
  private lastPrunedAt = 0;
  private readonly leases = new Map<string, Lease>();
  /** The block being counted per bucket: hits arriving meanwhile wait for it instead of counting blocks of their own. */
  private readonly counting = new Map<string, Promise<void>>();

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
  ) {}

  /** Counts one hit in `bucket`; `exceeded` when it went over the limit. */
  async hit(bucket: string, limit: RateLimit): Promise<RateLimitState & { exceeded: boolean }> {
    for (;;) {
      const now = this.clock.now();
      const lease = this.leases.get(bucket);
      if (lease && now < lease.windowStartedAt + limit.windowMs) {
        if (lease.used < lease.granted) {
          lease.used += 1;
          return this.stateOf(lease, limit, now, false);
        }
        if (lease.granted < lease.block) return this.stateOf(lease, limit, now, true);
      }
      let counting = this.counting.get(bucket);
      if (!counting) {
        counting = this.countBlock(bucket, limit, lease, now).finally(() => this.counting.delete(bucket));
        this.counting.set(bucket, counting);
      }
      await counting;
    }
  }

  private async countBlock(bucket: string, limit: RateLimit, previous: Lease | undefined, now: number): Promise<void> {
    await this.pruneNowAndThen(now, limit.windowMs);
    // Doubled while each block is used up within a second of being counted; one hit at a time otherwise.
    const busy = previous !== undefined && previous.used === previous.granted && now - previous.claimedAt < 1_000;
    const block = busy ? Math.min(previous.block * 2, Math.max(1, Math.floor(limit.limit * MAX_BLOCK_SHARE))) : 1;
    const [row] = await this.db.query<{ hits: number; window_started_at: Date }>(
      `INSERT INTO rate_limit_window (bucket, window_started_at, hits) VALUES ($1, $2, $4)
       ON CONFLICT (bucket) DO UPDATE SET
         hits = CASE WHEN rate_limit_window.window_started_at <= $3 THEN $4 ELSE rate_limit_window.hits + $4 END,
         window_started_at = CASE WHEN rate_limit_window.window_started_at <= $3 THEN $2 ELSE rate_limit_window.window_started_at END
       RETURNING hits, window_started_at`,
      [bucket, new Date(now), new Date(now - limit.windowMs), block],
      PREPARED,
    );
    const counted = Number(row.hits);
    // The block's hits that fit under the limit, given what was counted before it.
    const granted = Math.max(0, Math.min(block, limit.limit - (counted - block)));
    this.leases.set(bucket, { windowStartedAt: new Date(row.window_started_at).getTime(), counted, block, granted, used: 0, claimedAt: now });
  }

  /** The hits the window has counted so far, less those this process holds unused; over the limit when refused. */
  private stateOf(lease: Lease, limit: RateLimit, now: number, exceeded: boolean): RateLimitState & { exceeded: boolean } {
    const hits = exceeded ? Math.max(lease.counted, limit.limit + 1) : lease.counted - (lease.granted - lease.used);
    const windowEndsAt = lease.windowStartedAt + limit.windowMs;
    return { hits, limit: limit.limit, retryAfterSeconds: Math.max(1, Math.ceil((windowEndsAt - now) / 1000)), exceeded };
  }

  private async pruneNowAndThen(now: number, windowMs: number): Promise<void> {
    if (now - this.lastPrunedAt < PRUNE_EVERY_MS) return;
    this.lastPrunedAt = now;
    for (const [bucket, lease] of this.leases) if (lease.windowStartedAt + windowMs <= now) this.leases.delete(bucket);
    await this.db.query('DELETE FROM rate_limit_window WHERE window_started_at < $1', [new Date(now - STALE_AFTER_MS)]);
  }
}
