/**
 * Twilio's webhook connection overrides (docs "Webhooks (HTTP callbacks): Connection Overrides"): key=value pairs in
 * the URL's fragment, never sent to the server. Defaults and bounds are the documented ones: connect timeout `ct`
 * 5000 ms (100–10000), read timeout `rt` 15000 ms (100–15000), total time `tt` 15000 ms (100–15000), retry count `rc`
 * 1 (0–5), retry policy `rp` `ct` (any of `4xx`, `5xx`, `ct`, `rt`, `all`, comma-separated). So by default Twilio
 * retries once when it cannot connect, and never on an HTTP answer: a receiver that wants 5xx retried says so in
 * its URL (`…#rc=3&rp=5xx,ct,rt`).
 */
export interface ConnectionOverrides {
  connectTimeoutMs: number;
  readTimeoutMs: number;
  totalTimeMs: number;
  retryCount: number;
  retryOn: ReadonlySet<RetryCause>;
}

export type RetryCause = '4xx' | '5xx' | 'ct' | 'rt';

const CAUSES: readonly RetryCause[] = ['4xx', '5xx', 'ct', 'rt'];

/** The URL to request (no fragment) and the overrides its fragment asked for. A product may lower the read timeout. */
export function readConnectionOverrides(url: string, defaults: { readTimeoutMs?: number } = {}): { url: string; overrides: ConnectionOverrides } {
  const hash = url.indexOf('#');
  const fragment = new URLSearchParams(hash === -1 ? '' : url.slice(hash + 1));
  const number = (name: string, fallback: number, min: number, max: number) => {
    const value = Number(fragment.get(name));
    return fragment.has(name) && Number.isInteger(value) ? Math.min(max, Math.max(min, value)) : fallback;
  };
  const policy = (fragment.get('rp') ?? 'ct').split(',').map((cause) => cause.trim());
  return {
    url: hash === -1 ? url : url.slice(0, hash),
    overrides: {
      connectTimeoutMs: number('ct', 5000, 100, 10_000),
      readTimeoutMs: number('rt', defaults.readTimeoutMs ?? 15_000, 100, 15_000),
      totalTimeMs: number('tt', 15_000, 100, 15_000),
      retryCount: number('rc', 1, 0, 5),
      retryOn: new Set(policy.includes('all') ? CAUSES : CAUSES.filter((cause) => policy.includes(cause))),
    },
  };
}
