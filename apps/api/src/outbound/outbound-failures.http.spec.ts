import { FlexFlowDirectory } from '@flex-sms/domain';
import {
  OUTBOUND_VARIANTS,
  OutboundTestApp,
  channelFields,
  createOutboundTestApp,
  customerWroteFirst,
  twilioResources,
} from './outbound.test-helpers';

const SESSIONS = '/proxy/v1/Services/*/Sessions';
const FLEX_CHANNELS = '/flex-api/v1/Channels';
const MESSAGES = '/chat/v2/Services/*/Channels/*/Messages';
const CHANNEL = '/chat/v2/Services/*/Channels/*';
const INTERACTIONS = '/flex-api/v1/Interactions';
const CONVERSATIONS = '/conversations/v1/Conversations';
const PARTICIPANTS = '/conversations/v1/Conversations/*/Participants';
const WEBHOOKS = '/conversations/v1/Conversations/*/Webhooks';
const CONVERSATION_MESSAGES = '/conversations/v1/Conversations/*/Messages';

interface RollbackCase {
  flow: 'task' | 'message';
  step: string;
  method: string;
  path: string;
  status: 'failed' | 'rolled_back';
  undone: readonly string[];
  smsSent?: boolean;
}

/** Per mode: a failure at each Twilio step, and what the request must undo; the requests the retry tests aim at. */
const MODE_CASES = {
  'chat-proxy': {
    rollback: [
      { flow: 'task', step: 'channel', method: 'POST', path: FLEX_CHANNELS, status: 'failed', undone: [] },
      { flow: 'task', step: 'proxy-session', method: 'POST', path: SESSIONS, status: 'rolled_back', undone: ['cancel-task', 'remove-channel'] },
      {
        flow: 'task',
        step: 'message',
        method: 'POST',
        path: MESSAGES,
        status: 'rolled_back',
        undone: ['cancel-task', 'remove-proxy-session', 'remove-channel'],
      },
      { flow: 'message', step: 'channel', method: 'POST', path: FLEX_CHANNELS, status: 'failed', undone: [] },
      { flow: 'message', step: 'proxy-session', method: 'POST', path: SESSIONS, status: 'rolled_back', undone: ['remove-channel'] },
      // The message goes out beside the attribute write (one round trip saved); an SMS already relayed cannot be unsent.
      {
        flow: 'message',
        step: 'channel-attributes',
        method: 'POST',
        path: CHANNEL,
        status: 'rolled_back',
        undone: ['remove-proxy-session', 'remove-channel'],
        smsSent: true,
      },
      { flow: 'message', step: 'message', method: 'POST', path: MESSAGES, status: 'rolled_back', undone: ['remove-proxy-session', 'remove-channel'] },
    ] as RollbackCase[],
    /** Safe to repeat (looked up first), second on the system flow's critical path. */
    repeatable: { path: SESSIONS, endpoint: 'POST /proxy/v1/Services/:ServiceSid/Sessions' },
    /** The system flow's first create. */
    firstCreate: { path: FLEX_CHANNELS, endpoint: 'POST /flex-api/v1/Channels' },
  },
  conversations: {
    rollback: [
      { flow: 'task', step: 'interaction', method: 'POST', path: INTERACTIONS, status: 'failed', undone: [] },
      {
        flow: 'task',
        step: 'message',
        method: 'POST',
        path: CONVERSATION_MESSAGES,
        status: 'rolled_back',
        undone: ['cancel-task', 'close-interaction-channel', 'remove-conversation'],
      },
      { flow: 'message', step: 'conversation', method: 'POST', path: CONVERSATIONS, status: 'failed', undone: [] },
      {
        flow: 'message',
        step: 'conversation-participant',
        method: 'POST',
        path: PARTICIPANTS,
        status: 'rolled_back',
        undone: ['remove-conversation'],
      },
      { flow: 'message', step: 'conversation-webhook', method: 'POST', path: WEBHOOKS, status: 'rolled_back', undone: ['remove-conversation'] },
      { flow: 'message', step: 'message', method: 'POST', path: CONVERSATION_MESSAGES, status: 'rolled_back', undone: ['remove-conversation'] },
    ] as RollbackCase[],
    repeatable: { path: PARTICIPANTS, endpoint: 'POST /conversations/v1/Conversations/:ConversationSid/Participants' },
    firstCreate: { path: CONVERSATIONS, endpoint: 'POST /conversations/v1/Conversations' },
  },
} as const;

