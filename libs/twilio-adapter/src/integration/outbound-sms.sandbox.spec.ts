import { ParticipantConflict, TwilioRequestFailed, TwilioUnavailable } from '@flex-sms/domain';
// Test-only: the adapter is verified against the sandbox over HTTP; production code never imports it.
import { DEMO_NUMBERS } from '@flex-sms/twilio-sandbox';
import { resetWorld, sequentialRoundTrips, startSandboxWorld, type SandboxWorld } from './sandbox-world.test-helpers';

const TWILIO_NUMBER = DEMO_NUMBERS[0];
const CUSTOMER = '+14155550123';

describe('outbound SMS over the official SDK against the sandbox', () => {
  let world: SandboxWorld;

  beforeAll(async () => {
    world = await startSandboxWorld();
  });

  afterAll(() => world.sandbox.close());

  beforeEach(() => resetWorld(world));

  const chatChannel = (sid: string) => world.client.chat.v2.services(world.sandbox.account.chatServiceSid).channels(sid);

  describe('agent-initiated, with a task', () => {
    it('creates the task with the outbound attributes, texts the customer, and lands the reply in the channel', async () => {
      const result = await world.initiateAgentSms.execute({
        fromNumber: TWILIO_NUMBER,
        toNumber: CUSTOMER,
        toName: 'Ada Lovelace',
        initialMessage: 'Hi Ada, it is Flex.',
        taskAttributes: { crmId: 'A-17' },
        caller: 'test',
      });

      const task = await world.client.taskrouter.v1.workspaces(world.sandbox.account.workspaceSid).tasks(result.task!.sid).fetch();
      expect(JSON.parse(task.attributes)).toMatchObject({
        to: CUSTOMER,
        from: TWILIO_NUMBER,
        name: 'Ada Lovelace',
        direction: 'outbound',
        crmId: 'A-17',
      });
      expect(task.assignmentStatus).toBe('pending');

      const thread = await world.controls.handsetThread(CUSTOMER);
      expect(thread).toEqual([expect.objectContaining({ direction: 'received', from: TWILIO_NUMBER, body: 'Hi Ada, it is Flex.' })]);

      expect(await world.completePendingSteps.execute(result.id)).toMatchObject({ completed: ['channel-attributes'] });
      expect(JSON.parse((await chatChannel(result.channel.sid).fetch()).attributes)).toMatchObject({
        status: 'ACTIVE',
        proxySession: result.proxySession!.sid,
      });

      const reply = await world.controls.sendInboundSms({ from: CUSTOMER, to: TWILIO_NUMBER, body: 'Thanks!' });
      expect(reply).toMatchObject({ route: 'proxy-session', sessionSid: result.proxySession!.sid, channelSid: result.channel.sid });
      const messages = await chatChannel(result.channel.sid).messages.list();
      expect(messages.map((message) => message.body)).toEqual(['Hi Ada, it is Flex.', 'Thanks!']);
    });

    it('answers after two sequential Twilio requests, however many sessions the service holds', async () => {
      await world.controls.seedProxySessions({ count: 3000 });
      await world.deps.flexFlowDirectory.list();
      // Latency makes requests sent together overlap in the sandbox's log, as they would at Twilio.
      await world.controls.setFaults({ latencyMs: 40 });
      await world.controls.clearRequests();

      await world.initiateAgentSms.execute({ fromNumber: TWILIO_NUMBER, toNumber: CUSTOMER, toName: 'Ada', caller: 'test' });

      const { requests } = await world.controls.requests();
      expect(requests.map((request) => request.endpoint)).toEqual(['POST /flex-api/v1/Channels', 'POST /proxy/v1/Services/:ServiceSid/Sessions']);
      expect(sequentialRoundTrips(requests)).toBe(2);
    });

    it('cancels the task and deletes the channel when Proxy keeps failing', async () => {
      await world.controls.setFaults({ failNext: [{ method: 'POST', path: '/proxy/v1/Services/*/Sessions', count: 10, status: 503, code: 20503 }] });

      const failure = await world.initiateAgentSms
        .execute({ fromNumber: TWILIO_NUMBER, toNumber: CUSTOMER, toName: 'Ada', caller: 'test' })
        .catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(TwilioUnavailable);
      const [entry] = world.journal.all();
      expect(entry.status).toBe('rolled_back');
      const taskSid = entry.steps.find((step) => step.name === 'channel')!.sids.taskSid;
      const task = await world.client.taskrouter.v1.workspaces(world.sandbox.account.workspaceSid).tasks(taskSid).fetch();
      expect(task.assignmentStatus).toBe('canceled');
      await expect(chatChannel(entry.steps.find((step) => step.name === 'channel')!.sids.channelSid).fetch()).rejects.toMatchObject({ status: 404 });
      expect(await world.controls.handsetThread(CUSTOMER)).toEqual([]);
    });

    it('reports a live Studio conversation holding the customer as a ParticipantConflict, and undoes its own task and channel', async () => {
      const inbound = await world.controls.sendInboundSms({ from: CUSTOMER, to: TWILIO_NUMBER, body: 'Hello?' });
      expect(inbound.route).toBe('flex-flow');

      const failure = await world.initiateAgentSms
        .execute({ fromNumber: TWILIO_NUMBER, toNumber: CUSTOMER, toName: 'Ada', caller: 'test' })
        .catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(ParticipantConflict);
      const [entry] = world.journal.all();
      expect(entry.undone.map((undone) => [undone.action, undone.ok])).toEqual([
        ['cancel-task', true],
        ['remove-channel', true],
      ]);
      const stillThere = await world.client.proxy.v1.services(world.sandbox.account.proxyServiceSid).sessions(inbound.sessionSid!).fetch();
      expect(stillThere.status).not.toBe('closed');
    });
  });

  describe('fire-and-forget, through the Studio flow', () => {
    it('texts the customer with no task, ties the session into the channel attributes', async () => {
      const tasksBefore = await world.client.taskrouter.v1.workspaces(world.sandbox.account.workspaceSid).tasks.list();

      const result = await world.sendSystemSms.execute({
        fromNumber: TWILIO_NUMBER,
        toNumber: CUSTOMER,
        toName: 'Ada',
        messageBody: 'Your order shipped.',
        caller: 'test',
      });

      expect(result.task).toBeUndefined();
      expect(result.flexFlow?.integrationType).toBe('studio');
      expect(await world.client.taskrouter.v1.workspaces(world.sandbox.account.workspaceSid).tasks.list()).toHaveLength(tasksBefore.length);
      expect(await world.controls.handsetThread(CUSTOMER)).toEqual([expect.objectContaining({ direction: 'received', body: 'Your order shipped.' })]);
      expect(JSON.parse((await chatChannel(result.channel.sid).fetch()).attributes)).toMatchObject({ proxySession: result.proxySession!.sid });
    });

    it('answers after three sequential Twilio requests with thousands of sessions seeded', async () => {
      await world.controls.seedProxySessions({ count: 3000 });
      await world.deps.flexFlowDirectory.list();
      await world.controls.setFaults({ latencyMs: 40 });
      await world.controls.clearRequests();

      await world.sendSystemSms.execute({ fromNumber: TWILIO_NUMBER, toNumber: CUSTOMER, toName: 'Ada', messageBody: 'Hi', caller: 'test' });

      const { requests } = await world.controls.requests();
      expect(requests.map((request) => request.endpoint).sort()).toEqual([
        'GET /chat/v2/Services/:ServiceSid/Channels/:Sid',
        'POST /chat/v2/Services/:ServiceSid/Channels/:ChannelSid/Messages',
        'POST /chat/v2/Services/:ServiceSid/Channels/:Sid',
        'POST /flex-api/v1/Channels',
        'POST /proxy/v1/Services/:ServiceSid/Sessions',
      ]);
      expect(sequentialRoundTrips(requests)).toBe(3);
      expect(requests.some((request) => request.method === 'GET' && request.endpoint.endsWith('/Sessions'))).toBe(false);
    });

    it('reuses the channel and session on a second message', async () => {
      const first = await world.sendSystemSms.execute({
        fromNumber: TWILIO_NUMBER,
        toNumber: CUSTOMER,
        toName: 'Ada',
        messageBody: 'One',
        caller: 'test',
      });
      const second = await world.sendSystemSms.execute({
        fromNumber: TWILIO_NUMBER,
        toNumber: CUSTOMER,
        toName: 'Ada',
        messageBody: 'Two',
        caller: 'test',
      });

      expect(second.reused).toEqual({ channel: true, session: true });
      expect(second.proxySession!.sid).toBe(first.proxySession!.sid);
      expect((await world.controls.handsetThread(CUSTOMER)).map((sms) => sms.body)).toEqual(['One', 'Two']);
    });

    it('removes the session and channel it made when the message is refused', async () => {
      await world.controls.setFaults({
        failNext: [{ method: 'POST', path: '/chat/v2/Services/*/Channels/*/Messages', count: 1, status: 400, code: 50301, message: 'refused' }],
      });

      await expect(
        world.sendSystemSms.execute({ fromNumber: TWILIO_NUMBER, toNumber: CUSTOMER, toName: 'Ada', messageBody: 'Hi', caller: 'test' }),
      ).rejects.toBeInstanceOf(TwilioRequestFailed);

      const [entry] = world.journal.all();
      expect(entry.status).toBe('rolled_back');
      expect(entry.undone.map((undone) => undone.action)).toEqual(['remove-proxy-session', 'remove-channel']);
      const sessionSid = entry.steps.find((step) => step.name === 'proxy-session')!.sids.sessionSid;
      await expect(world.client.proxy.v1.services(world.sandbox.account.proxyServiceSid).sessions(sessionSid).fetch()).rejects.toMatchObject({
        status: 404,
      });
    });

    it("honours a 429's Retry-After before repeating the request", async () => {
      await world.controls.setFaults({
        failNext: [{ method: 'POST', path: '/flex-api/v1/Channels', count: 1, status: 429, code: 20429, retryAfterSeconds: 1 }],
      });

      await world.sendSystemSms.execute({ fromNumber: TWILIO_NUMBER, toNumber: CUSTOMER, toName: 'Ada', messageBody: 'Hi', caller: 'test' });

      const channelCreates = (await world.controls.requests()).requests.filter((request) => request.endpoint === 'POST /flex-api/v1/Channels');
      expect(channelCreates.map((request) => request.status)).toEqual([429, 201]);
      expect(channelCreates[1].startedAt - channelCreates[0].finishedAt!).toBeGreaterThanOrEqual(990);
    });
  });
});
