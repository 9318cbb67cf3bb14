import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '../testing/callback-receiver';
import { startSandboxFixture, twilioErrorOf, type SandboxFixture } from '../testing/sandbox-fixture';
import { DEFAULT_KEYWORD_REPLIES } from './opt-out-keywords';

const CUSTOMER = '+15557778001';

/** Twilio's keyword handling: STOP → reply → 21610 → START → delivered, per sender, as each product surfaces it. */
describe('opt-out keywords from a handset, over HTTP with the official SDK', () => {
  let fx: SandboxFixture;
  const conversations = () => fx.twilio.conversations.v1.conversations;
  const send = (from: string, body = 'Hello') => fx.twilio.messages.create({ from, to: CUSTOMER, body });
  const delivered = (sid: string) =>
    eventually(async () => ((await fx.twilio.messages(sid).fetch()).status === 'delivered' ? true : undefined), `${sid} delivered`);

  beforeAll(async () => {
    fx = await startSandboxFixture({ deliveryStepMs: 0 });
  });
  afterAll(() => fx.sandbox.close());
  beforeEach(() => fx.controls.reset());

  it('STOP: Twilio replies, keeps the opt-out for that sender only, refuses sends with 21610; START lifts it', async () => {
    const stop = await fx.controls.sendInboundSms({ from: CUSTOMER, to: fx.account.numbers[0], body: ' stop ' });
    expect(stop).toMatchObject({ keyword: 'opt-out', autoReplySid: expect.stringMatching(/^SM/) });
    expect(await fx.controls.handsetThread(CUSTOMER)).toEqual([
      expect.objectContaining({ direction: 'sent', body: ' stop ' }),
      expect.objectContaining({ direction: 'received', from: fx.account.numbers[0], body: DEFAULT_KEYWORD_REPLIES['opt-out'] }),
    ]);
    expect(await fx.controls.handsets()).toEqual([expect.objectContaining({ number: CUSTOMER, optedOutOf: [fx.account.numbers[0]] })]);
    expect(await twilioErrorOf(send(fx.account.numbers[0]))).toMatchObject({ status: 400, code: 21610 });
    // The opt-out belongs to the number the handset wrote to.
    await delivered((await send(fx.account.numbers[1])).sid);

    const start = await fx.controls.sendInboundSms({ from: CUSTOMER, to: fx.account.numbers[0], body: 'START' });
    expect(start.keyword).toBe('opt-in');
    expect((await fx.twilio.messages(start.autoReplySid!).fetch()).body).toBe(DEFAULT_KEYWORD_REPLIES['opt-in']);
    await delivered((await send(fx.account.numbers[0])).sid);
  });

  it('HELP gets the help reply; a sentence with a keyword in it is no keyword; an opted-out handset gets no HELP reply', async () => {
    const help = await fx.controls.sendInboundSms({ from: CUSTOMER, to: fx.account.numbers[0], body: 'help' });
    expect((await fx.twilio.messages(help.autoReplySid!).fetch()).body).toBe(DEFAULT_KEYWORD_REPLIES.help);
    expect((await fx.controls.sendInboundSms({ from: CUSTOMER, to: fx.account.numbers[0], body: 'STOP PLEASE' })).keyword).toBeUndefined();
    await delivered((await send(fx.account.numbers[0])).sid);
    await fx.controls.sendInboundSms({ from: CUSTOMER, to: fx.account.numbers[0], body: 'UNSUBSCRIBE' });
    const info = await fx.controls.sendInboundSms({ from: CUSTOMER, to: fx.account.numbers[0], body: 'INFO' });
    expect(info.keyword).toBe('help');
    expect(info.autoReplySid).toBeUndefined();
  });

  it('Conversations: STOP reaches the conversation, the next message’s SMS fails 21610 on its receipt; after START it is delivered', async () => {
    const conversation = await conversations().create({ friendlyName: 'Ada' });
    await conversations()(conversation.sid).participants.create({
      'messagingBinding.address': CUSTOMER,
      'messagingBinding.proxyAddress': fx.account.numbers[0],
    });
    await conversations()(conversation.sid).participants.create({ identity: 'agent.alice' });
    expect(await fx.controls.sendInboundSms({ from: CUSTOMER, to: fx.account.numbers[0], body: 'STOP' })).toMatchObject({
      route: 'conversation',
      keyword: 'opt-out',
    });
    expect((await conversations()(conversation.sid).messages.list()).map((message) => message.body)).toEqual(['STOP']);

    const refused = await conversations()(conversation.sid).messages.create({ author: 'agent.alice', body: 'One more thing' });
    const [receipt] = await eventually(async () => {
      const receipts = await conversations()(conversation.sid).messages(refused.sid).deliveryReceipts.list();
      return receipts.length ? receipts : undefined;
    }, 'the receipt');
    expect(receipt).toMatchObject({ status: 'failed', errorCode: 21610 });

    await fx.controls.sendInboundSms({ from: CUSTOMER, to: fx.account.numbers[0], body: 'start' });
    const accepted = await conversations()(conversation.sid).messages.create({ author: 'agent.alice', body: 'Welcome back' });
    await eventually(async () => {
      const [latest] = await conversations()(conversation.sid).messages(accepted.sid).deliveryReceipts.list();
      return latest?.status === 'delivered' ? latest : undefined;
    }, 'the receipt delivered');
  });

  it('Proxy: drops STOP and UNSTOP (not forwarded), forwards START; relays to an opted-out handset unless ProxyRespectSmsStopFilterFlag is on', async () => {
    const flow = (await fx.twilio.flexApi.v1.flexFlow.list()).find(
      (candidate) => candidate.contactIdentity === fx.account.numbers[0] && candidate.integrationType === 'task',
    )!;
    const channel = await fx.twilio.flexApi.v1.channel.create({
      flexFlowSid: flow.sid,
      identity: CUSTOMER,
      chatUserFriendlyName: 'Ada',
      chatFriendlyName: 'Ada',
      target: CUSTOMER,
    });
    const session = await fx.twilio.proxy.v1.services(fx.account.proxyServiceSid).sessions.create({
      uniqueName: channel.sid,
      participants: [{ Identifier: CUSTOMER, ProxyIdentifier: fx.account.numbers[0] }, { Identifier: channel.sid }],
    });
    const chatMessages = async () =>
      (await fx.twilio.chat.v2.services(fx.account.chatServiceSid).channels(channel.sid).messages.list()).map((message) => message.body);
    expect(await fx.controls.sendInboundSms({ from: CUSTOMER, to: fx.account.numbers[0], body: 'STOP' })).toMatchObject({
      route: 'proxy-session',
      sessionSid: session.sid,
      forwarded: false,
      keyword: 'opt-out',
    });
    expect(await chatMessages()).toEqual([]);

    const agentMessage = () =>
      fx.twilio.chat.v2.services(fx.account.chatServiceSid).channels(channel.sid).messages.create({ from: 'agent.alice', body: 'Hello' });
    const lastSms = async () =>
      (await fx.controls.handsetThread(CUSTOMER)).filter((sms) => sms.direction === 'received' && sms.body === 'Hello').at(-1)!;
    await agentMessage();
    await delivered((await lastSms()).sid);

    expect(await fx.controls.setAccountFlags({ proxyRespectSmsStopFilter: true })).toEqual({ proxyRespectSmsStopFilter: true });
    await agentMessage();
    expect(await lastSms()).toMatchObject({ status: 'failed', errorCode: 21610 });
    const [, refused] = await fx.twilio.proxy.v1.services(fx.account.proxyServiceSid).sessions(session.sid).interactions.list();
    expect(refused).toMatchObject({ outboundResourceStatus: 'failed' });

    expect((await fx.controls.sendInboundSms({ from: CUSTOMER, to: fx.account.numbers[0], body: 'UNSTOP' })).forwarded).toBe(false);
    expect((await fx.controls.sendInboundSms({ from: CUSTOMER, to: fx.account.numbers[0], body: 'START' })).chatMessageSid).toMatch(/^IM/);
    expect(await chatMessages()).toEqual(['Hello', 'Hello', 'START']);
  });

  it('a reset forgets opt-outs, handset fates and account flags', async () => {
    await fx.controls.sendInboundSms({ from: CUSTOMER, to: fx.account.numbers[0], body: 'STOP' });
    await fx.controls.setHandsetFate(CUSTOMER, { outcome: 'carrier-filtered' });
    await fx.controls.setAccountFlags({ proxyRespectSmsStopFilter: true });
    await fx.controls.reset();
    expect(await fx.controls.handsets()).toEqual([]);
    expect(await fx.controls.accountFlags()).toEqual({ proxyRespectSmsStopFilter: false });
    await delivered((await send(fx.account.numbers[0])).sid);
  });
});

