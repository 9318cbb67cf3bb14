// Where the console's proxy finds the API and which key it presents. Server-side only: the key must never reach
// the browser bundle, which is why it is read from API_KEY and not from a NEXT_PUBLIC_ variable.

/** The key the API accepts in sandbox mode (see the API's BOOTSTRAP_API_KEY default). */
export const DEMO_API_KEY = 'demo-api-key-flex-outbound-sms';

export interface ApiProxyConfig {
  apiUrl: string;
  apiKey: string;
  timeoutMs: number;
}

/** The API's slowest calls (a cleanup page, a Proxy session with its Participants) finish well inside this. */
const DEFAULT_TIMEOUT_MS = 30_000;

export function readApiProxyConfig(env: Readonly<Record<string, string | undefined>> = process.env): ApiProxyConfig {
  const timeout = Number(env.API_TIMEOUT_MS);
  return {
    apiUrl: (env.API_URL || 'http://127.0.0.1:3000').replace(/\/+$/, ''),
    apiKey: env.API_KEY || DEMO_API_KEY,
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS,
  };
}
