// A small HTTP client of the API on node:http with a keep-alive agent: cheaper per request than fetch, so the
// driver's own CPU use stays small next to the API's on a 2-core machine.
import { Agent, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';

/** A client request never waits longer than this (the API's own Twilio retries give up well before). */
const REQUEST_TIMEOUT_MS = 60_000;

export class ApiClient {
  constructor({ url, apiKey, maxSockets = 64 }) {
    this.url = new URL(url);
    this.apiKey = apiKey;
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  /** POST /api/v1/outbound/{task|message}; `flow` is 'task' or 'message'. */
  initiate(flow, body, { idempotencyKey } = {}) {
    return this.call('POST', `/api/v1/outbound/${flow}`, body, idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {});
  }

  get(path) {
    return this.call('GET', path);
  }

  post(path, body) {
    return this.call('POST', path, body);
  }

  /**
   * Resolves with { status, body, headers, ms }; status 0 (with `error`) when the connection failed or was cut,
   * which is what a caller sees when the API dies mid-request.
   */
  call(method, path, body, headers = {}) {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const started = performance.now();
    return new Promise((resolve) => {
      const req = httpRequest(
        {
          host: this.url.hostname,
          port: this.url.port,
          method,
          path,
          agent: this.agent,
          timeout: REQUEST_TIMEOUT_MS,
          headers: {
            authorization: `Bearer ${this.apiKey}`,
            ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode, headers: res.headers, body: parseJson(text), ms: performance.now() - started });
          });
          res.on('error', (error) => resolve({ status: 0, error, ms: performance.now() - started }));
        },
      );
      req.on('timeout', () => req.destroy(new Error('client timeout')));
      req.on('error', (error) => resolve({ status: 0, error, ms: performance.now() - started }));
      req.end(payload);
    });
  }

  close() {
    this.agent.destroy();
  }
}

function parseJson(text) {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
