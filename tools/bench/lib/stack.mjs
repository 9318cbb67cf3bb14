// One sandbox process and one API process wired to it, started fresh per scenario so no scenario's state, caches
// or peak memory leaks into the next one's figures.
import { rmSync } from 'node:fs';
import { SandboxControls } from '@flex-sms/twilio-sandbox';
import { createTwilioClient } from '@flex-sms/twilio-adapter';
import { ApiClient } from './api-client.mjs';
import { freePort, startApiProcess, startSandboxProcess, tempDir } from './processes.mjs';

/**
 * Settings the API runs with in every scenario. The per-key send rate limit (SEND_RATE_LIMIT_PER_MINUTE, 60 by
 * default) guards production callers; it must not be what a benchmark measures, so it is set to its maximum.
 */
export const API_ENV = { SEND_RATE_LIMIT_PER_MINUTE: '100000' };

/**
 * `instances` > 1 starts that many API processes on one database (apiEnv.DATABASE_URL: a PostgreSQL server they
 * share, as several replicas of docker-compose.yml's `api` would), one after another so only one migrates.
 * `apiScript`: another build of the API (default: apps/api/dist/main.js). `embeddedNodeArgs`: the V8 flags that build's
 * `npm start` gives it on its embedded database (apiBuild), used unless apiEnv.DATABASE_URL is set. `publicBaseUrl`:
 * each API is told its own address as PUBLIC_BASE_URL, so it registers its webhook routes with the sandbox (the
 * delivery callbacks) and checks their signatures against it.
 */
export async function startStack({
  logDir,
  apiEnv = {},
  apiNodeArgs: extraNodeArgs = [],
  instances = 1,
  apiScript,
  embeddedNodeArgs = [],
  publicBaseUrl = false,
}) {
  const apiNodeArgs = [...(apiEnv.DATABASE_URL ? [] : embeddedNodeArgs), ...extraNodeArgs];
  const sandbox = await startSandboxProcess({ logDir });
  const controls = new SandboxControls(sandbox.url);
  const dataDir = tempDir('flex-sms-bench-data-');
  const env = { ...API_ENV, ...apiEnv };
  const envFor = (port) => (publicBaseUrl ? { ...env, PUBLIC_BASE_URL: `http://127.0.0.1:${port}` } : env);
  const apis = [];
  for (let index = 0; index < instances; index += 1) {
    const port = await freePort();
    apis.push(
      await startApiProcess({
        sandbox,
        port,
        dataDir,
        logDir,
        env: envFor(port),
        nodeArgs: apiNodeArgs,
        script: apiScript,
        logName: index === 0 ? 'api.log' : `api-${index + 1}.log`,
      }),
    );
  }
  const port = new URL(apis[0].url).port;
  let clients = apis.map((api) => new ApiClient({ url: api.url, apiKey: api.apiKey }));
  let restarts = 0;
  const twilio = createTwilioClient({
    accountSid: sandbox.account.accountSid,
    authToken: sandbox.account.authToken,
    baseUrl: sandbox.url,
    timeoutMs: 30_000,
  });
  return {
    sandbox,
    controls,
    twilio,
    get api() {
      return apis[0];
    },
    get apis() {
      return apis;
    },
    get client() {
      return clients[0];
    },
    /** One client per API process, in the order of `apis` (a driver spreads its calls over them). */
    get clients() {
      return clients;
    },
    /** Starts the (first) API again on the same port and DATA_DIR (after a crash). */
    async restartApi() {
      restarts += 1;
      apis[0] = await startApiProcess({
        sandbox,
        port,
        dataDir,
        logDir,
        env: envFor(port),
        nodeArgs: apiNodeArgs,
        script: apiScript,
        logName: `api-restart-${restarts}.log`,
      });
      clients[0].close();
      clients = [new ApiClient({ url: apis[0].url, apiKey: apis[0].apiKey }), ...clients.slice(1)];
      return apis[0];
    },
    /** Stops every process and deletes the journal (the process logs stay, for reading after a run). */
    async stop() {
      for (const client of clients) client.close();
      for (const api of apis) await api.stop();
      await sandbox.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
