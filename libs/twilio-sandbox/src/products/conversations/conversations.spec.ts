import type { Clock } from '../../core/clock';
import { startSandboxFixture, twilioErrorOf, type SandboxFixture } from '../../testing/sandbox-fixture';

const CUSTOMER = '+15557771001';

/** A clock the test moves forward, to watch conversation timers fire. */
class ManualClock implements Clock {
  private current = new Date('2026-12-01T09:00:00Z');
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** Conversations v1 through the official SDK: conversations, participants, messages, webhooks, address configurations. */
describe('Conversations v1 through the official SDK', () => {
  let fx: SandboxFixture;
  const clock = new ManualClock();
  const conversations = () => fx.twilio.conversations.v1.conversations;
  const number = () => fx.account.numbers[0];

  beforeAll(async () => {
    fx = await startSandboxFixture({ clock });
  });
  afterAll(() => fx.sandbox.close());
  beforeEach(() => fx.controls.reset());

  it('creates, fetches (by SID or UniqueName), updates and deletes a conversation', async () => {
    const created = await conversations().create({ friendlyName: 'Ada', uniqueName: 'order-42', attributes: JSON.stringify({ order: 42 }) });
    expect(created).toMatchObject({
      friendlyName: 'Ada',
      uniqueName: 'order-42',
      state: 'active',
      chatServiceSid: fx.account.chatServiceSid,
      timers: {},
    });
    expect(created.sid).toMatch(/^CH[0-9a-f]{32}$/);
    expect((await conversations()('order-42').fetch()).sid).toBe(created.sid);
    const updated = await conversations()(created.sid).update({ friendlyName: 'Ada Lovelace', state: 'inactive' });
    expect(updated).toMatchObject({ friendlyName: 'Ada Lovelace', state: 'inactive' });
    expect(await twilioErrorOf(conversations().create({ uniqueName: 'order-42' }))).toMatchObject({ status: 409, code: 50353 });
    expect(await conversations()(created.sid).remove()).toBe(true);
    expect((await twilioErrorOf(conversations()(created.sid).fetch())).code).toBe(20404);
  });

  it('lists conversations page by page and filters them by State', async () => {
    const sids: string[] = [];
    for (let i = 0; i < 5; i++) sids.push((await conversations().create({ friendlyName: `c${i}` })).sid);
    await conversations()(sids[1]).update({ state: 'closed' });
    const firstPage = await conversations().page({ pageSize: 2 });
    expect(firstPage.instances.map((conversation) => conversation.sid)).toEqual(sids.slice(0, 2));
    const secondPage = await firstPage.nextPage();
    expect(secondPage?.instances.map((conversation) => conversation.sid)).toEqual(sids.slice(2, 4));
    expect((await conversations().list({ pageSize: 2 })).map((conversation) => conversation.sid)).toEqual(sids);
    expect((await conversations().list({ state: 'closed' })).map((conversation) => conversation.sid)).toEqual([sids[1]]);
  });

  it('moves an active conversation to inactive, then closed, as its timers fall due', async () => {
    const created = await conversations().create({ 'timers.inactive': 'PT5M', 'timers.closed': 'PT1H' });
    expect(created.timers).toEqual({ date_inactive: '2026-12-01T09:05:00Z', date_closed: '2026-12-01T10:00:00Z' });
    clock.advance(6 * 60_000);
    expect((await conversations()(created.sid).fetch()).state).toBe('inactive');
    clock.advance(60 * 60_000);
    expect((await conversations()(created.sid).fetch()).state).toBe('closed');
    expect(await twilioErrorOf(conversations()(created.sid).update({ state: 'active' }))).toMatchObject({ status: 400, code: 50377 });
    expect((await twilioErrorOf(conversations().create({ 'timers.inactive': 'PT30S' }))).code).toBe(20001);
    expect((await twilioErrorOf(conversations().create({ state: 'closed' }))).code).toBe(50384);
  });

  it('adds SMS and chat participants, and lists and removes them', async () => {
    const conversation = await conversations().create({});
    const sms = await conversations()(conversation.sid).participants.create({
      'messagingBinding.address': CUSTOMER,
      'messagingBinding.proxyAddress': number(),
    });
    expect(sms.messagingBinding).toEqual({ type: 'sms', address: CUSTOMER, proxy_address: number() });
    expect(sms.identity).toBeNull();
    const agent = await conversations()(conversation.sid).participants.create({ identity: 'agent.alice' });
    expect(agent).toMatchObject({ identity: 'agent.alice', messagingBinding: null });
    expect((await conversations()(conversation.sid).participants.list()).map((participant) => participant.sid)).toEqual([sms.sid, agent.sid]);
    expect(await twilioErrorOf(conversations()(conversation.sid).participants.create({ identity: 'agent.alice' }))).toMatchObject({
      status: 409,
      code: 50433,
    });
    await conversations()(conversation.sid).participants(agent.sid).remove();
    expect((await conversations()(conversation.sid).participants.list()).map((participant) => participant.sid)).toEqual([sms.sid]);
  });

  it('refuses an address equal to its proxy address (50409) and a proxy address the account does not own (50408)', async () => {
    const conversation = await conversations().create({});
    const participants = conversations()(conversation.sid).participants;
    expect(
      await twilioErrorOf(participants.create({ 'messagingBinding.address': number(), 'messagingBinding.proxyAddress': number() })),
    ).toMatchObject({ status: 400, code: 50409 });
    expect(
      (await twilioErrorOf(participants.create({ 'messagingBinding.address': CUSTOMER, 'messagingBinding.proxyAddress': '+15559990000' }))).code,
    ).toBe(50408);
    expect((await twilioErrorOf(participants.create({ 'messagingBinding.address': CUSTOMER }))).code).toBe(50412);
  });

  it('binds an address pair to one open conversation: 50416 names the holder until it is closed', async () => {
    const first = await conversations().create({});
    await conversations()(first.sid).participants.create({ 'messagingBinding.address': CUSTOMER, 'messagingBinding.proxyAddress': number() });
    const second = await conversations().create({});
    const pair = { 'messagingBinding.address': CUSTOMER, 'messagingBinding.proxyAddress': number() };
    const conflict = await twilioErrorOf(conversations()(second.sid).participants.create(pair));
    expect(conflict).toMatchObject({ status: 409, code: 50416 });
    expect(conflict.message).toContain(first.sid);
    // An inactive conversation still holds the pair; the same customer behind the other number is a different pair.
    await conversations()(first.sid).update({ state: 'inactive' });
    expect((await twilioErrorOf(conversations()(second.sid).participants.create(pair))).code).toBe(50416);
    await conversations()(second.sid).participants.create({
      'messagingBinding.address': CUSTOMER,
      'messagingBinding.proxyAddress': fx.account.numbers[1],
    });
    await conversations()(first.sid).update({ state: 'closed' });
    const third = await conversations().create({});
    expect((await conversations()(third.sid).participants.create(pair)).conversationSid).toBe(third.sid);
  });

  it('creates messages with Author and Body, indexes them and lists them in either order', async () => {
    const conversation = await conversations().create({});
    const agent = await conversations()(conversation.sid).participants.create({ identity: 'agent.alice' });
    const first = await conversations()(conversation.sid).messages.create({ author: 'agent.alice', body: 'Hello' });
    expect(first).toMatchObject({ index: 0, author: 'agent.alice', body: 'Hello', participantSid: agent.sid, delivery: null });
    const second = await conversations()(conversation.sid).messages.create({ body: 'Reminder' });
    expect(second).toMatchObject({ index: 1, author: 'system', participantSid: null });
    expect((await conversations()(conversation.sid).messages.list()).map((message) => message.index)).toEqual([0, 1]);
    expect((await conversations()(conversation.sid).messages.list({ order: 'desc' })).map((message) => message.index)).toEqual([1, 0]);
    expect((await conversations()(conversation.sid).messages(first.sid).fetch()).body).toBe('Hello');
  });

  it('adds studio and webhook scoped webhooks, and refuses a studio webhook without a flow', async () => {
    const conversation = await conversations().create({});
    const webhooks = conversations()(conversation.sid).webhooks;
    const studio = await webhooks.create({ target: 'studio', 'configuration.flowSid': fx.account.studioFlowSid });
    expect(studio).toMatchObject({ target: 'studio', configuration: { flow_sid: fx.account.studioFlowSid, filters: [] } });
    const hook = await webhooks.create({
      target: 'webhook',
      'configuration.url': 'https://example.invalid/hook',
      'configuration.filters': ['onMessageAdded'],
    });
    expect(hook.configuration).toMatchObject({ url: 'https://example.invalid/hook', method: 'POST', filters: ['onMessageAdded'] });
    expect((await webhooks.list()).map((webhook) => webhook.sid)).toEqual([studio.sid, hook.sid]);
    expect(await twilioErrorOf(webhooks.create({ target: 'studio' }))).toMatchObject({ status: 400, code: 20001 });
    await webhooks(hook.sid).remove();
    expect(await webhooks.list()).toHaveLength(1);
  });

  it('lists the seeded address configurations (one per number, Studio, auto-creation off) and creates and updates one', async () => {
    const seeded = await fx.twilio.conversations.v1.addressConfigurations.list({ type: 'sms' });
    expect(seeded.map((configuration) => configuration.address)).toEqual(fx.account.numbers);
    expect(seeded[0].autoCreation).toMatchObject({ enabled: false, type: 'studio', studio_flow_sid: fx.account.studioFlowSid });
    expect((await fx.twilio.conversations.v1.addressConfigurations(seeded[1].sid).fetch()).address).toBe(fx.account.numbers[1]);
    const enabled = await fx.twilio.conversations.v1.addressConfigurations(seeded[0].sid).update({ 'autoCreation.enabled': true });
    expect(enabled.autoCreation).toMatchObject({ enabled: true, type: 'studio' });

    const duplicate = fx.twilio.conversations.v1.addressConfigurations.create({ type: 'sms', address: fx.account.numbers[0] });
    expect((await twilioErrorOf(duplicate)).code).toBe(20001);
    await fx.twilio.conversations.v1
      .addressConfigurations(seeded[1].sid)
      .update({ 'autoCreation.type': 'webhook', 'autoCreation.webhookUrl': 'https://example.invalid/in' });
    const noFlow = fx.twilio.conversations.v1
      .addressConfigurations(seeded[1].sid)
      .update({ 'autoCreation.type': 'studio', 'autoCreation.studioFlowSid': `FW${'0'.repeat(32)}` });
    expect((await twilioErrorOf(noFlow)).code).toBe(20001);
  });
});
