import { performance } from 'node:perf_hooks';

/** One Twilio request as the sandbox saw it; times in epoch milliseconds with sub-millisecond precision. */
export interface LoggedRequest {
  id: number;
  method: string;
  domain: string;
  path: string;
  /** `METHOD /<domain>/<route pattern>`, e.g. `GET /proxy/v1/Services/:ServiceSid/Sessions`. */
  endpoint: string;
  status: number | null;
  /** Twilio error code of an error answer. */
  code?: number;
  /** True when the connection was dropped on purpose (fault injection). */
  dropped?: boolean;
  startedAt: number;
  finishedAt: number | null;
}

export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}

/** Bounded: beyond this many entries the oldest are forgotten (the counts keep counting). */
const MAX_ENTRIES = 50_000;

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private counts = new Map<string, number>();
  private nextId = 1;

  start(entry: Omit<LoggedRequest, 'id' | 'status' | 'finishedAt' | 'startedAt'>): LoggedRequest {
    const logged: LoggedRequest = { ...entry, id: this.nextId++, status: null, startedAt: preciseNow(), finishedAt: null };
    this.entries.push(logged);
    if (this.entries.length > MAX_ENTRIES) this.entries.shift();
    this.counts.set(entry.endpoint, (this.counts.get(entry.endpoint) ?? 0) + 1);
    return logged;
  }

  finish(entry: LoggedRequest, status: number | null, extra: { code?: number; dropped?: boolean } = {}): void {
    if (entry.finishedAt !== null) return;
    entry.status = status;
    entry.finishedAt = preciseNow();
    if (extra.code !== undefined) entry.code = extra.code;
    if (extra.dropped) entry.dropped = true;
  }

  snapshot(): { requests: LoggedRequest[]; counts: Record<string, number>; total: number } {
    return { requests: this.entries.map((entry) => ({ ...entry })), counts: Object.fromEntries(this.counts), total: this.nextId - 1 };
  }

  clear(): void {
    this.entries = [];
    this.counts = new Map();
    this.nextId = 1;
  }
}
