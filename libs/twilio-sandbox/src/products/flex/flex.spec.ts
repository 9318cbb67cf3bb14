import { DEMO_CONVERSATIONS_NUMBER, DEMO_NUMBERS } from '../../seed/demo-account';
import { startSandboxFixture, twilioErrorOf, type SandboxFixture } from '../../testing/sandbox-fixture';

describe('Flex API v1 through the official SDK', () => {
  let fx: SandboxFixture;

  beforeAll(async () => {
    fx = await startSandboxFixture();
  });
  afterAll(() => fx.sandbox.close());
  beforeEach(() => fx.controls.reset());

  const studioFlowOf = async (number: string) =>
    (await fx.twilio.flexApi.v1.flexFlow.list()).find((flow) => flow.contactIdentity === number && flow.integrationType === 'studio')!;
  const taskFlowOf = async (number: string) =>
    (await fx.twilio.flexApi.v1.flexFlow.list()).find((flow) => flow.contactIdentity === number && flow.integrationType === 'task')!;

  it('seeds a Studio Flex Flow (enabled) and a Task Flex Flow (disabled) per Programmable Chat number, all sms; none for the Conversations one', async () => {
    const flows = await fx.twilio.flexApi.v1.flexFlow.list();
    expect(flows).toHaveLength(4);
    expect(flows.filter((flow) => flow.contactIdentity.endsWith(DEMO_CONVERSATIONS_NUMBER))).toEqual([]);
    for (const number of DEMO_NUMBERS) {
      const studio = await studioFlowOf(number);
      const task = await taskFlowOf(number);
      expect(studio).toMatchObject({ enabled: true, channelType: 'sms', integration: { flow_sid: fx.account.studioFlowSid } });
      expect(task).toMatchObject({
        enabled: false,
        channelType: 'sms',
        integration: { workspace_sid: fx.account.workspaceSid, workflow_sid: fx.account.workflowSid, channel: fx.account.taskChannelSids.chat },
      });
    }
    expect(flows[0].sid).toMatch(/^FO[0-9a-f]{32}$/);
    expect(flows[0].dateCreated.toISOString()).toBe('2026-11-24T18:00:00.000Z');
  });

  it('creates, filters by FriendlyName, fetches, updates and deletes a Flex Flow', async () => {
    const created = await fx.twilio.flexApi.v1.flexFlow.create({
      friendlyName: 'Outbound SMS Task Flow',
      chatServiceSid: fx.account.chatServiceSid,
      channelType: 'sms',
      integrationType: 'task',
      contactIdentity: '+15550100001',
      enabled: false,
      'integration.workspaceSid': fx.account.workspaceSid,
      'integration.workflowSid': fx.account.workflowSid,
      'integration.channel': fx.account.taskChannelSids.chat,
      longLived: true,
    });
    expect(created).toMatchObject({ friendlyName: 'Outbound SMS Task Flow', longLived: true, enabled: false });
    const filtered = await fx.twilio.flexApi.v1.flexFlow.list({ friendlyName: 'Outbound SMS Task Flow' });
    expect(filtered.map((flow) => flow.sid)).toEqual([created.sid]);
    const updated = await fx.twilio.flexApi.v1.flexFlow(created.sid).update({ enabled: true, friendlyName: 'Renamed' });
    expect(updated).toMatchObject({ enabled: true, friendlyName: 'Renamed', longLived: true });
    expect((await fx.twilio.flexApi.v1.flexFlow(created.sid).fetch()).friendlyName).toBe('Renamed');
    await fx.twilio.flexApi.v1.flexFlow(created.sid).remove();
    const missing = await twilioErrorOf(fx.twilio.flexApi.v1.flexFlow(created.sid).fetch());
    expect(missing).toMatchObject({ status: 404, code: 20404, moreInfo: 'https://www.twilio.com/docs/errors/20404' });
  });

  it('refuses a Flex Flow without a required parameter (20001 naming it)', async () => {
    const error = await twilioErrorOf(
      fx.twilio.flexApi.v1.flexFlow.create({
        friendlyName: 'x',
        chatServiceSid: fx.account.chatServiceSid,
        channelType: 'sms',
        integrationType: 'studio',
      }),
    );
    expect(error).toMatchObject({ status: 400, code: 20001 });
    expect(error.message).toContain('Integration.FlowSid');
  });

  it('pages Flex Flows with list() and each() across several pages', async () => {
    await fx.controls.seedFlexFlows({ count: 23 });
    const all = await fx.twilio.flexApi.v1.flexFlow.list({ pageSize: 5 });
    expect(all).toHaveLength(27);
    expect(new Set(all.map((flow) => flow.sid)).size).toBe(27);
    const limited = await fx.twilio.flexApi.v1.flexFlow.list({ pageSize: 4, limit: 10 });
    expect(limited.map((flow) => flow.sid)).toEqual(all.slice(0, 10).map((flow) => flow.sid));
    const seen: string[] = [];
    await new Promise<void>((resolve, reject) =>
      fx.twilio.flexApi.v1.flexFlow.each({ pageSize: 6, done: (error?: Error) => (error ? reject(error) : resolve()) }, (flow) => {
        seen.push(flow.sid);
      }),
    );
    expect(seen).toEqual(all.map((flow) => flow.sid));
    const page = await fx.twilio.flexApi.v1.flexFlow.page({ pageSize: 10 });
    expect(page.nextPageUrl).toMatch(new RegExp(`^${fx.sandbox.url}/flex-api/v1/FlexFlows\\?PageSize=10&Page=1&PageToken=PAFO`));
    const counts = (await fx.controls.requests()).counts;
    expect(counts['GET /flex-api/v1/FlexFlows']).toBeGreaterThanOrEqual(6 + 3 + 5 + 1);
  });

  describe('Channels', () => {
    const newChannel = (flexFlowSid: string, overrides: Record<string, unknown> = {}) =>
      fx.twilio.flexApi.v1.channel.create({
        flexFlowSid,
        identity: 'customer-1',
        chatUserFriendlyName: 'Ada Lovelace',
        chatFriendlyName: 'SMS with Ada',
        target: '+15557770001',
        ...overrides,
      });

    it('on a Task Flex Flow creates a chat channel, user, member and a task with the TaskAttributes', async () => {
      const flow = await taskFlowOf('+15550100001');
      const channel = await newChannel(flow.sid, { taskAttributes: JSON.stringify({ name: 'Ada Lovelace', crm_id: 42 }) });
      expect(channel.sid).toMatch(/^CH[0-9a-f]{32}$/);
      expect(channel.taskSid).toMatch(/^WT[0-9a-f]{32}$/);
      expect(channel.userSid).toMatch(/^US/);

      const task = await fx.twilio.taskrouter.v1.workspaces(fx.account.workspaceSid).tasks(channel.taskSid).fetch();
      expect(JSON.parse(task.attributes)).toMatchObject({ name: 'Ada Lovelace', crm_id: 42, channelSid: channel.sid });
      expect(task).toMatchObject({
        workflowSid: fx.account.workflowSid,
        taskChannelSid: fx.account.taskChannelSids.chat,
        assignmentStatus: 'pending',
      });

      const chatChannel = await fx.twilio.chat.v2.services(fx.account.chatServiceSid).channels(channel.sid).fetch();
      expect(JSON.parse(chatChannel.attributes)).toMatchObject({ status: 'ACTIVE', task_sid: channel.taskSid, from: 'Ada Lovelace' });
      expect(chatChannel.friendlyName).toBe('SMS with Ada');
      const members = await fx.twilio.chat.v2.services(fx.account.chatServiceSid).channels(channel.sid).members.list();
      expect(members.map((member) => member.identity)).toEqual(['customer-1']);
      const user = await fx.twilio.chat.v2.services(fx.account.chatServiceSid).users(channel.userSid).fetch();
      expect(user).toMatchObject({ identity: 'customer-1', friendlyName: 'Ada Lovelace' });
    });

    it('on a Studio Flex Flow creates no task', async () => {
      const flow = await studioFlowOf('+15550100001');
      const channel = await newChannel(flow.sid);
      expect(channel.taskSid).toBeNull();
      const tasks = await fx.twilio.taskrouter.v1.workspaces(fx.account.workspaceSid).tasks.list();
      expect(tasks).toHaveLength(0);
    });

    it('returns the ACTIVE channel for the same Flex Flow and Target instead of a new one', async () => {
      const flow = await taskFlowOf('+15550100002');
      const first = await newChannel(flow.sid);
      const again = await newChannel(flow.sid, { identity: 'someone-else' });
      expect(again.sid).toBe(first.sid);
      expect(again.taskSid).toBe(first.taskSid);
      const other = await newChannel(flow.sid, { target: '+15557770002', identity: 'customer-2' });
      expect(other.sid).not.toBe(first.sid);
      expect(await fx.twilio.flexApi.v1.channel.list()).toHaveLength(2);

      // Flex marks an ended chat INACTIVE: the next conversation gets a new channel.
      await fx.twilio.chat.v2
        .services(fx.account.chatServiceSid)
        .channels(first.sid)
        .update({ attributes: JSON.stringify({ status: 'INACTIVE' }) });
      const fresh = await newChannel(flow.sid);
      expect(fresh.sid).not.toBe(first.sid);
    });

    it('closes a channel with its task unless the flow is long-lived (janitor)', async () => {
      const shortFlow = await taskFlowOf('+15550100001');
      const channel = await newChannel(shortFlow.sid);
      await fx.twilio.taskrouter.v1
        .workspaces(fx.account.workspaceSid)
        .tasks(channel.taskSid)
        .update({ assignmentStatus: 'canceled', reason: 'test' });
      expect((await newChannel(shortFlow.sid)).sid).not.toBe(channel.sid);

      const longLived = await fx.twilio.flexApi.v1.flexFlow(shortFlow.sid).update({ longLived: true });
      const kept = await newChannel(longLived.sid, { target: '+15557770009' });
      await fx.twilio.taskrouter.v1.workspaces(fx.account.workspaceSid).tasks(kept.taskSid).update({ assignmentStatus: 'canceled' });
      const reused = await newChannel(longLived.sid, { target: '+15557770009' });
      expect(reused.sid).toBe(kept.sid);
      expect(reused.taskSid).not.toBe(kept.taskSid);
    });

    it('fetches, lists and deletes Flex channels; an unknown flow is a 404', async () => {
      const flow = await studioFlowOf('+15550100002');
      const channel = await newChannel(flow.sid);
      expect((await fx.twilio.flexApi.v1.channel(channel.sid).fetch()).flexFlowSid).toBe(flow.sid);
      await fx.twilio.flexApi.v1.channel(channel.sid).remove();
      expect(await fx.twilio.flexApi.v1.channel.list()).toHaveLength(0);
      expect((await twilioErrorOf(fx.twilio.chat.v2.services(fx.account.chatServiceSid).channels(channel.sid).fetch())).code).toBe(20404);
      expect((await twilioErrorOf(newChannel(`FO${'0'.repeat(32)}`))).status).toBe(404);
    });
  });
});
