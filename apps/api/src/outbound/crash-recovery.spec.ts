import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTwilioClient } from '@flex-sms/twilio-adapter';
import { SandboxControls, startSandbox, type RunningSandbox } from '@flex-sms/twilio-sandbox';
import type twilio from 'twilio';
import { TWILIO_NUMBER } from './outbound.test-helpers';

const ROOT = resolve(__dirname, '../../../..');
const MAIN = join(ROOT, 'apps/api/dist/main.js');
const API_KEY = 'crash-recovery-test-api-key';
const CUSTOMER = '+14155550999';

/** The built API as its own process, on an embedded database in `dataDir`, against `sandbox`. */
function startApi(sandbox: RunningSandbox, dataDir: string): Promise<{ child: ChildProcess; url: string; output: string[] }> {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      ...env,
      NODE_ENV: 'production',
      PORT: '0',
      DATA_DIR: dataDir,
      BOOTSTRAP_API_KEY: API_KEY,
      TWILIO_ACCOUNT_SID: sandbox.account.accountSid,
      TWILIO_AUTH_TOKEN: sandbox.account.authToken,
      TWILIO_PROXY_SERVICE_SID: sandbox.account.proxyServiceSid,
      TWILIO_CHAT_SERVICE_SID: sandbox.account.chatServiceSid,
      TWILIO_BASE_URL: sandbox.url,
      // Recovery waits this long after the interrupted request before undoing it (the hanging request lands meanwhile).
      TWILIO_REQUEST_TIMEOUT_MS: '4000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`The API did not start:\n${output.join('')}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const port = /listening on http:\/\/localhost:(\d+)/.exec(output.join(''))?.[1];
      if (port) {
        clearTimeout(timer);
        resolvePromise({ child, url: `http://127.0.0.1:${port}`, output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The API exited with ${code}:\n${output.join('')}`));
    });
  });
}

async function api<T>(url: string, path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${url}${path}`, { ...init, headers: { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json', ...init.headers } });
  return { status: response.status, body: (await response.json()) as T };
}

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 50));
  }
}

interface JournalEntryBody {
  id: string;
  status: string;
  steps: { name: string; outcome: string; sids: Record<string, string> }[];
  undone: { action: string; sid: string; ok: boolean }[];
  error: { code: string } | null;
}

describe('crash recovery: the built API killed mid-request and restarted', () => {
  let sandbox: RunningSandbox;
  let controls: SandboxControls;
  let client: twilio.Twilio;
  let dataDir: string;
  const children: ChildProcess[] = [];

  beforeAll(() => {
    // Builds the API and the libraries it runs on (Nx cache: nothing to do when they are up to date).
    execFileSync(process.execPath, [join(ROOT, 'tools/scripts/ensure-built.mjs'), '@flex-sms/api'], { cwd: ROOT, stdio: 'pipe', timeout: 170_000 });
  }, 180_000);

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    controls = new SandboxControls(sandbox.url);
    client = createTwilioClient({ accountSid: sandbox.account.accountSid, authToken: sandbox.account.authToken, baseUrl: sandbox.url });
    dataDir = mkdtempSync(join(tmpdir(), 'flex-sms-crash-'));
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await sandbox?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('rolls back the interrupted request at start-up: the journal says so and nothing is orphaned in Twilio', async () => {
    const first = await startApi(sandbox, dataDir);
    children.push(first.child);
    // The Proxy Session request hangs: the channel and its task exist, the request is mid-flight when the process dies.
    await controls.setFaults({ endpoints: [{ method: 'POST', path: '/proxy/v1/Services/*/Sessions', latencyMs: 2_000 }] });
    const send = { method: 'POST', headers: { 'Idempotency-Key': 'crash-recovery-key' }, body: JSON.stringify({ fromNumber: TWILIO_NUMBER, toNumber: CUSTOMER, toName: 'Ada' }) };
    const inFlight = api(first.url, '/api/v1/outbound/task', send).catch(
      (error: unknown) => error,
    );
    await until(async () => ((await controls.requests()).requests.some((request) => request.endpoint === 'POST /proxy/v1/Services/:ServiceSid/Sessions') ? true : undefined), 'the Proxy request');

    first.child.kill('SIGKILL');
    await new Promise((resolvePromise) => first.child.once('exit', resolvePromise));
    expect(await inFlight).toHaveProperty('message', 'fetch failed'); // the connection died with the process
    await controls.clearFaults();

    const second = await startApi(sandbox, dataDir);
    children.push(second.child);
    const { body: history } = await api<{ items: { id: string }[] }>(second.url, '/api/v1/outbound');
    expect(history.items).toHaveLength(1);
    const entry = await until(async () => {
      const { body } = await api<JournalEntryBody>(second.url, `/api/v1/outbound/${history.items[0].id}`);
      return body.status === 'in_flight' ? undefined : body;
    }, 'the start-up recovery');

    expect(entry).toMatchObject({ status: 'rolled_back', error: { code: 'INTERRUPTED' } });
    const channelStep = entry.steps.find((step) => step.name === 'channel')!;
    const { channelSid, taskSid } = channelStep.sids;
    expect(entry.undone).toEqual(expect.arrayContaining([{ action: 'cancel-task', sid: taskSid, ok: true }, { action: 'remove-channel', sid: channelSid, ok: true }]));

    const task = await client.taskrouter.v1.workspaces(sandbox.account.workspaceSid).tasks(taskSid).fetch();
    expect(task.assignmentStatus).toBe('canceled');
    await expect(client.chat.v2.services(sandbox.account.chatServiceSid).channels(channelSid).fetch()).rejects.toMatchObject({ status: 404 });
    // The session request the dead process left hanging may have completed in Twilio afterwards: it must not survive.
    await expect(client.proxy.v1.services(sandbox.account.proxyServiceSid).sessions(channelSid).fetch()).rejects.toMatchObject({ status: 404 });

    // And the restarted API works: the caller's retry with the same Idempotency-Key runs (the interrupted attempt
    // never answered, so recovery freed its key; it does not answer 409 "still running" for the key's whole lease).
    const retried = await until(async () => {
      const answer = await api<{ status: string }>(second.url, '/api/v1/outbound/task', send);
      return answer.status === 409 ? undefined : answer;
    }, 'the Idempotency-Key to be freed', 5_000);
    expect(retried).toMatchObject({ status: 201, body: { status: 'succeeded' } });
    second.child.kill('SIGTERM');
  }, 60_000);
});
