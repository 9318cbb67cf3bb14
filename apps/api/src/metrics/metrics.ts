import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** A counter whose every label must be given: a missing label would be a silent, separate series. */
export interface LabelledCounter<L extends string> {
  inc(labels: Record<L, string>, value?: number): void;
}

/** A histogram of seconds, every label given. */
export interface LabelledHistogram<L extends string> {
  observe(labels: Record<L, string>, seconds: number): void;
}

/** A gauge read when scraped, from whoever knows the value (e.g. the clean-up executor's running jobs). */
export interface SampledGauge {
  readFrom(read: () => number): void;
}

export const METRIC_PREFIX = 'flex_sms_';

/** Seconds. A send is a few sequential Twilio round trips; retries may stretch it to the 10 s retry budget and past. */
const SEND_BUCKETS = [0.25, 0.5, 1, 2, 3, 5, 8, 13, 20, 30];
const TWILIO_BUCKETS = [0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 2, 5, 10, 30];
const BACKOFF_BUCKETS = [0.25, 0.5, 1, 2, 4, 8, 16];
/** Journal writes: sub-millisecond on the embedded SQLite, a network round trip or more on PostgreSQL. */
const WRITE_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];
/** Most sends wait for no one; a queue behind a slow send for the same customer waits whole sends. */
const WAIT_BUCKETS = [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const SEND_LABELS = ['flow', 'mode', 'outcome'] as const;

/**
 * Every metric the API exposes at `GET /metrics`, in one typed registry (one per app, so tests can run several).
 * Labels are bounded sets (flows, modes, Twilio products, statuses, error codes, route patterns): never a phone
 * number, a SID or a raw URL. A new metric is one field here, then a call where it happens; docs/OPERATIONS.md
 * lists them all.
 */
export class Metrics {
  readonly registry = new Registry();

  // ─── Sends (counted from the journal: every send is journaled before its first Twilio request) ──────────────
  readonly sends = this.counter('sends_total', 'SMS sends by flow, mode, channel and outcome', ['flow', 'mode', 'channel', 'outcome']);
  readonly sendDuration = this.histogram('send_duration_seconds', 'Time of a journaled send, journal entry to outcome', SEND_LABELS, SEND_BUCKETS);
  readonly idempotencyReplays = this.counter('idempotency_replays_total', 'Answers replayed for a repeated Idempotency-Key', ['source']);

  // ─── Twilio ───────────────────────────────────────────────────────────────────────────────────────────────────
  readonly twilioRequests = this.counter('twilio_requests_total', 'HTTP requests to Twilio', ['product', 'method', 'status']);
  readonly twilioRequestDuration = this.histogram('twilio_request_duration_seconds', 'One HTTP request to Twilio', ['product'], TWILIO_BUCKETS);
  readonly twilioRateLimited = this.counter('twilio_rate_limited_total', 'Twilio answers 429 (Too Many Requests), by product', ['product']);
  readonly twilioRetries = this.counter('twilio_retries_total', 'Twilio operations retried, by the failure that caused it', ['reason']);
  readonly twilioBackoff = this.histogram('twilio_backoff_seconds', 'Wait before a retry (Retry-After or backoff)', ['reason'], BACKOFF_BUCKETS);

  // ─── Store ────────────────────────────────────────────────────────────────────────────────────────────────────
  readonly journalWriteDuration = this.histogram('journal_write_duration_seconds', 'One journal write', ['operation'], WRITE_BUCKETS);
  readonly pairLockWait = this.histogram('pair_lock_wait_seconds', 'Wait for the lock of a number and customer pair', [], WAIT_BUCKETS);

  // ─── Delivery (what Twilio reported after it accepted a send) ─────────────────────────────────────────────────
  readonly deliveryStatuses = this.counter(
    'delivery_status_total',
    "Sent messages reaching a delivery status (callbacks and reconciliation), by Twilio's status",
    ['status'],
  );

  // ─── Clean-up ─────────────────────────────────────────────────────────────────────────────────────────────────
  readonly cleanupJobItems = this.counter('cleanup_job_items_total', 'Clean-up items processed, by job kind and outcome', ['kind', 'outcome']);
  readonly cleanupJobsRunning = this.sampledGauge('cleanup_jobs_running', 'Clean-up jobs this instance runs now');

  // ─── System callbacks ─────────────────────────────────────────────────────────────────────────────────────────
  readonly systemCallbacks = this.counter(
    'system_callbacks_total',
    'Attempts to deliver a system callback, by outcome (delivered; retry: failed, tried again later; failed: given up)',
    ['outcome'],
  );

  // ─── HTTP ─────────────────────────────────────────────────────────────────────────────────────────────────────
  readonly httpRequests = this.counter('http_requests_total', 'Requests answered, by route pattern', ['method', 'route', 'status']);
  readonly httpRequestDuration = this.histogram('http_request_duration_seconds', 'Time to answer a request', ['method', 'route'], HTTP_BUCKETS);
  readonly errors = this.counter('errors_total', "Error answers by the error shape's code and status", ['code', 'status']);

  constructor() {
    // Process and Node.js metrics (CPU, memory, heap, event loop lag, GC) under their usual names (process_*, nodejs_*),
    // which ready-made Node.js dashboards expect.
    collectDefaultMetrics({ register: this.registry });
  }

  /** The Prometheus text exposition of every metric. */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private counter<L extends string>(name: string, help: string, labelNames: readonly L[]): LabelledCounter<L> {
    return new Counter<L>({ name: METRIC_PREFIX + name, help, labelNames, registers: [this.registry] });
  }

  private histogram<L extends string>(name: string, help: string, labelNames: readonly L[], buckets: number[]): LabelledHistogram<L> {
    const histogram = new Histogram<L>({ name: METRIC_PREFIX + name, help, labelNames, buckets, registers: [this.registry] });
    return { observe: (labels, seconds) => histogram.observe(labels, seconds) };
  }

  private sampledGauge(name: string, help: string): SampledGauge {
    let read: () => number = () => 0;
    new Gauge({
      name: METRIC_PREFIX + name,
      help,
      registers: [this.registry],
      collect() {
        this.set(read());
      },
    });
    return { readFrom: (reader) => (read = reader) };
  }
}
