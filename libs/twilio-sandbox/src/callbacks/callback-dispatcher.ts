import { randomUUID } from 'node:crypto';
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { readConnectionOverrides, type ConnectionOverrides, type RetryCause } from './connection-overrides';
import type { TwilioCallback } from './twilio-callback';
import { twilioSignature, withBodySha256 } from './twilio-signature';

/** One try at a callback: the HTTP status it got, or why it got none. */
export interface CallbackAttempt {
  at: string;
  status: number | null;
  /** `ct`: could not connect in time (or refused); `rt`: no answer in time. */
  failure?: 'ct' | 'rt';
}

export interface LoggedCallback {
  id: number;
  event: string;
  method: string;
  /** Without the fragment, as requested. */
  url: string;
  params?: Record<string, string>;
  attempts: CallbackAttempt[];
  /**
   * `delivered`: a 2xx; `failed`: the last attempt failed and the policy allows no more; `pending`: still trying;
   * `dropped`: never sent (a callback fault, `/_sandbox/faults`).
   */
  outcome: 'pending' | 'delivered' | 'failed' | 'dropped';
}

/** Bounded like the request log: the oldest entries are forgotten first. */
const MAX_LOGGED = 1000;
/** Twilio does not document the spacing of its retries; these are short, doubling, and cut by the total time. */
const FIRST_RETRY_DELAY_MS = 100;
const MAX_RETRY_DELAY_MS = 2000;

/**
 * Sends the callbacks the account's resources registered, as Twilio does: signed with the account's auth token
 * (`X-Twilio-Signature`), one `I-Twilio-Idempotency-Token` for every attempt of the same callback, timeouts and
 * retries from the URL's connection overrides (callbacks/connection-overrides.ts). Sending never blocks the REST
 * answer that caused it: `send` returns at once and the requests go out on their own.
 */
export class CallbackDispatcher {
  private readonly log: LoggedCallback[] = [];
  private nextId = 1;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly chains = new Map<string, Promise<void>>();
  private readonly inFlight = new Set<ClientRequest>();
  private closed = false;

  /**
   * `delayMs`: held back that long first; `unordered`: sent outside its resource's order (both callback faults,
   * faults/callback-faults.ts).
   */
  send(callback: TwilioCallback, authToken: string, options: { delayMs?: number; unordered?: boolean } = {}): void {
    if (this.closed) return;
    const { url, overrides } = readConnectionOverrides(callback.url, { readTimeoutMs: callback.readTimeoutMs });
    const entry = this.logged(callback, url, 'pending');
    const prepared = prepare(callback, url, authToken);
    const run = async () => {
      if (options.delayMs) await this.pause(options.delayMs);
      await this.deliver(entry, prepared, overrides);
    };
    if (!callback.orderKey || options.unordered) {
      void run();
      return;
    }
    // Chained per key: this one starts once the previous one with the key has settled.
    const key = callback.orderKey;
    const chained = (this.chains.get(key) ?? Promise.resolve()).then(run);
    this.chains.set(key, chained);
    void chained.then(() => {
      if (this.chains.get(key) === chained) this.chains.delete(key);
    });
  }

  /** A callback a fault kept from being sent: logged, never requested. */
  drop(callback: TwilioCallback): void {
    if (!this.closed) this.logged(callback, readConnectionOverrides(callback.url).url, 'dropped');
  }

  private logged(callback: TwilioCallback, url: string, outcome: LoggedCallback['outcome']): LoggedCallback {
    const entry: LoggedCallback = {
      id: this.nextId++,
      event: callback.event,
      method: callback.method,
      url,
      params: callback.params,
      attempts: [],
      outcome,
    };
    this.log.push(entry);
    if (this.log.length > MAX_LOGGED) this.log.shift();
    return entry;
  }

  /** Every attempt the policy allows, spaced by a doubling delay; resolves once the callback is settled. */
  private async deliver(entry: LoggedCallback, prepared: PreparedRequest, overrides: ConnectionOverrides): Promise<void> {
    const deadline = Date.now() + overrides.totalTimeMs;
    for (let retry = 0; !this.closed; retry++) {
      const result = await this.attempt(prepared, overrides, deadline);
      entry.attempts.push(result);
      const cause = causeOf(result);
      if (cause === 'ok') {
        entry.outcome = 'delivered';
        return;
      }
      const delay = Math.min(MAX_RETRY_DELAY_MS, FIRST_RETRY_DELAY_MS * 2 ** retry);
      if (!cause || retry >= overrides.retryCount || !overrides.retryOn.has(cause) || Date.now() + delay >= deadline) break;
      await this.pause(delay);
    }
    entry.outcome = 'failed';
  }

