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

export async function startStack({ logDir, apiEnv = {} }) {
  const sandbox = await startSandboxProcess({ logDir });
  const controls = new SandboxControls(sandbox.url);
  const port = await freePort();
  const dataDir = tempDir('flex-sms-bench-data-');
  const env = { ...API_ENV, ...apiEnv };
  let api = await startApiProcess({ sandbox, port, dataDir, logDir, env });
  let client = new ApiClient({ url: api.url, apiKey: api.apiKey });
  let restarts = 0;
  const twilio = createTwilioClient({ accountSid: sandbox.account.accountSid, authToken: sandbox.account.authToken, baseUrl: sandbox.url, timeoutMs: 30_000 });
  return {
    sandbox,
    controls,
    twilio,
    get api() {
      return api;
    },
    get client() {
      return client;
    },
    /** Starts the API again on the same port and DATA_DIR (after a crash). */
    async restartApi() {
      restarts += 1;
      api = await startApiProcess({ sandbox, port, dataDir, logDir, env, logName: `api-restart-${restarts}.log` });
      client.close();
      client = new ApiClient({ url: api.url, apiKey: api.apiKey });
      return api;
    },
    /** Stops both processes and deletes the journal (the process logs stay, for reading after a run). */
    async stop() {
      client.close();
      await api.stop();
      await sandbox.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
