import { type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTwilioClient } from '@flex-sms/twilio-adapter';
import { SandboxControls, startSandbox, type RunningSandbox } from '@flex-sms/twilio-sandbox';
import type twilio from 'twilio';
import { callApi as api, ensureApiBuilt, startBuiltApi, until } from '../testing/built-api';
import { TWILIO_NUMBER } from './outbound.test-helpers';

const CUSTOMER = '+14155550999';

/** The built API on an embedded database in `dataDir`, against `sandbox`. */
function startApi(sandbox: RunningSandbox, dataDir: string) {
  // Recovery waits this long after the interrupted request before undoing it (the hanging request lands meanwhile).
  return startBuiltApi(sandbox, { DATA_DIR: dataDir, TWILIO_REQUEST_TIMEOUT_MS: '4000' });
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

  beforeAll(ensureApiBuilt, 180_000);

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
    const send = {
      method: 'POST',
      headers: { 'Idempotency-Key': 'crash-recovery-key' },
      body: JSON.stringify({ fromNumber: TWILIO_NUMBER, toNumber: CUSTOMER, toName: 'Ada' }),
    };
    const inFlight = api(first.url, '/api/v1/outbound/task', send).catch((error: unknown) => error);
    await until(
      async () =>
        (await controls.requests()).requests.some((request) => request.endpoint === 'POST /proxy/v1/Services/:ServiceSid/Sessions')
          ? true
          : undefined,
      'the Proxy request',
    );

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
    expect(entry.undone).toEqual(
      expect.arrayContaining([
        { action: 'cancel-task', sid: taskSid, ok: true },
        { action: 'remove-channel', sid: channelSid, ok: true },
      ]),
    );

    const task = await client.taskrouter.v1.workspaces(sandbox.account.workspaceSid).tasks(taskSid).fetch();
    expect(task.assignmentStatus).toBe('canceled');
    await expect(client.chat.v2.services(sandbox.account.chatServiceSid).channels(channelSid).fetch()).rejects.toMatchObject({ status: 404 });
    // The session request the dead process left hanging may have completed in Twilio afterwards: it must not survive.
    await expect(client.proxy.v1.services(sandbox.account.proxyServiceSid).sessions(channelSid).fetch()).rejects.toMatchObject({ status: 404 });

    // And the restarted API works: the caller's retry with the same Idempotency-Key runs (the interrupted attempt
    // never answered, so recovery freed its key; it does not answer 409 "still running" for the key's whole lease).
    const retried = await until(
      async () => {
        const answer = await api<{ status: string }>(second.url, '/api/v1/outbound/task', send);
        return answer.status === 409 ? undefined : answer;
      },
      'the Idempotency-Key to be freed',
      5_000,
    );
    expect(retried).toMatchObject({ status: 201, body: { status: 'succeeded' } });
    second.child.kill('SIGTERM');
  }, 60_000);

  it('undoes the channel Flex made for a request killed before it journaled the channel, found by its unique name', async () => {
    const customer = '+14155550998';
    const ownDataDir = mkdtempSync(join(tmpdir(), 'flex-sms-crash-'));
    const first = await startApi(sandbox, ownDataDir);
    children.push(first.child);
    // The Flex channel create hangs: Twilio makes the channel (and its task) after the process has died, so the
    // journal never hears of it.
    await controls.setFaults({ endpoints: [{ method: 'POST', path: '/flex-api/v1/Channels', latencyMs: 1_500 }] });
    const channelCreates = async () =>
      (await controls.requests()).requests.filter((request) => request.endpoint === 'POST /flex-api/v1/Channels').length;
    const before = await channelCreates();
    const send = { method: 'POST', body: JSON.stringify({ fromNumber: TWILIO_NUMBER, toNumber: customer, toName: 'Grace' }) };
    const inFlight = api(first.url, '/api/v1/outbound/task', send).catch((error: unknown) => error);
    await until(async () => ((await channelCreates()) > before ? true : undefined), 'the Flex channel request');
    first.child.kill('SIGKILL');
    await new Promise((resolvePromise) => first.child.once('exit', resolvePromise));
    await inFlight;
    await controls.clearFaults();

    const chatChannels = client.chat.v2.services(sandbox.account.chatServiceSid).channels;
    const second = await startApi(sandbox, ownDataDir);
    children.push(second.child);
    const { body: listed } = await api<{ items: { id: string }[] }>(second.url, '/api/v1/outbound');
    expect(listed.items).toHaveLength(1);
    const requestId = listed.items[0].id;
    // The orphan exists before recovery settles the request (it waits out the Twilio request timeout first).
    const made = await until(
      () =>
        chatChannels(`outbound-sms-${requestId}`)
          .fetch()
          .catch(() => undefined),
      'the channel Flex made late',
    );
    const entry = await until(async () => {
      const { body } = await api<JournalEntryBody>(second.url, `/api/v1/outbound/${requestId}`);
      return body.status === 'in_flight' ? undefined : body;
    }, 'the start-up recovery');

    expect(entry.steps.filter((step) => step.name === 'channel')).toEqual([]);
    expect(entry).toMatchObject({ status: 'rolled_back', error: { code: 'INTERRUPTED' } });
    const taskSid = JSON.parse(made.attributes).task_sid as string;
    expect(entry.undone).toEqual(
      expect.arrayContaining([
        { action: 'cancel-task', sid: taskSid, ok: true },
        { action: 'remove-channel', sid: made.sid, ok: true },
      ]),
    );
    expect((await client.taskrouter.v1.workspaces(sandbox.account.workspaceSid).tasks(taskSid).fetch()).assignmentStatus).toBe('canceled');
    await expect(chatChannels(made.sid).fetch()).rejects.toMatchObject({ status: 404 });
    second.child.kill('SIGTERM');
    await new Promise((resolvePromise) => second.child.once('exit', resolvePromise));
    rmSync(ownDataDir, { recursive: true, force: true });
  }, 60_000);
});
