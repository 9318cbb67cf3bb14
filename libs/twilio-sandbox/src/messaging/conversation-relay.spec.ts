import { startSandboxFixture, type SandboxFixture } from '../testing/sandbox-fixture';

const CUSTOMER = '+15557772001';

/** Conversations and the handset: agent messages go out as SMS, customer SMS come back in, auto-creation on inbound. */
describe('Conversations SMS relay through the official SDK and the handset', () => {
  let fx: SandboxFixture;
  const conversations = () => fx.twilio.conversations.v1.conversations;

  beforeAll(async () => {
    fx = await startSandboxFixture();
  });
  afterAll(() => fx.sandbox.close());
  beforeEach(() => fx.controls.reset());

  async function smsConversation(number = fx.account.numbers[0]) {
    const conversation = await conversations().create({ friendlyName: 'Ada' });
    const customer = await conversations()(conversation.sid).participants.create({
      'messagingBinding.address': CUSTOMER,
      'messagingBinding.proxyAddress': number,
    });
    await conversations()(conversation.sid).participants.create({ identity: 'agent.alice' });
    return { conversation, customer };
  }

  it('sends an agent message to the handset as an API 2010 Message from the proxy address', async () => {
    const { conversation } = await smsConversation();
    const message = await conversations()(conversation.sid).messages.create({ author: 'agent.alice', body: 'Hello from Flex' });
    expect(message.delivery).toMatchObject({ total: 1 });
    const thread = await fx.controls.handsetThread(CUSTOMER);
    expect(thread).toEqual([expect.objectContaining({ direction: 'received', from: fx.account.numbers[0], to: CUSTOMER, body: 'Hello from Flex' })]);
    expect(await fx.twilio.messages(thread[0].sid).fetch()).toMatchObject({ direction: 'outbound-api', from: fx.account.numbers[0], to: CUSTOMER });
  });

  it('delivers the customer reply into the conversation holding the pair, authored by the SMS participant', async () => {
    const { conversation, customer } = await smsConversation();
    const outcome = await fx.controls.sendInboundSms({ from: CUSTOMER, to: fx.account.numbers[0], body: 'Hi, Ada here' });
    expect(outcome).toMatchObject({ route: 'conversation', conversationSid: conversation.sid });
    const messages = await conversations()(conversation.sid).messages.list();
    expect(messages.map((message) => [message.author, message.body, message.participantSid])).toEqual([[CUSTOMER, 'Hi, Ada here', customer.sid]]);
    // The author's own SMS is not echoed back to the handset.
    expect((await fx.controls.handsetThread(CUSTOMER)).map((sms) => sms.direction)).toEqual(['sent']);
    // No conversation binds the customer with the other number: that number's Studio Flex Flow takes it.
    expect((await fx.controls.sendInboundSms({ from: CUSTOMER, to: fx.account.numbers[1], body: 'other line' })).route).toBe('flex-flow');
  });

  it('wakes an inactive conversation up on a customer message, but a closed one no longer routes', async () => {
    const { conversation } = await smsConversation();
    await conversations()(conversation.sid).update({ state: 'inactive' });
    await fx.controls.sendInboundSms({ from: CUSTOMER, to: fx.account.numbers[0], body: 'back again' });
    expect((await conversations()(conversation.sid).fetch()).state).toBe('active');
    await conversations()(conversation.sid).update({ state: 'closed' });
    const outcome = await fx.controls.sendInboundSms({ from: CUSTOMER, to: fx.account.numbers[0], body: 'anyone?' });
    expect(outcome.route).toBe('flex-flow');
    expect(await conversations()(conversation.sid).messages.list()).toHaveLength(1);
  });

  it("auto-creates a conversation from the number's address configuration and starts its Studio flow", async () => {
    const [configuration] = await fx.twilio.conversations.v1.addressConfigurations.list();
    await fx.twilio.conversations.v1.addressConfigurations(configuration.sid).update({ 'autoCreation.enabled': true });
    const first = await fx.controls.sendInboundSms({ from: CUSTOMER, to: fx.account.numbers[0], body: 'I have a question' });
    expect(first).toMatchObject({
      route: 'address-configuration',
      conversationSid: expect.stringMatching(/^CH/),
      executionSid: expect.stringMatching(/^FN/),
    });
    const conversationSid = first.conversationSid!;
    const [participant] = await conversations()(conversationSid).participants.list();
    expect(participant.messagingBinding).toEqual({ type: 'sms', address: CUSTOMER, proxy_address: fx.account.numbers[0] });
    const [webhook] = await conversations()(conversationSid).webhooks.list();
    expect(webhook).toMatchObject({ target: 'studio', configuration: expect.objectContaining({ flow_sid: fx.account.studioFlowSid }) });
    const [execution] = await fx.twilio.studio.v2.flows(fx.account.studioFlowSid).executions.list();
    expect(execution).toMatchObject({ sid: first.executionSid, contactChannelAddress: CUSTOMER, status: 'active' });
    expect(execution.context).toMatchObject({ trigger: { message: { ChannelSid: conversationSid, Body: 'I have a question' } } });

    // The follow-up lands in the same conversation and the same execution; nothing is created twice.
    const followUp = await fx.controls.sendInboundSms({ from: CUSTOMER, to: fx.account.numbers[0], body: 'still there?' });
    expect(followUp).toMatchObject({ route: 'conversation', conversationSid, executionSid: first.executionSid });
    expect(await conversations().list()).toHaveLength(1);
    // A message the agent posts through REST starts no webhook (none asked for with X-Twilio-Webhook-Enabled).
    await conversations()(conversationSid).messages.create({ author: 'agent.alice', body: 'Yes?' });
    expect(await fx.twilio.studio.v2.flows(fx.account.studioFlowSid).executions.list()).toHaveLength(1);
    expect((await fx.controls.handsetThread(CUSTOMER)).map((sms) => [sms.direction, sms.body])).toEqual([
      ['sent', 'I have a question'],
      ['sent', 'still there?'],
      ['received', 'Yes?'],
    ]);
  });

  it('leaves the number in Programmable Chat mode while auto-creation is off (seeded)', async () => {
    const outcome = await fx.controls.sendInboundSms({ from: CUSTOMER, to: fx.account.numbers[0], body: 'hello' });
    expect(outcome.route).toBe('flex-flow');
    expect(await conversations().list()).toHaveLength(0);
  });
});
