// Where the console's proxy finds the API. The proxy holds no credentials of its own: each browser signs in and its
// session cookie is what the API judges (a shared key here would make every visitor an admin).

export interface ApiProxyConfig {
  apiUrl: string;
  timeoutMs: number;
}

/** The API's slowest calls (a cleanup page, a Proxy session with its Participants) finish well inside this. */
const DEFAULT_TIMEOUT_MS = 30_000;

export function readApiProxyConfig(env: Readonly<Record<string, string | undefined>> = process.env): ApiProxyConfig {
  const timeout = Number(env.API_TIMEOUT_MS);
  return {
    apiUrl: (env.API_URL || 'http://127.0.0.1:3000').replace(/\/+$/, ''),
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS,
  };
}
