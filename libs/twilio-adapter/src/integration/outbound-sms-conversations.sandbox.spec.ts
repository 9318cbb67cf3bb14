import { ConversationConflict, TwilioRequestFailed } from '@flex-sms/domain';
// Test-only: the adapter is verified against the sandbox over HTTP; production code never imports it.
import { DEMO_NUMBERS } from '@flex-sms/twilio-sandbox';
import { resetWorld, sequentialRoundTrips, startSandboxWorld, type SandboxWorld } from './sandbox-world.test-helpers';

const TWILIO_NUMBER = DEMO_NUMBERS[0];
const CUSTOMER = '+14155550123';
const command = { fromNumber: TWILIO_NUMBER, toNumber: CUSTOMER, toName: 'Ada Lovelace', caller: 'grace' };

describe('outbound SMS in Flex Conversations mode, over the official SDK against the sandbox', () => {
  let world: SandboxWorld;

  beforeAll(async () => {
    world = await startSandboxWorld();
  });

  afterAll(() => world.sandbox.close());

  beforeEach(() => resetWorld(world, { defaultMode: 'conversations', conversationsNumbers: [] }));

  const conversation = (sid: string) => world.client.conversations.v1.conversations(sid);
  const tasks = () => world.client.taskrouter.v1.workspaces(world.sandbox.account.workspaceSid).tasks;

  it('agent flow: the Interaction makes the conversation and the task Flex routes; the first message reaches the handset, the reply the conversation', async () => {
    await world.deps.flexFlowDirectory.list();
    // Latency makes requests sent together overlap in the sandbox's log, as they would at Twilio.
    await world.controls.setFaults({ latencyMs: 40 });
    await world.controls.clearRequests();

    const result = await world.initiateAgentSms.execute({ ...command, initialMessage: 'Hi Ada, it is Grace.', taskAttributes: { crmId: 'A-17' } });

    expect(result).toMatchObject({
      mode: 'conversations',
      interaction: { sid: expect.stringMatching(/^KD/), channelSid: expect.stringMatching(/^UO/) },
      conversation: { sid: expect.stringMatching(/^CH/) },
    });
    const { requests } = await world.controls.requests();
    expect(requests.map((request) => request.endpoint).sort()).toEqual([
      'GET /conversations/v1/Conversations/:Sid',
      'POST /conversations/v1/Conversations/:ConversationSid/Messages',
      'POST /flex-api/v1/Interactions',
    ]);
    expect(sequentialRoundTrips(requests)).toBe(2);
    await world.controls.clearFaults();
    const task = await tasks()(result.task!.sid).fetch();
    expect(task.assignmentStatus).toBe('pending');
    expect(JSON.parse(task.attributes)).toMatchObject({
      crmId: 'A-17',
      to: CUSTOMER,
      direction: 'outbound',
      conversationSid: result.conversation!.sid,
    });
    expect(await world.controls.handsetThread(CUSTOMER)).toEqual([
      expect.objectContaining({ direction: 'received', from: TWILIO_NUMBER, body: 'Hi Ada, it is Grace.' }),
    ]);

    await world.controls.sendInboundSms({ from: CUSTOMER, to: TWILIO_NUMBER, body: 'Thanks!' });
    const messages = await conversation(result.conversation!.sid).messages.list();
    expect(messages.map((message) => [message.author, message.body])).toEqual([
      ['grace', 'Hi Ada, it is Grace.'],
      [CUSTOMER, 'Thanks!'],
    ]);
  });

  it('fire-and-forget: conversation, customer and Studio webhook, message in three round trips; the reply starts the Studio flow', async () => {
    await world.deps.flexFlowDirectory.list();
    await world.controls.setFaults({ latencyMs: 40 });
    await world.controls.clearRequests();

    const result = await world.sendSystemSms.execute({ ...command, messageBody: 'Your order shipped.' });

    expect(sequentialRoundTrips((await world.controls.requests()).requests)).toBe(3);
    await world.controls.clearFaults();

    const sid = result.conversation!.sid;
    const [participant] = await conversation(sid).participants.list();
    expect(participant.messagingBinding).toMatchObject({ address: CUSTOMER, proxy_address: TWILIO_NUMBER });
    const [webhook] = await conversation(sid).webhooks.list();
    expect(webhook).toMatchObject({ target: 'studio', configuration: expect.objectContaining({ flow_sid: world.sandbox.account.studioFlowSid }) });
    expect(await world.controls.handsetThread(CUSTOMER)).toEqual([expect.objectContaining({ body: 'Your order shipped.' })]);
    const reply = await world.controls.sendInboundSms({ from: CUSTOMER, to: TWILIO_NUMBER, body: 'Where is it?' });
    expect(reply).toMatchObject({ conversationSid: sid, executionSid: expect.stringMatching(/^FN/) });
  });

  it('reuses the customer’s conversation once no task holds it, and names the task while one does', async () => {
    const first = await world.initiateAgentSms.execute(command);

    const conflict = await world.sendSystemSms.execute({ ...command, messageBody: 'Hello' }).catch((error: unknown) => error);
    expect(conflict).toBeInstanceOf(ConversationConflict);
    expect((conflict as ConversationConflict).details).toMatchObject({ conversationSid: first.conversation!.sid, taskSid: first.task!.sid });
    expect(await world.client.conversations.v1.conversations.list()).toHaveLength(1);

    await tasks()(first.task!.sid).update({ assignmentStatus: 'canceled' });
    const second = await world.sendSystemSms.execute({ ...command, messageBody: 'Hello' });
    expect(second).toMatchObject({ reused: { conversation: true }, conversation: { sid: first.conversation!.sid } });
    expect(await world.client.conversations.v1.conversations.list()).toHaveLength(1);
  });

  it('rolls back the task and the conversation when the first message is refused', async () => {
    await world.controls.setFaults({
      failNext: [{ method: 'POST', path: '/conversations/v1/Conversations/*/Messages', count: 1, status: 400, code: 21617 }],
    });

    await expect(world.initiateAgentSms.execute({ ...command, initialMessage: 'Hello' })).rejects.toBeInstanceOf(TwilioRequestFailed);

    expect(await world.client.conversations.v1.conversations.list()).toHaveLength(0);
    const live = (await tasks().list()).filter((task) => !['canceled', 'completed'].includes(task.assignmentStatus));
    expect(live).toEqual([]);
    expect(world.journal.all()[0]).toMatchObject({ status: 'rolled_back' });
  });
});
