import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContentCreateRequest } from 'twilio/lib/rest/content/v1/content';
import { startSandboxFixture, type SandboxFixture } from '../testing/sandbox-fixture';

/** A sandbox started on a data folder is the same account after a restart: resources, SIDs, sequences, handsets. */
describe('sandbox state kept in a data folder', () => {
  let dataDir: string;
  const running: SandboxFixture[] = [];
  const start = async (options: { dataDir?: string } = { dataDir }) => {
    const fx = await startSandboxFixture(options);
    running.push(fx);
    return fx;
  };
  const stop = async (fx: SandboxFixture) => {
    await fx.sandbox.close();
    running.splice(running.indexOf(fx), 1);
  };

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'sandbox-state-'));
  });
  afterEach(async () => {
    for (const fx of [...running]) await stop(fx);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves after a restart what was made before it, and goes on with new SIDs and pages in order', async () => {
    const first = await start();
    const { account } = first;
    const flow = (await first.twilio.flexApi.v1.flexFlow.list()).find(
      (candidate) => candidate.integrationType === 'task' && candidate.contactIdentity === account.numbers[0],
    )!;
    const channel = await first.twilio.flexApi.v1.channel.create({
      flexFlowSid: flow.sid,
      identity: 'customer-1',
      chatUserFriendlyName: 'Ada',
      chatFriendlyName: 'Ada',
      target: '+15557778001',
    });
    const proxy = first.twilio.proxy.v1.services(account.proxyServiceSid);
    const session = await proxy.sessions.create({
      uniqueName: channel.sid,
      mode: 'message-only',
      participants: [{ Identifier: '+15557778001', ProxyIdentifier: account.numbers[0] }, { Identifier: channel.sid }],
    });
    const message = await first.twilio.chat.v2.services(account.chatServiceSid).channels(channel.sid).messages.create({ body: 'Hello Ada' });
    await first.controls.sendInboundSms({ from: '+15557778001', to: account.numbers[0], body: 'Hi back' });
    const thread = await first.controls.handsetThread('+15557778001');
    expect(thread.map((sms) => sms.body)).toEqual(['Hello Ada', 'Hi back']);
    const sessionBefore = await proxy.sessions(session.sid).fetch();
    await stop(first);

    const second = await start();
    expect(second.account).toEqual(account);
    expect(second.sandbox.url).not.toBe(first.sandbox.url);
    const fetched = await second.twilio.flexApi.v1.channel(channel.sid).fetch();
    expect(fetched).toMatchObject({ sid: channel.sid, taskSid: channel.taskSid, dateCreated: channel.dateCreated });
    const sameSession = await second.twilio.proxy.v1.services(account.proxyServiceSid).sessions(session.sid).fetch();
    expect(sameSession).toMatchObject({
      uniqueName: channel.sid,
      status: sessionBefore.status,
      dateCreated: session.dateCreated,
      dateUpdated: sessionBefore.dateUpdated,
    });
    const messages = await second.twilio.chat.v2.services(account.chatServiceSid).channels(channel.sid).messages.list();
    expect(messages.map((chatMessage) => [chatMessage.sid, chatMessage.index, chatMessage.body])).toEqual([
      [message.sid, 0, 'Hello Ada'],
      [expect.any(String), 1, 'Hi back'],
    ]);
    expect(await second.controls.handsetThread('+15557778001')).toEqual(thread);

    // New resources get new SIDs, listed after the old ones: the SID factory and sequences went on counting.
    const later = await second.twilio.proxy.v1.services(account.proxyServiceSid).sessions.create({ uniqueName: 'after restart' });
    expect(later.sid).not.toBe(session.sid);
    const sessions = await second.twilio.proxy.v1.services(account.proxyServiceSid).sessions.list();
    expect(sessions.map((candidate) => candidate.sid)).toEqual([session.sid, later.sid]);
    // The customer is still paired: Proxy refuses a second session for the same pair.
    await expect(
      second.twilio.proxy.v1
        .services(account.proxyServiceSid)
        .sessions.create({ participants: [{ Identifier: '+15557778001', ProxyIdentifier: account.numbers[0] }] }),
    ).rejects.toMatchObject({ status: 409, code: 80623 });
  });

  it('saves soon after a change, without waiting for close', async () => {
    const fx = await start();
    await fx.twilio.proxy.v1.services(fx.account.proxyServiceSid).sessions.create({ uniqueName: 'saved while running' });
    await waitUntil(() => readdirSync(dataDir).includes('state.json'));
    // Another sandbox reading the same folder while the first still runs sees the session.
    const reader = await start();
    expect((await reader.twilio.proxy.v1.services(reader.account.proxyServiceSid).sessions.list()).map((session) => session.uniqueName)).toEqual([
      'saved while running',
    ]);
  });

  it('starts over from the demo account after a reset, and keeps that', async () => {
    const fx = await start();
    await fx.twilio.proxy.v1.services(fx.account.proxyServiceSid).sessions.create({ uniqueName: 'before reset' });
    await fx.controls.reset();
    await stop(fx);
    const restarted = await start();
    expect(await restarted.twilio.proxy.v1.services(restarted.account.proxyServiceSid).sessions.list()).toEqual([]);
  });

  it('keeps Content templates, their approval and WhatsApp windows across a restart; a reset goes back to the seeded ones', async () => {
    const fx = await start();
    const sender = fx.account.whatsappSenders[0];
    const created = await fx.twilio.content.v1.contents.create({
      language: 'en',
      types: { 'twilio/text': { body: 'Kept {{1}}' } },
    } as unknown as ContentCreateRequest);
    await fx.twilio.content.v1.contents(created.sid).approvalCreate.create({ name: 'kept', category: 'UTILITY' });
    await fx.controls.setContentApproval(created.sid, { status: 'approved' });
    const window = await fx.controls.setWhatsAppWindow('+15557778101', { sender, lastCustomerMessageAt: '2026-11-30T12:00:00Z' });
    await stop(fx);

    const restarted = await start();
    expect((await restarted.twilio.content.v1.contents(created.sid).approvalFetch().fetch()).whatsapp).toMatchObject({
      name: 'kept',
      status: 'approved',
    });
    expect(await restarted.controls.whatsappWindows('+15557778101')).toEqual([{ ...window, open: expect.any(Boolean) }]);
    await restarted.controls.reset();
    const templates = await restarted.twilio.content.v1.contents.list();
    expect(templates.map((template) => template.sid)).toEqual(Object.values(restarted.account.contentTemplates));
    expect(await restarted.controls.whatsappWindows('+15557778101')).toEqual([expect.objectContaining({ lastCustomerMessageAt: null })]);
  });

  it('keeps nothing in memory:// (nor without a folder)', async () => {
    const fx = await start({ dataDir: 'memory://' });
    await fx.twilio.proxy.v1.services(fx.account.proxyServiceSid).sessions.create({ uniqueName: 'forgotten' });
    await stop(fx);
    expect(readdirSync(dataDir)).toEqual([]);
    const again = await start({ dataDir: 'memory://' });
    expect(await again.twilio.proxy.v1.services(again.account.proxyServiceSid).sessions.list()).toEqual([]);
  });

  it('refuses to start on a state file it cannot read, rather than replacing it', async () => {
    writeFileSync(join(dataDir, 'state.json'), '{"half":');
    await expect(start()).rejects.toThrow(/state\.json is not JSON/);
  });
});

/** Polls without timing assertions: the test's own timeout bounds it. */
async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}
