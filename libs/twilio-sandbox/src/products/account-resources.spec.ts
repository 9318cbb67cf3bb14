import { startSandboxFixture, twilioErrorOf, type SandboxFixture } from '../testing/sandbox-fixture';

/** Chat, TaskRouter, Studio and API 2010 resources of the demo account, through the official SDK. */
describe('Chat, TaskRouter, Studio and API 2010 through the official SDK', () => {
  let fx: SandboxFixture;
  const chat = () => fx.twilio.chat.v2.services(fx.account.chatServiceSid);
  const workspace = () => fx.twilio.taskrouter.v1.workspaces(fx.account.workspaceSid);

  beforeAll(async () => {
    fx = await startSandboxFixture();
  });
  afterAll(() => fx.sandbox.close());
  beforeEach(() => fx.controls.reset());

  it('serves Chat services, channels (by SID or UniqueName), messages, members and users', async () => {
    expect((await fx.twilio.chat.v2.services.list()).map((service) => service.sid)).toEqual([fx.account.chatServiceSid]);
    expect((await chat().fetch()).friendlyName).toBe('Flex Chat Service');
    const channel = await chat().channels.create({ friendlyName: 'Support', uniqueName: 'support-1', attributes: '{"status":"ACTIVE"}' });
    expect((await chat().channels('support-1').fetch()).sid).toBe(channel.sid);
    const updated = await chat()
      .channels(channel.sid)
      .update({ attributes: JSON.stringify({ status: 'INACTIVE' }) });
    expect(JSON.parse(updated.attributes)).toEqual({ status: 'INACTIVE' });
    expect(await twilioErrorOf(chat().channels.create({ uniqueName: 'support-1' }))).toMatchObject({ status: 409, code: 50307 });

    for (let i = 0; i < 7; i++)
      await chat()
        .channels(channel.sid)
        .messages.create({ from: 'agent', body: `message ${i}` });
    const messages = await chat().channels(channel.sid).messages.list({ pageSize: 3 });
    expect(messages.map((message) => message.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const newestFirst = await chat().channels(channel.sid).messages.list({ order: 'desc', pageSize: 2, limit: 3 });
    expect(newestFirst.map((message) => message.body)).toEqual(['message 6', 'message 5', 'message 4']);
    expect((await chat().channels(channel.sid).fetch()).messagesCount).toBe(7);

    await chat().users.create({ identity: 'agent.alice', friendlyName: 'Alice' });
    await chat().channels(channel.sid).members.create({ identity: 'agent.alice' });
    expect((await chat().channels(channel.sid).members.list()).map((member) => member.identity)).toEqual(['agent.alice']);
    const [alice] = await chat().users.list();
    expect(alice).toMatchObject({ identity: 'agent.alice', joinedChannelsCount: 1 });
    expect((await chat().users(alice.sid).fetch()).friendlyName).toBe('Alice');

    await chat().channels(channel.sid).remove();
    expect((await twilioErrorOf(chat().channels(channel.sid).fetch())).code).toBe(20404);
  });

  it('serves the TaskRouter workspace, workflow and task channels; tasks list, fetch and update', async () => {
    expect((await fx.twilio.taskrouter.v1.workspaces.list()).map((item) => item.sid)).toEqual([fx.account.workspaceSid]);
    expect((await workspace().fetch()).friendlyName).toBe('Flex Task Assignment');
    expect((await workspace().workflows.list()).map((workflow) => workflow.sid)).toEqual([fx.account.workflowSid]);
    expect((await workspace().workflows(fx.account.workflowSid).fetch()).friendlyName).toBe('Assign to Anyone');
    const channels = await workspace().taskChannels.list();
    expect(Object.fromEntries(channels.map((channel) => [channel.uniqueName, channel.sid]))).toEqual(fx.account.taskChannelSids);
    expect((await workspace().taskChannels(fx.account.taskChannelSids.sms).fetch()).uniqueName).toBe('sms');

    const task = await workspace().tasks.create({ workflowSid: fx.account.workflowSid, taskChannel: 'chat', attributes: '{"name":"Ada"}' });
    expect(task).toMatchObject({ assignmentStatus: 'pending', taskChannelUniqueName: 'chat', workflowFriendlyName: 'Assign to Anyone' });
    const changed = await workspace().tasks(task.sid).update({ attributes: '{"name":"Ada","vip":true}' });
    expect(JSON.parse(changed.attributes)).toEqual({ name: 'Ada', vip: true });
    expect(await twilioErrorOf(workspace().tasks(task.sid).update({ assignmentStatus: 'completed' }))).toMatchObject({ status: 400, code: 20001 });
    await workspace().tasks(task.sid).update({ assignmentStatus: 'canceled', reason: 'no longer needed' });
    expect(await workspace().tasks.list({ assignmentStatus: ['pending'] })).toHaveLength(0);
    expect(await workspace().tasks(task.sid).fetch()).toMatchObject({ assignmentStatus: 'canceled', reason: 'no longer needed' });
  });

  it('serves the Studio flow and its executions', async () => {
    const flows = await fx.twilio.studio.v2.flows.list();
    expect(flows.map((flow) => [flow.sid, flow.status])).toEqual([[fx.account.studioFlowSid, 'published']]);
    expect((await fx.twilio.studio.v2.flows(fx.account.studioFlowSid).fetch()).friendlyName).toBe('Messaging Flow');
    for (const customer of ['+15557770001', '+15557770002', '+15557770003']) {
      await fx.controls.sendInboundSms({ from: customer, to: fx.account.numbers[0], body: 'hi' });
    }
    const executions = await fx.twilio.studio.v2.flows(fx.account.studioFlowSid).executions.list({ pageSize: 2 });
    expect(executions.map((execution) => execution.contactChannelAddress)).toEqual(['+15557770001', '+15557770002', '+15557770003']);
  });

  it('pages API 2010 Messages (its own paging fields) newest first, and fetches one', async () => {
    for (let i = 0; i < 5; i++) await fx.controls.sendInboundSms({ from: '+15557770001', to: fx.account.numbers[0], body: `sms ${i}` });
    const page = await fx.twilio.messages.page({ pageSize: 2 });
    expect(page.instances.map((message) => message.body)).toEqual(['sms 4', 'sms 3']);
    const all = await fx.twilio.messages.list({ pageSize: 2 });
    expect(all.map((message) => message.body)).toEqual(['sms 4', 'sms 3', 'sms 2', 'sms 1', 'sms 0']);
    const limited = await fx.twilio.messages.list({ pageSize: 2, limit: 3, from: '+15557770001' });
    expect(limited).toHaveLength(3);
    const fetched = await fx.twilio.messages(all[0].sid).fetch();
    expect(fetched).toMatchObject({ direction: 'inbound', status: 'received', from: '+15557770001', to: fx.account.numbers[0] });
    expect(fetched.dateCreated).toBeInstanceOf(Date);
    expect((await twilioErrorOf(fx.twilio.messages(`SM${'0'.repeat(32)}`).fetch())).code).toBe(20404);
  });
});
