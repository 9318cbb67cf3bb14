import { DEMO_NUMBERS } from '../seed/demo-account';
import { startSandboxFixture, twilioErrorOf, type SandboxFixture } from '../testing/sandbox-fixture';

const CUSTOMER = '+15557770001';

/** Proxy sessions, the SMS relay both ways and inbound SMS routing, through the SDK and the handset controls. */
describe('Proxy and the SMS relay through the official SDK', () => {
  let fx: SandboxFixture;
  const proxy = () => fx.twilio.proxy.v1.services(fx.account.proxyServiceSid);
  const chat = () => fx.twilio.chat.v2.services(fx.account.chatServiceSid);

  beforeAll(async () => {
    fx = await startSandboxFixture();
  });
  afterAll(() => fx.sandbox.close());
  beforeEach(() => fx.controls.reset());

  async function outboundConversation(number = fx.account.numbers[0], customer = CUSTOMER) {
    const flow = (await fx.twilio.flexApi.v1.flexFlow.list()).find(
      (candidate) => candidate.contactIdentity === number && candidate.integrationType === 'task',
    )!;
    const channel = await fx.twilio.flexApi.v1.channel.create({
      flexFlowSid: flow.sid,
      identity: customer,
      chatUserFriendlyName: 'Ada',
      chatFriendlyName: 'SMS with Ada',
      target: customer,
    });
    const session = await proxy().sessions.create({
      uniqueName: channel.sid,
      mode: 'message-only',
      participants: [
        { Identifier: customer, ProxyIdentifier: number, FriendlyName: 'Ada' },
        { Identifier: channel.sid, FriendlyName: 'Ada' },
      ],
    });
    return { channel, session };
  }

  it('lists and fetches the Proxy service and its number pool', async () => {
    const services = await fx.twilio.proxy.v1.services.list();
    expect(services.map((service) => service.sid)).toEqual([fx.account.proxyServiceSid]);
    expect((await proxy().fetch()).chatInstanceSid).toBe(fx.account.chatServiceSid);
    const numbers = await proxy().phoneNumbers.list();
    // The Programmable Chat numbers; the Flex Conversations one (+15550100003) is in no pool.
    expect(numbers.map((number) => number.phoneNumber)).toEqual(DEMO_NUMBERS);
    const owned = await fx.twilio.incomingPhoneNumbers.list({ phoneNumber: fx.account.numbers[1] });
    expect(owned.map((number) => number.sid)).toEqual([numbers[1].sid]);
    expect(await fx.twilio.incomingPhoneNumbers.list({ phoneNumber: '+15559999999' })).toHaveLength(0);
  });

  it('creates a session with inline participants and fetches it by SID or UniqueName', async () => {
    const { channel, session } = await outboundConversation();
    expect(session).toMatchObject({ uniqueName: channel.sid, status: 'open', mode: 'message-only' });
    expect((await proxy().sessions(channel.sid).fetch()).sid).toBe(session.sid);
    expect((await proxy().sessions(session.sid).fetch()).uniqueName).toBe(channel.sid);
    const participants = await proxy().sessions(session.sid).participants.list();
    expect(participants.map((participant) => [participant.identifier, participant.proxyIdentifier])).toEqual([
      [CUSTOMER, fx.account.numbers[0]],
      [channel.sid, null],
    ]);
    expect((await proxy().phoneNumbers.list())[0].inUse).toBe(1);
  });

  it('refuses a second session with the same UniqueName (80603)', async () => {
    await proxy().sessions.create({ uniqueName: 'order-1' });
    const error = await twilioErrorOf(proxy().sessions.create({ uniqueName: 'order-1' }));
    expect(error).toMatchObject({ status: 400, code: 80603, moreInfo: 'https://www.twilio.com/docs/errors/80603' });
  });

  it('refuses a participant whose identifier and proxy number are already in another open session (80623)', async () => {
    await outboundConversation();
    const other = await proxy().sessions.create({ uniqueName: 'second' });
    const error = await twilioErrorOf(
      proxy().sessions(other.sid).participants.create({ identifier: CUSTOMER, proxyIdentifier: fx.account.numbers[0] }),
    );
    expect(error).toMatchObject({ status: 409, code: 80623 });
    // Without a proxy number asked for, Proxy picks the free one.
    const picked = await proxy().sessions(other.sid).participants.create({ identifier: CUSTOMER });
    expect(picked.proxyIdentifier).toBe(fx.account.numbers[1]);
    const third = await proxy().sessions.create({ uniqueName: 'third' });
    expect((await twilioErrorOf(proxy().sessions(third.sid).participants.create({ identifier: CUSTOMER }))).code).toBe(80203);
    await proxy().sessions(third.sid).participants.create({ identifier: '+15557770003' });
    await proxy().sessions(third.sid).participants.create({ identifier: '+15557770004' });
    expect((await twilioErrorOf(proxy().sessions(third.sid).participants.create({ identifier: '+15557770005' }))).code).toBe(80609);
  });

  it('closes, refuses to re-open into a conflict (80604), re-opens and deletes sessions and participants', async () => {
    const { session } = await outboundConversation();
    const closed = await proxy().sessions(session.sid).update({ status: 'closed' });
    expect(closed.status).toBe('closed');
    expect(closed.dateEnded).toBeInstanceOf(Date);
    const rival = await proxy().sessions.create({ participants: [{ Identifier: CUSTOMER, ProxyIdentifier: fx.account.numbers[0] }] });
    expect(await twilioErrorOf(proxy().sessions(session.sid).update({ status: 'in-progress' }))).toMatchObject({ status: 400, code: 80604 });
    await proxy().sessions(rival.sid).remove();
    expect((await proxy().sessions(session.sid).update({ status: 'in-progress' })).status).toBe('in-progress');
    const [customer] = await proxy().sessions(session.sid).participants.list();
    await proxy().sessions(session.sid).participants(customer.sid).remove();
    expect(await proxy().sessions(session.sid).participants.list()).toHaveLength(1);
    await proxy().sessions(session.sid).remove();
    expect((await twilioErrorOf(proxy().sessions(session.sid).fetch())).code).toBe(20404);
  });

  it('relays an agent chat message as SMS to the handset, and the customer reply into the chat', async () => {
    const { channel, session } = await outboundConversation();
    await chat().channels(channel.sid).messages.create({ from: 'agent.alice', body: 'Hello from Flex' });
    const thread = await fx.controls.handsetThread(CUSTOMER);
    expect(thread).toEqual([expect.objectContaining({ direction: 'received', from: fx.account.numbers[0], to: CUSTOMER, body: 'Hello from Flex' })]);
    const sms = await fx.twilio.messages(thread[0].sid).fetch();
    expect(sms).toMatchObject({ direction: 'outbound-api', from: fx.account.numbers[0], to: CUSTOMER, body: 'Hello from Flex' });

    const reply = await fx.controls.sendInboundSms({ from: CUSTOMER, to: fx.account.numbers[0], body: 'Hi, Ada here' });
    expect(reply).toMatchObject({ route: 'proxy-session', sessionSid: session.sid, channelSid: channel.sid });
    const messages = await chat().channels(channel.sid).messages.list();
    expect(messages.map((message) => [message.from, message.body])).toEqual([
      ['agent.alice', 'Hello from Flex'],
      [CUSTOMER, 'Hi, Ada here'],
    ]);
    expect((await fx.controls.handsetThread(CUSTOMER)).map((message) => message.direction)).toEqual(['received', 'sent']);
    expect(await fx.controls.handsets()).toEqual([{ number: CUSTOMER, messages: 2, received: 1, sent: 1, optedOutOf: [] }]);

    const [customerParticipant] = await proxy().sessions(session.sid).participants.list();
    const interactions = await proxy().sessions(session.sid).participants(customerParticipant.sid).messageInteractions.list();
    expect(interactions).toHaveLength(2);
    expect((await proxy().sessions(session.sid).fetch()).status).toBe('in-progress');
    const outbound = await fx.twilio.messages.list({ to: CUSTOMER });
    expect(outbound).toHaveLength(1);
  });

  it('routes an inbound SMS with no session to the number’s Studio Flex Flow: channel, session, execution', async () => {
    const outcome = await fx.controls.sendInboundSms({ from: '+15557770042', to: fx.account.numbers[1], body: 'CHAT' });
    expect(outcome.route).toBe('flex-flow');
    expect(outcome.executionSid).toMatch(/^FN[0-9a-f]{32}$/);
    expect(outcome.taskSid).toBeUndefined();
    const executions = await fx.twilio.studio.v2.flows(fx.account.studioFlowSid).executions.list();
    expect(executions.map((execution) => [execution.sid, execution.contactChannelAddress, execution.status])).toEqual([
      [outcome.executionSid, '+15557770042', 'active'],
    ]);
    const [message] = await chat().channels(outcome.channelSid!).messages.list();
    expect(message).toMatchObject({ from: '+15557770042', body: 'CHAT' });

    // The follow-up goes through the session Flex opened and stays in the same execution.
    const followUp = await fx.controls.sendInboundSms({ from: '+15557770042', to: fx.account.numbers[1], body: 'still there?' });
    expect(followUp).toMatchObject({ route: 'proxy-session', channelSid: outcome.channelSid, executionSid: outcome.executionSid });
    expect(await fx.twilio.studio.v2.flows(fx.account.studioFlowSid).executions.list()).toHaveLength(1);
  });

  it('a message posted through the REST API on a Studio channel starts no execution', async () => {
    const flow = (await fx.twilio.flexApi.v1.flexFlow.list()).find(
      (candidate) => candidate.contactIdentity === fx.account.numbers[0] && candidate.integrationType === 'studio',
    )!;
    const channel = await fx.twilio.flexApi.v1.channel.create({
      flexFlowSid: flow.sid,
      identity: CUSTOMER,
      chatUserFriendlyName: 'Ada',
      chatFriendlyName: 'Ada',
      target: CUSTOMER,
    });
    await chat().channels(channel.sid).messages.create({ body: 'Your order shipped' });
    expect(await fx.twilio.studio.v2.flows(fx.account.studioFlowSid).executions.list()).toHaveLength(0);
  });

  it('seeds thousands of sessions fast and pages them', async () => {
    const started = Date.now();
    const seeded = await fx.controls.seedProxySessions({ count: 3000 });
    expect(seeded.created).toBe(3000);
    const page = await proxy().sessions.page({ pageSize: 1000 });
    expect(page.instances).toHaveLength(1000);
    const limited = await proxy().sessions.list({ pageSize: 400, limit: 1000 });
    expect(limited.map((session) => session.sid)).toEqual(seeded.sessionSids.slice(0, 1000));
    expect(Date.now() - started).toBeLessThan(5000);
    await fx.controls.seedProxySessions({ count: 10, status: 'closed' });
    const sessions = await proxy().sessions.list({ pageSize: 1000 });
    expect(sessions.filter((session) => session.status === 'closed')).toHaveLength(10);
  });
});
