import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { SqlApiKeyStore } from '../api-keys/sql-api-key-store';
import { AppConfig, SystemCallbackSettings } from '../config/app-config';
import { Metrics } from '../metrics/metrics';
import { signCallback } from './callback-signature';
import { AttemptRecord, ClaimedCallback, SqlSystemCallbackStore } from './sql-system-callback-store';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './system-callback';

/** Callbacks one instance sends at once: each waits on a receiver, not on this process. */
const BATCH = 10;
/** The longest wait between two attempts, however many failed. */
const MAX_BACKOFF_MS = 3_600_000;

/**
 * Sends the queued callbacks: claims the due ones through the database (so instances never send one at the same
 * time), POSTs each, and records the attempt. 2xx = delivered. No answer, a timeout, 408, 429 or 5xx = try again
 * after retryBaseMs × 4^(attempts-1) (at most an hour) until maxAttempts or maxAgeMs; any other answer (3xx, 4xx)
 * is final: the receiver said no, and asking again would get the same.
 *
 * A claim is leased for twice the attempt timeout plus a second: long enough that an attempt in flight always ends
 * (it is aborted at the timeout) before another worker may take the callback; short enough that a callback claimed
 * by a process that died goes out soon after.
 */
@Injectable()
export class SystemCallbackSender implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('SystemCallbacks');
  private readonly settings: SystemCallbackSettings;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly store: SqlSystemCallbackStore,
    private readonly apiKeys: SqlApiKeyStore,
    private readonly metrics: Metrics,
    config: AppConfig,
  ) {
    this.settings = config.systemCallbacks;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.wake(), this.settings.pollMs);
    this.timer.unref();
    this.wake();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    // Attempts in flight end (at worst at their timeout) and are recorded; what is left is claimed again later.
    await this.running;
  }

  /** Looks for due callbacks now (again right after, if a round is already running). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** Sends due callbacks until none is left; resolves when this instance is idle. */
  async drain(): Promise<void> {
    try {
      for (;;) {
        const now = Date.now();
        const claimed = await this.store.claimDue(new Date(now), new Date(now + 2 * this.settings.timeoutMs + 1_000), BATCH);
        if (claimed.length === 0) return;
        await Promise.all(claimed.map((callback) => this.attempt(callback)));
        if (this.stopped) return;
      }
    } catch (error) {
      // The database is away (or the statement failed): the callbacks stay queued, the next poll tries again.
      this.logger.warn(`Sending system callbacks failed: ${messageOf(error)}`);
    }
  }

  private async attempt(callback: ClaimedCallback): Promise<void> {
    const record = await this.post(callback);
    await this.store.recordAttempt(callback, record);
    this.metrics.systemCallbacks.inc({ outcome: record.attempt.outcome });
  }

  private async post(callback: ClaimedCallback): Promise<AttemptRecord> {
    const startedAt = new Date();
    const started = performance.now();
    const secret = await this.apiKeys.signingSecretOf(callback.apiKeyId);
    if (!secret) {
      return this.outcome(callback, startedAt, 0, {
        statusCode: null,
        retry: false,
        error: `API key ${callback.apiKeyId} is revoked or has no signing secret`,
      });
    }
    try {
      const response = await fetch(callback.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'flex-outbound-sms-callbacks',
          [SIGNATURE_HEADER]: signCallback(callback.body, secret),
          [EVENT_ID_HEADER]: callback.id,
          [TIMESTAMP_HEADER]: String(Math.floor(startedAt.getTime() / 1000)),
        },
        body: callback.body,
        // A redirect is the receiver's answer, not an invitation to POST the signed body somewhere else.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      // The receiver's body is not ours to keep; reading it frees the connection.
      await response.arrayBuffer().catch(() => undefined);
      const status = response.status;
      return this.outcome(callback, startedAt, performance.now() - started, {
        statusCode: status,
        retry: status === 408 || status === 429 || status >= 500,
        delivered: status >= 200 && status < 300,
        error: null,
      });
    } catch (error) {
      return this.outcome(callback, startedAt, performance.now() - started, { statusCode: null, retry: true, error: messageOf(error) });
    }
  }

  private outcome(
    callback: ClaimedCallback,
    startedAt: Date,
    durationMs: number,
    result: { statusCode: number | null; retry: boolean; delivered?: boolean; error: string | null },
  ): AttemptRecord {
    const attempt = { startedAt, durationMs: Math.round(durationMs), statusCode: result.statusCode, error: result.error };
    if (result.delivered) return { attempt: { ...attempt, outcome: 'delivered' }, status: 'delivered', nextAttemptAt: null };
    const next = result.retry ? this.nextAttemptAt(callback) : null;
    if (next) return { attempt: { ...attempt, outcome: 'retry' }, status: 'pending', nextAttemptAt: next };
    return { attempt: { ...attempt, outcome: 'failed' }, status: 'failed', nextAttemptAt: null };
  }

  /** When to try again after the attempt now ending, or null when the callback has had its attempts or its time. */
  private nextAttemptAt(callback: ClaimedCallback): Date | null {
    const made = callback.attempts + 1;
    if (made >= this.settings.maxAttempts) return null;
    const at = Date.now() + Math.min(this.settings.retryBaseMs * 4 ** (made - 1), MAX_BACKOFF_MS);
    return at - callback.createdAt.getTime() > this.settings.maxAgeMs ? null : new Date(at);
  }
}

/** fetch says "fetch failed" and keeps the reason (ECONNREFUSED, a reset) in `cause`. */
function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}
