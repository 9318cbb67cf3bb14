import { eventually } from '../../testing/callback-receiver';
import { startSandboxFixture, twilioErrorOf, type SandboxFixture } from '../../testing/sandbox-fixture';

const PHONE = '+15557771301';
const CUSTOMER = `whatsapp:${PHONE}`;

/**
 * WhatsApp in Conversations and Flex Interactions, through the official SDK: WhatsApp participants bound to the
 * account's WhatsApp sender, template messages filled in for the handset, the 24-hour rule on each delivery receipt,
 * the customer writing back (into the conversation binding them, or one the sender's Address Configuration creates),
 * and an agent's outbound WhatsApp Interaction.
 */
describe('WhatsApp in Conversations and Interactions through the official SDK', () => {
  let fx: SandboxFixture;
  let sender: string;
  const conversations = () => fx.twilio.conversations.v1.conversations;

  beforeAll(async () => {
    fx = await startSandboxFixture({ deliveryStepMs: 0 });
    sender = fx.account.whatsappSenders[0];
  });
  afterAll(() => fx.sandbox.close());
  beforeEach(() => fx.controls.reset());

  async function whatsappConversation() {
    const conversation = await conversations().create({ friendlyName: 'Ada on WhatsApp' });
    const participant = await conversations()(conversation.sid).participants.create({
      'messagingBinding.address': CUSTOMER,
      'messagingBinding.proxyAddress': sender,
    });
    return { conversation, participant, messages: conversations()(conversation.sid).messages };
  }

  /** The message's receipt once its WhatsApp leg reached a final status. */
  const finalReceipt = (conversationSid: string, messageSid: string) =>
    eventually(async () => {
      const [receipt] = await conversations()(conversationSid).messages(messageSid).deliveryReceipts.list();
      return receipt && ['delivered', 'undelivered', 'failed'].includes(receipt.status) ? receipt : undefined;
    }, `the final receipt of ${messageSid}`);

  it('binds a WhatsApp participant to the WhatsApp sender, and refuses a proxy address that is none', async () => {
    const { participant, conversation } = await whatsappConversation();
    expect(participant.messagingBinding).toEqual({ type: 'whatsapp', address: CUSTOMER, proxy_address: sender });
    const participants = conversations()(conversation.sid).participants;
    const refusals = await Promise.all([
      // A number of the account that is not registered with WhatsApp, and an SMS number for a WhatsApp customer.
      twilioErrorOf(
        participants.create({
          'messagingBinding.address': 'whatsapp:+15557771399',
          'messagingBinding.proxyAddress': `whatsapp:${fx.account.numbers[0]}`,
        }),
      ),
      twilioErrorOf(
        participants.create({ 'messagingBinding.address': 'whatsapp:+15557771399', 'messagingBinding.proxyAddress': fx.account.numbers[0] }),
      ),
      twilioErrorOf(participants.create({ 'messagingBinding.address': 'whatsapp:0155', 'messagingBinding.proxyAddress': sender })),
    ]);
    expect(refusals.map((error) => [error.status, error.code])).toEqual([
      [400, 50408],
      [400, 50408],
      [400, 20001],
    ]);
    // The WhatsApp pair is bound once, as an SMS pair is.
    const other = await conversations().create({});
    expect(
      await twilioErrorOf(
        conversations()(other.sid).participants.create({ 'messagingBinding.address': CUSTOMER, 'messagingBinding.proxyAddress': sender }),
      ),
    ).toMatchObject({
      status: 409,
      code: 50416,
    });
  });

  it('sends a template message filled in for the handset; the message keeps its content_sid', async () => {
    const { conversation, messages } = await whatsappConversation();
    const message = await messages.create({
      author: 'agent.alice',
      contentSid: fx.account.contentTemplates.appointmentConfirmation,
      contentVariables: JSON.stringify({ 1: 'Ada', 2: 'Thursday' }),
    });
    expect(message).toMatchObject({
      contentSid: fx.account.contentTemplates.appointmentConfirmation,
      body: 'Hi Ada, please confirm your appointment on Thursday.',
    });
    expect(await finalReceipt(conversation.sid, message.sid)).toMatchObject({ status: 'delivered', errorCode: 0 });
    expect(await fx.controls.handsetThread(PHONE)).toEqual([
      expect.objectContaining({
        channel: 'whatsapp',
        from: sender,
        to: CUSTOMER,
        body: 'Hi Ada, please confirm your appointment on Thursday.\n[Confirm] [Reschedule]',
      }),
    ]);
  });

  it('fails free text outside the window on the receipt with 63016; the customer’s message opens it and reaches the conversation', async () => {
    const { conversation, participant, messages } = await whatsappConversation();
    const outside = await messages.create({ author: 'agent.alice', body: 'Hello?' });
    expect(await finalReceipt(conversation.sid, outside.sid)).toMatchObject({ status: 'failed', errorCode: 63016 });
    expect((await messages(outside.sid).fetch()).delivery).toMatchObject({ total: 1, failed: 'all', delivered: 'none' });

    const inbound = await fx.controls.sendInboundSms({ from: CUSTOMER, to: sender, body: 'Sorry, I was away' });
    expect(inbound).toMatchObject({ route: 'conversation', conversationSid: conversation.sid });
    const [, received] = await messages.list();
    expect(received).toMatchObject({ author: CUSTOMER, body: 'Sorry, I was away', participantSid: participant.sid });

    const inside = await messages.create({ author: 'agent.alice', body: 'No problem, see you Thursday' });
    expect(await finalReceipt(conversation.sid, inside.sid)).toMatchObject({ status: 'delivered' });
  });

  it('creates a conversation for a customer who writes first, through the sender’s WhatsApp Address Configuration', async () => {
    const configurations = await fx.twilio.conversations.v1.addressConfigurations.list({ type: 'whatsapp' });
    expect(configurations).toEqual([
      expect.objectContaining({ address: sender, autoCreation: expect.objectContaining({ enabled: true, type: 'studio' }) }),
    ]);
    const outcome = await fx.controls.sendInboundSms({ from: CUSTOMER, to: sender, body: 'Hello, I need help' });
    expect(outcome).toMatchObject({
      route: 'address-configuration',
      conversationSid: expect.stringMatching(/^CH/),
      executionSid: expect.stringMatching(/^FN/),
    });
    const participants = await conversations()(outcome.conversationSid!).participants.list();
    expect(participants.map((participant) => participant.messagingBinding)).toEqual([{ type: 'whatsapp', address: CUSTOMER, proxy_address: sender }]);
    // The same number's SMS goes to its `sms` configuration: one Conversations-mode number, two channels.
    const sms = await fx.controls.sendInboundSms({ from: PHONE, to: sender.replace('whatsapp:', ''), body: 'Also by SMS' });
    expect(sms).toMatchObject({ route: 'address-configuration' });
    expect(sms.conversationSid).not.toBe(outcome.conversationSid);
  });

  it('takes a WhatsApp Address Configuration only for a WhatsApp sender of the account', async () => {
    const addresses = fx.twilio.conversations.v1.addressConfigurations;
    expect(await twilioErrorOf(addresses.create({ type: 'whatsapp', address: `whatsapp:${fx.account.numbers[0]}` }))).toMatchObject({
      status: 400,
      message: expect.stringContaining('WhatsApp sender'),
    });
    expect(await twilioErrorOf(addresses.create({ type: 'whatsapp', address: sender }))).toMatchObject({
      status: 400,
      message: expect.stringContaining('already exists'),
    });
  });

  it('refuses template parameters Conversations does not take', async () => {
    const { messages } = await whatsappConversation();
    const refusals = await Promise.all([
      twilioErrorOf(messages.create({ body: 'Hi', contentVariables: '{"1":"Ada"}' })),
      twilioErrorOf(messages.create({ contentSid: `HX${'0'.repeat(32)}` })),
      twilioErrorOf(messages.create({ contentSid: fx.account.contentTemplates.appointmentReminder, contentVariables: 'Ada' })),
    ]);
    expect(refusals.map((error) => [error.status, error.code])).toEqual([
      [400, 50528],
      [400, 50526],
      [400, 50527],
    ]);
  });

  it('starts an agent’s outbound WhatsApp Interaction: a conversation with the WhatsApp participant and a task', async () => {
    const channel = { type: 'whatsapp', initiated_by: 'agent', participants: [{ address: CUSTOMER, proxy_address: sender }] };
    const routing = {
      properties: { workspace_sid: fx.account.workspaceSid, workflow_sid: fx.account.workflowSid, task_channel_unique_name: 'chat' },
    };
    const interaction = await fx.twilio.flexApi.v1.interaction.create({ channel, routing });
    const [interactionChannel] = await fx.twilio.flexApi.v1.interaction(interaction.sid).channels.list();
    expect(interactionChannel).toMatchObject({ type: 'whatsapp', status: 'active' });
    const [invite] = await fx.twilio.flexApi.v1.interaction(interaction.sid).channels(interactionChannel.sid).invites.list();
    const task = await fx.twilio.taskrouter.v1
      .workspaces(fx.account.workspaceSid)
      .tasks((invite.routing as { task_sid: string }).task_sid)
      .fetch();
    const attributes = JSON.parse(task.attributes);
    expect(attributes).toMatchObject({ channelType: 'whatsapp', customerAddress: CUSTOMER, direction: 'outbound' });
    const participants = await conversations()(attributes.conversationSid).participants.list();
    expect(participants.map((participant) => participant.messagingBinding)).toEqual([{ type: 'whatsapp', address: CUSTOMER, proxy_address: sender }]);

    // The first message goes out as an approved template: outside the window, only that reaches the customer.
    const first = await conversations()(attributes.conversationSid).messages.create({
      author: 'agent.alice',
      contentSid: fx.account.contentTemplates.appointmentReminder,
      contentVariables: JSON.stringify({ 1: 'Ada', 2: 'Monday' }),
    });
    expect(await finalReceipt(attributes.conversationSid, first.sid)).toMatchObject({ status: 'delivered' });
    expect(await twilioErrorOf(fx.twilio.flexApi.v1.interaction.create({ channel, routing }))).toMatchObject({ status: 409, code: 50416 });
  });

  it('refuses a WhatsApp Interaction whose participant is not a WhatsApp address', async () => {
    const routing = {
      properties: { workspace_sid: fx.account.workspaceSid, workflow_sid: fx.account.workflowSid, task_channel_unique_name: 'chat' },
    };
    const channel = { type: 'whatsapp', initiated_by: 'agent', participants: [{ address: PHONE, proxy_address: sender }] };
    expect(await twilioErrorOf(fx.twilio.flexApi.v1.interaction.create({ channel, routing }))).toMatchObject({
      status: 400,
      message: expect.stringContaining('whatsapp'),
    });
  });
});