describe('delivery state across a restart (dataDir)', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'sandbox-delivery-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps opt-outs and handset fates, and delivers a message that was still on its way', async () => {
    const first = await startSandboxFixture({ dataDir, deliveryStepMs: 60_000 });
    await first.controls.sendInboundSms({ from: CUSTOMER, to: first.account.numbers[0], body: 'STOP' });
    await first.controls.setHandsetFate('+15557778002', { outcome: 'undelivered', errorCode: 30005 });
    const pending = await first.twilio.messages.create({ from: first.account.numbers[1], to: '+15557778003', body: 'on its way' });
    await first.sandbox.close();

    const second = await startSandboxFixture({ dataDir, deliveryStepMs: 0 });
    try {
      expect(await twilioErrorOf(second.twilio.messages.create({ from: second.account.numbers[0], to: CUSTOMER, body: 'Hi' }))).toMatchObject({
        code: 21610,
      });
      const failing = await second.twilio.messages.create({ from: second.account.numbers[0], to: '+15557778002', body: 'Hi' });
      await eventually(async () => ((await second.twilio.messages(failing.sid).fetch()).errorCode === 30005 ? true : undefined), 'the fate kept');
      await eventually(
        async () => ((await second.twilio.messages(pending.sid).fetch()).status === 'delivered' ? true : undefined),
        'the pending message delivered',
      );
    } finally {
      await second.sandbox.close();
    }
  });
});
