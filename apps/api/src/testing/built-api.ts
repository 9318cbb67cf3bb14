import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { RunningSandbox } from '@flex-sms/twilio-sandbox';

/**
 * The BUILT API as child processes, for tests about what happens to a process (killed, its database restarted):
 * real processes, real exits, nothing of the test's own process shared with them.
 */

const ROOT = resolve(__dirname, '../../../..');
const MAIN = join(ROOT, 'apps/api/dist/main.js');

/** The bootstrap key every built API of these tests accepts. */
export const BUILT_API_KEY = 'built-api-test-api-key';

/** Builds the API and the libraries it runs on (Nx cache: nothing to do when they are up to date). Give it ~3 minutes. */
export function ensureApiBuilt(): void {
  execFileSync(process.execPath, [join(ROOT, 'tools/scripts/ensure-built.mjs'), '@flex-sms/api'], { cwd: ROOT, stdio: 'pipe', timeout: 170_000 });
}

export interface BuiltApi {
  child: ChildProcess;
  /** http://127.0.0.1:<port> */
  url: string;
  /** Everything the process printed (stdout and stderr), for the failure message. */
  output: string[];
}

/**
 * Starts `apps/api/dist/main.js` against `sandbox` with `env` on top (DATA_DIR or DATABASE_URL, timeouts…); resolves
 * once it listens. The test's own DATABASE_URL is not passed on.
 */
export function startBuiltApi(sandbox: RunningSandbox, env: Record<string, string>): Promise<BuiltApi> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      ...inherited,
      NODE_ENV: 'production',
      PORT: '0',
      BOOTSTRAP_API_KEY: BUILT_API_KEY,
      TWILIO_ACCOUNT_SID: sandbox.account.accountSid,
      TWILIO_AUTH_TOKEN: sandbox.account.authToken,
      TWILIO_PROXY_SERVICE_SID: sandbox.account.proxyServiceSid,
      TWILIO_CHAT_SERVICE_SID: sandbox.account.chatServiceSid,
      TWILIO_BASE_URL: sandbox.url,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`The API did not start:\n${output.join('')}`)), 30_000);
    const onData = () => {
      const port = /listening on http:\/\/localhost:(\d+)/.exec(output.join(''))?.[1];
      if (!port) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      resolvePromise({ child, url: `http://127.0.0.1:${port}`, output });
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`The API exited with ${code}:\n${output.join('')}`));
    };
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

export interface ApiAnswer<T> {
  status: number;
  headers: Headers;
  body: T;
}

/** One call with the bootstrap key; rejects only when no HTTP answer came (e.g. the process is gone). */
export async function callApi<T>(url: string, path: string, init: RequestInit = {}): Promise<ApiAnswer<T>> {
  const response = await fetch(`${url}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${BUILT_API_KEY}`, 'Content-Type': 'application/json', ...init.headers },
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as T };
}

/** Polls `probe` until it returns a value (not undefined); throws naming `what` after `timeoutMs`. */
export async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 50));
  }
}