/** Each test talks to its own customer: SIDs and journal entries never mix between tests. */
let customerSequence = 100;
const nextCustomer = () => `+1415555${String(++customerSequence).padStart(4, '0')}`;

describe.each(OUTBOUND_VARIANTS)('outbound failures over HTTP (OUTBOUND_MODE=$mode, channel $channel): conflicts, rollback, retries', (variant) => {
  const { mode, fromNumber } = variant;
  const cases = MODE_CASES[mode];
  const sms = variant.channel === 'sms';
  let api: OutboundTestApp;
  let customer: string;

  beforeAll(async () => {
    api = await createOutboundTestApp({ env: { OUTBOUND_MODE: mode } });
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    customer = nextCustomer();
    await api.controls.clearFaults();
    await customerWroteFirst(api, variant, customer);
    await api.controls.clearRequests();
  });

  const task = (body: Record<string, unknown> = {}) =>
    api.http.post('/api/v1/outbound/task').send({ fromNumber, toNumber: customer, toName: 'Ada', ...channelFields(variant), ...body });
  const message = (body: Record<string, unknown> = {}) =>
    api.http
      .post('/api/v1/outbound/message')
      .send({ fromNumber, toNumber: customer, toName: 'Ada', messageBody: 'Hello', ...channelFields(variant), ...body });
  const journalEntry = async (id: string) => (await api.http.get(`/api/v1/outbound/${id}`).expect(200)).body;
  const latestEntry = async () => {
    const page = (await api.http.get('/api/v1/outbound').query({ number: customer }).expect(200)).body;
    return journalEntry(page.items[0].id);
  };
  const failNext = (method: string, path: string, status = 400, code = 20001, count = 1) =>
    api.controls.setFaults({ failNext: [{ method, path, count, status, code, message: 'injected' }] });

  // Programmable Chat + Proxy: the customer's pair in another live Proxy Session.
  (mode === 'chat-proxy' ? describe : describe.skip)('participant conflicts', () => {
    it('answers 409 naming the live Studio conversation that holds the customer, and leaves nothing of its own behind', async () => {
      const inbound = await api.controls.sendInboundSms({ from: customer, to: fromNumber, body: 'Hello?' });
      expect(inbound.route).toBe('flex-flow');
      const before = await twilioResources(api);

      const response = await task().expect(409);

      expect(response.body.error).toMatchObject({
        code: 'PARTICIPANT_CONFLICT',
        message: expect.stringContaining(customer),
        context: {
          customerNumber: customer,
          proxyNumber: fromNumber,
          conflictingSessionSid: inbound.sessionSid,
          conflictingChannelSid: inbound.channelSid,
        },
      });
      expect(await twilioResources(api)).toEqual(before);
      const entry = await latestEntry();
      expect(entry).toMatchObject({ status: 'rolled_back', error: { code: 'PARTICIPANT_CONFLICT' } });
      expect(entry.undone.map((undone: { action: string; ok: boolean }) => [undone.action, undone.ok])).toEqual([
        ['cancel-task', true],
        ['remove-channel', true],
      ]);
    });

    it('answers 409 naming the agent task when a system SMS meets a live agent conversation', async () => {
      const agent = (await task().expect(201)).body;
      await api.followUpsIdle();

      const response = await message().expect(409);

      expect(response.body.error).toMatchObject({
        code: 'PARTICIPANT_CONFLICT',
        context: { conflictingSessionSid: agent.proxySession.sid, conflictingChannelSid: agent.channel.sid, conflictingTaskSid: agent.task.sid },
      });
      expect(await twilioResources(api)).toMatchObject({ openSessions: expect.arrayContaining([agent.proxySession.sid]) });
    });

    it('closes a stale session whose conversation has ended (channel INACTIVE), and goes ahead', async () => {
      const inbound = await api.controls.sendInboundSms({ from: customer, to: fromNumber, body: 'Hello?' });
      // What Flex leaves when an agent ends a chat whose session outlived it: the channel marked INACTIVE.
      const channel = api.twilio.chat.v2.services(api.sandbox.account.chatServiceSid).channels(inbound.channelSid!);
      await channel.update({ attributes: JSON.stringify({ ...JSON.parse((await channel.fetch()).attributes), status: 'INACTIVE' }) });

      const response = await task().expect(201);

      const entry = await journalEntry(response.body.id);
      expect(entry.steps).toContainEqual(
        expect.objectContaining({ name: 'stale-session', outcome: 'closed', sids: expect.objectContaining({ sessionSid: inbound.sessionSid }) }),
      );
      const stale = await api.twilio.proxy.v1.services(api.sandbox.account.proxyServiceSid).sessions(inbound.sessionSid!).fetch();
      expect(stale.status).toBe('closed');
      await api.followUpsIdle();
    });
  });

  // Conversations: the customer's pair bound in another conversation (Twilio 50416).
  (mode === 'conversations' ? describe : describe.skip)('conversation conflicts', () => {
    it('answers 409 naming the agent task when a system SMS meets the customer’s conversation, and leaves no conversation of its own', async () => {
      const agent = (await task().expect(201)).body;
      const before = await twilioResources(api);

      const response = await message().expect(409);

      expect(response.body.error).toMatchObject({
        code: 'CONVERSATION_CONFLICT',
        message: expect.stringContaining(agent.task.sid),
        context: { customerNumber: customer, proxyNumber: fromNumber, conversationSid: agent.conversation.sid, taskSid: agent.task.sid },
      });
      expect(await twilioResources(api)).toEqual(before);
      const entry = await latestEntry();
      expect(entry).toMatchObject({ status: 'failed', error: { code: 'CONVERSATION_CONFLICT' } });
      expect(entry.steps.filter((step: { name: string }) => step.name === 'conversation').map((step: { outcome: string }) => step.outcome)).toEqual([
        'created',
        'removed',
      ]);
    });

    // The SMS number's Address Configuration is switched on for it; the WhatsApp sender's is on already (the next suite).
    (sms ? it : it.skip)('puts the agent’s interaction on the customer’s inbound conversation while no task holds it', async () => {
      const [address] = (await api.twilio.conversations.v1.addressConfigurations.list({ type: 'sms' })).filter(
        (candidate) => candidate.address === fromNumber,
      );
      // AutoCreation on: the number takes inbound SMS as Conversations (a Flex UI 2.x account).
      await api.twilio.conversations.v1.addressConfigurations(address.sid).update({ 'autoCreation.enabled': true });
      try {
        const inbound = await api.controls.sendInboundSms({ from: customer, to: fromNumber, body: 'Hello?' });
        const before = await twilioResources(api);

        const response = await task({ initialMessage: 'Hi, it is Grace.' }).expect(201);

        expect(response.body).toMatchObject({ reused: { conversation: true }, conversation: { sid: inbound.conversationSid } });
        const after = await twilioResources(api);
        expect(after.conversations).toEqual(before.conversations);
        expect(after.liveTasks).toEqual([...before.liveTasks, response.body.task.sid]);
        const transcript = (await api.http.get(`/api/v1/conversations/${inbound.conversationSid}`).expect(200)).body.messages;
        expect(transcript.map((entry: { body: string }) => entry.body)).toEqual(['Hello?', 'Hi, it is Grace.']);
      } finally {
        await api.twilio.conversations.v1.addressConfigurations(address.sid).update({ 'autoCreation.enabled': false });
      }
    });
  });

  describe('rollback after a failure at each step (nothing orphaned in Twilio)', () => {
    it.each(cases.rollback)(
      '$flow flow, $step refused: 502, journal $status, undone $undone',
      async ({ flow, method, path, status, undone, ...rest }) => {
        const before = await twilioResources(api);
        await failNext(method, path);

        const response = await (flow === 'task' ? task({ initialMessage: 'Hi' }) : message()).expect(502);

        expect(response.body.error).toMatchObject({ code: 'TWILIO_REQUEST_FAILED', twilioCode: 20001 });
        expect(JSON.stringify(response.body)).not.toMatch(/\bat \w|RestException/);
        expect(await twilioResources(api)).toEqual(before);
        expect(await api.controls.handsetThread(customer)).toHaveLength(rest.smsSent ? 1 : 0);
        const entry = await latestEntry();
        expect(entry.status).toBe(status);
        expect(entry.undone.map((record: { action: string; ok: boolean }) => `${record.action}:${record.ok}`)).toEqual(
          undone.map((action) => `${action}:true`),
        );
      },
    );

    it('undoes nothing when the Flex Flows cannot be read: 503 with Retry-After, nothing created', async () => {
      api.app.get(FlexFlowDirectory).invalidate();
      const before = await twilioResources(api);
      await failNext('GET', '/flex-api/v1/FlexFlows', 503, 20503, 10);

      const response = await message().expect(503);

      expect(response.headers['retry-after']).toMatch(/^\d+$/);
      expect(response.body.error).toMatchObject({ code: 'TWILIO_UNAVAILABLE', twilioCode: 20503, context: { operation: 'list Flex Flows' } });
      expect(await twilioResources(api)).toEqual(before);
      expect((await latestEntry()).status).toBe('failed');
    });

    (mode === 'chat-proxy' ? it : it.skip)('keeps the answer when the deferred channel attribute write fails, and journals the failure', async () => {
      await failNext('POST', CHANNEL);
      const response = await task().expect(201);
      await api.followUpsIdle();

      const entry = await journalEntry(response.body.id);
      expect(entry.status).toBe('succeeded');
      expect(entry.pendingSteps).toEqual([
        expect.objectContaining({ name: 'channel-attributes', status: 'failed', error: expect.objectContaining({ code: 'TWILIO_REQUEST_FAILED' }) }),
      ]);
    });
  });

  describe('retries', () => {
    it(`absorbs two 503s on ${cases.repeatable.endpoint}`, async () => {
      await failNext('POST', cases.repeatable.path, 503, 20503, 2);
      await message().expect(201);
      const creates = (await api.controls.requests()).requests.filter((request) => request.endpoint === cases.repeatable.endpoint);
      expect(creates.map((request) => request.status)).toEqual([503, 503, 201]);
    });

    it("honours a 429's Retry-After before repeating", async () => {
      await api.controls.setFaults({
        failNext: [{ method: 'POST', path: cases.firstCreate.path, count: 1, status: 429, code: 20429, retryAfterSeconds: 1 }],
      });
      await message().expect(201);
      const creates = (await api.controls.requests()).requests.filter((request) => request.endpoint === cases.firstCreate.endpoint);
      expect(creates.map((request) => request.status)).toEqual([429, 201]);
      expect(creates[1].startedAt - creates[0].finishedAt!).toBeGreaterThanOrEqual(950);
    });

    it('gives up after the retry budget with 503 TWILIO_UNAVAILABLE and Retry-After, undoing what it made', async () => {
      const before = await twilioResources(api);
      await failNext('POST', cases.repeatable.path, 503, 20503, 20);

      const response = await (mode === 'chat-proxy' ? task() : message()).expect(503);

      expect(response.headers['retry-after']).toMatch(/^\d+$/);
      expect(response.body.error).toMatchObject({ code: 'TWILIO_UNAVAILABLE', twilioCode: 20503 });
      expect(await twilioResources(api)).toEqual(before);
    });
  });

  // A WhatsApp sender without Flex Flows is routed by its Address Configuration instead.
  (sms ? describe : describe.skip)('numbers that are not set up', () => {
    it('answers 422 FLEX_FLOW_NOT_FOUND naming the number, the integration type and the fix', async () => {
      const response = await task({ fromNumber: '+15550100009' }).expect(422);
      expect(response.body.error).toMatchObject({
        code: 'FLEX_FLOW_NOT_FOUND',
        message: expect.stringMatching(/IntegrationType=task.*\+15550100009/),
        context: { phoneNumber: '+15550100009', integrationType: 'task', fix: expect.stringContaining('Create an sms Flex Flow') },
      });
    });
  });
});