  /** The callbacks sent (or being sent) since the last clear, oldest first. */
  snapshot(): LoggedCallback[] {
    return this.log.map((entry) => ({ ...entry, attempts: [...entry.attempts] }));
  }

  clearLog(): void {
    this.log.length = 0;
  }

  /** Stops retrying and abandons requests under way (the sandbox is closing). */
  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const request of this.inFlight) request.destroy();
  }

  /** Callbacks still being sent or waiting for a retry. */
  get pending(): number {
    return this.log.filter((entry) => entry.outcome === 'pending').length;
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      timer.unref();
      this.timers.add(timer);
    });
  }

  private attempt(prepared: PreparedRequest, overrides: ConnectionOverrides, deadline: number): Promise<CallbackAttempt> {
    const at = new Date().toISOString();
    return new Promise((resolve) => {
      let settled = false;
      let connected = false;
      const settle = (result: Omit<CallbackAttempt, 'at'>) => {
        if (settled) return;
        settled = true;
        clearTimeout(connectTimer);
        this.inFlight.delete(request);
        request.destroy();
        resolve({ at, ...result });
      };
      const target = new URL(prepared.url);
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
      const request = send(target, { method: prepared.method, headers: prepared.headers, agent: false });
      this.inFlight.add(request);
      const connectTimer = setTimeout(
        () => settle({ status: null, failure: 'ct' }),
        Math.min(overrides.connectTimeoutMs, Math.max(1, deadline - Date.now())),
      );
      request.once('socket', (socket) => {
        socket.once('connect', () => {
          connected = true;
          clearTimeout(connectTimer);
          socket.setTimeout(overrides.readTimeoutMs, () => settle({ status: null, failure: 'rt' }));
        });
      });
      request.once('response', (response: IncomingMessage) => {
        // The answer's body means nothing to a status callback; its status is all Twilio reads.
        response.resume();
        settle({ status: response.statusCode ?? null });
      });
      // Refused, reset before connecting, unknown host: Twilio's `ct`; cut after connecting: `rt`.
      request.once('error', () => settle({ status: null, failure: connected ? 'rt' : 'ct' }));
      request.end(prepared.body);
    });
  }
}

interface PreparedRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

/** The request every attempt sends: same URL, body, signature and idempotency token. */
function prepare(callback: TwilioCallback, url: string, authToken: string): PreparedRequest {
  const headers: Record<string, string> = { 'User-Agent': 'TwilioProxy/1.1', 'I-Twilio-Idempotency-Token': randomUUID() };
  if (callback.json !== undefined) {
    const body = JSON.stringify(callback.json);
    const signedUrl = withBodySha256(url, body);
    headers['Content-Type'] = 'application/json';
    headers['X-Twilio-Signature'] = twilioSignature(authToken, signedUrl);
    return { url: signedUrl, method: 'POST', headers, body };
  }
  const params = callback.params ?? {};
  if (callback.method === 'GET') {
    const query = new URLSearchParams(params).toString();
    const fullUrl = query ? `${url}${url.includes('?') ? '&' : '?'}${query}` : url;
    headers['X-Twilio-Signature'] = twilioSignature(authToken, fullUrl);
    return { url: fullUrl, method: 'GET', headers };
  }
  headers['Content-Type'] = 'application/x-www-form-urlencoded; charset=utf-8';
  headers['X-Twilio-Signature'] = twilioSignature(authToken, url, params);
  return { url, method: 'POST', headers, body: new URLSearchParams(params).toString() };
}

/** `ok` for a 2xx; otherwise the failure a retry policy may name (none for a 1xx or 3xx: Twilio's policy has no word for them). */
function causeOf(attempt: CallbackAttempt): RetryCause | 'ok' | undefined {
  if (attempt.failure) return attempt.failure;
  const status = attempt.status ?? 0;
  if (status >= 200 && status < 300) return 'ok';
  if (status >= 500) return '5xx';
  return status >= 400 ? '4xx' : undefined;
}
