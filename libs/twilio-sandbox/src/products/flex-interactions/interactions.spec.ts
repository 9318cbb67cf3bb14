import { startSandboxFixture, twilioErrorOf, type SandboxFixture } from '../../testing/sandbox-fixture';

const CUSTOMER = '+15557773001';

/** Flex v1 Interactions through the official SDK: outbound SMS as Flex UI 2.x starts it, with its task. */
describe('Flex Interactions through the official SDK', () => {
  let fx: SandboxFixture;
  const interactions = () => fx.twilio.flexApi.v1.interaction;

  beforeAll(async () => {
    fx = await startSandboxFixture();
  });
  afterAll(() => fx.sandbox.close());
  beforeEach(() => fx.controls.reset());

  function outboundSms(customer = CUSTOMER, extra: Record<string, unknown> = {}) {
    return interactions().create({
      channel: { type: 'sms', initiated_by: 'agent', participants: [{ address: customer, proxy_address: fx.account.numbers[0] }] },
      routing: {
        properties: {
          workspace_sid: fx.account.workspaceSid,
          workflow_sid: fx.account.workflowSid,
          task_channel_unique_name: 'sms',
          worker_sid: `WK${'1'.repeat(32)}`,
          attributes: { customerName: 'Ada', ...extra },
        },
      },
    });
  }

  async function taskOf(interactionSid: string) {
    const [channel] = await interactions()(interactionSid).channels.list();
    const [invite] = await interactions()(interactionSid).channels(channel.sid).invites.list();
    const taskSid = (invite.routing as { task_sid: string }).task_sid;
    return { channel, invite, task: await fx.twilio.taskrouter.v1.workspaces(fx.account.workspaceSid).tasks(taskSid).fetch() };
  }

  it('creates a conversation with the SMS participant, an active channel and a task carrying conversationSid', async () => {
    const interaction = await outboundSms();
    expect(interaction.sid).toMatch(/^KD[0-9a-f]{32}$/);
    expect(interaction.channel).toMatchObject({ type: 'sms', initiated_by: 'agent', sid: expect.stringMatching(/^UO/) });
    const { channel, invite, task } = await taskOf(interaction.sid);
    expect(channel).toMatchObject({ sid: interaction.channel.sid, type: 'sms', status: 'active' });
    expect(invite.sid).toMatch(/^KG/);
    const attributes = JSON.parse(task.attributes);
    expect(attributes).toMatchObject({
      customerName: 'Ada',
      customerAddress: CUSTOMER,
      channelType: 'sms',
      initiatedBy: 'agent',
      direction: 'outbound',
      flexInteractionSid: interaction.sid,
      flexInteractionChannelSid: channel.sid,
      flexChannelInviteSid: invite.sid,
      conversations: { initiated_by: 'Agent', direction: 'Outbound', media: [{ conversation_sid: attributes.conversationSid }] },
    });
    expect(task).toMatchObject({ assignmentStatus: 'pending', taskChannelUniqueName: 'sms', workflowSid: fx.account.workflowSid });
    expect((interaction.routing as { properties: { sid: string } }).properties.sid).toBe(task.sid);

    const participants = await fx.twilio.conversations.v1.conversations(attributes.conversationSid).participants.list();
    expect(participants.map((participant) => participant.messagingBinding)).toEqual([
      { type: 'sms', address: CUSTOMER, proxy_address: fx.account.numbers[0] },
    ]);
    const [customer] = await interactions()(interaction.sid).channels(channel.sid).participants.list();
    expect(customer).toMatchObject({ type: 'customer', channelSid: channel.sid });
    expect((await interactions()(interaction.sid).fetch()).channel).toMatchObject({ sid: channel.sid });
  });

  it('relays the agent’s first message to the handset through the conversation', async () => {
    const interaction = await outboundSms();
    const { task } = await taskOf(interaction.sid);
    const conversationSid = JSON.parse(task.attributes).conversationSid as string;
    await fx.twilio.conversations.v1.conversations(conversationSid).participants.create({ identity: 'agent.alice' });
    await fx.twilio.conversations.v1.conversations(conversationSid).messages.create({ author: 'agent.alice', body: 'Your order shipped' });
    expect(await fx.controls.handsetThread(CUSTOMER)).toEqual([expect.objectContaining({ from: fx.account.numbers[0], body: 'Your order shipped' })]);
    const reply = await fx.controls.sendInboundSms({ from: CUSTOMER, to: fx.account.numbers[0], body: 'Thanks' });
    expect(reply).toMatchObject({ route: 'conversation', conversationSid });
  });

  it('refuses a second interaction for a pair already in an open conversation (409, 50416 naming it)', async () => {
    const first = await outboundSms();
    const conversationSid = JSON.parse((await taskOf(first.sid)).task.attributes).conversationSid as string;
    const error = await twilioErrorOf(outboundSms());
    expect(error).toMatchObject({ status: 409, code: 50416 });
    expect(error.message).toContain(conversationSid);
    // Nothing of the refused interaction was created: still one conversation and one task.
    expect(await fx.twilio.conversations.v1.conversations.list()).toHaveLength(1);
    expect(await fx.twilio.taskrouter.v1.workspaces(fx.account.workspaceSid).tasks.list()).toHaveLength(1);
  });

  it('closes the channel: the conversation closes, the pending task is canceled, and the pair is free again', async () => {
    const interaction = await outboundSms();
    const { channel, task } = await taskOf(interaction.sid);
    const closed = await interactions()(interaction.sid)
      .channels(channel.sid)
      .update({ status: 'closed', routing: { status: 'wrapup' } });
    expect(closed.status).toBe('closed');
    const conversationSid = JSON.parse(task.attributes).conversationSid as string;
    expect((await fx.twilio.conversations.v1.conversations(conversationSid).fetch()).state).toBe('closed');
    expect((await fx.twilio.taskrouter.v1.workspaces(fx.account.workspaceSid).tasks(task.sid).fetch()).assignmentStatus).toBe('canceled');
    expect((await outboundSms()).sid).not.toBe(interaction.sid);
  });

  it('parks the channel as inactive (Routing status closed required): the customer can still write back', async () => {
    const interaction = await outboundSms();
    const { channel, task } = await taskOf(interaction.sid);
    const update = interactions()(interaction.sid).channels(channel.sid);
    expect((await twilioErrorOf(update.update({ status: 'inactive' }))).status).toBe(400);
    expect((await update.update({ status: 'inactive', routing: { status: 'closed' } })).status).toBe('inactive');
    const conversationSid = JSON.parse(task.attributes).conversationSid as string;
    expect((await fx.twilio.conversations.v1.conversations(conversationSid).fetch()).state).toBe('inactive');
    expect((await fx.controls.sendInboundSms({ from: CUSTOMER, to: fx.account.numbers[0], body: 'ping' })).conversationSid).toBe(conversationSid);
  });

  it('invites another agent (a second task on the same conversation) and adds and closes a channel participant', async () => {
    const interaction = await outboundSms();
    const { channel, task } = await taskOf(interaction.sid);
    const channelApi = interactions()(interaction.sid).channels(channel.sid);
    const invite = await channelApi.invites.create({
      routing: {
        properties: {
          workspace_sid: fx.account.workspaceSid,
          workflow_sid: fx.account.workflowSid,
          task_channel_unique_name: 'sms',
          attributes: { escalation: true },
        },
      },
    });
    const second = await fx.twilio.taskrouter.v1
      .workspaces(fx.account.workspaceSid)
      .tasks((invite.routing as { task_sid: string }).task_sid)
      .fetch();
    expect(JSON.parse(second.attributes)).toMatchObject({
      escalation: true,
      conversationSid: JSON.parse(task.attributes).conversationSid,
      flexChannelInviteSid: invite.sid,
    });
    expect(await channelApi.invites.list()).toHaveLength(2);

    const agent = await channelApi.participants.create({ type: 'agent', mediaProperties: { identity: 'agent.bob' } });
    expect(agent.type).toBe('agent');
    const conversationSid = JSON.parse(task.attributes).conversationSid as string;
    expect((await fx.twilio.conversations.v1.conversations(conversationSid).participants.list()).map((participant) => participant.identity)).toEqual([
      null,
      'agent.bob',
    ]);
    await channelApi.participants(agent.sid).update({ status: 'closed' });
    expect(await fx.twilio.conversations.v1.conversations(conversationSid).participants.list()).toHaveLength(1);
  });

  it('binds an interaction to an existing conversation named by media_channel_sid (Studio Send to Flex)', async () => {
    const conversation = await fx.twilio.conversations.v1.conversations.create({});
    await fx.twilio.conversations.v1
      .conversations(conversation.sid)
      .participants.create({ 'messagingBinding.address': CUSTOMER, 'messagingBinding.proxyAddress': fx.account.numbers[1] });
    const interaction = await interactions().create({
      channel: { type: 'sms', initiated_by: 'customer', properties: { media_channel_sid: conversation.sid } },
      routing: {
        properties: {
          workspace_sid: fx.account.workspaceSid,
          workflow_sid: fx.account.workflowSid,
          task_channel_unique_name: 'sms',
          attributes: '{"from":"+15557773001"}',
        },
      },
    });
    const attributes = JSON.parse((await taskOf(interaction.sid)).task.attributes);
    expect(attributes).toMatchObject({ conversationSid: conversation.sid, direction: 'inbound', from: CUSTOMER, customerAddress: CUSTOMER });
    await fx.twilio.conversations.v1.conversations(conversation.sid).update({ state: 'closed' });
    const closed = interactions().create({
      channel: { type: 'sms', initiated_by: 'customer', properties: { media_channel_sid: conversation.sid } },
      routing: { properties: { workspace_sid: fx.account.workspaceSid, workflow_sid: fx.account.workflowSid } },
    });
    expect((await twilioErrorOf(closed)).code).toBe(45354);
  });

  it('refuses a Channel without participants or Routing without a workflow', async () => {
    const noParticipants = interactions().create({
      channel: { type: 'sms', initiated_by: 'agent' },
      routing: { properties: { workspace_sid: fx.account.workspaceSid, workflow_sid: fx.account.workflowSid } },
    });
    expect(await twilioErrorOf(noParticipants)).toMatchObject({ status: 400, code: 20001 });
    const noWorkflow = interactions().create({
      channel: { type: 'sms', initiated_by: 'agent', participants: [{ address: CUSTOMER, proxy_address: fx.account.numbers[0] }] },
      routing: { properties: { workspace_sid: fx.account.workspaceSid } },
    });
    expect((await twilioErrorOf(noWorkflow)).message).toContain('workflow_sid');
    expect(await fx.twilio.conversations.v1.conversations.list()).toHaveLength(0);
  });
});
