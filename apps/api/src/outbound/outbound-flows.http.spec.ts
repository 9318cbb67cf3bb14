import { MODE_EXPECTATIONS } from './outbound-mode.test-helpers';
import { OTHER_TWILIO_NUMBER, OUTBOUND_MODES, OutboundTestApp, TWILIO_NUMBER, createOutboundTestApp, twilioResources } from './outbound.test-helpers';

const SOURCE_CHANNEL = `CH${'1'.repeat(32)}`;
const TARGET_WORKER = `WK${'2'.repeat(32)}`;

/**
 * Each test talks to its own customer, and the sandbox is not reset between tests: a reset sandbox hands out the
 * same SIDs again, which the API's journal (rightly) remembers from earlier tests.
 */
let customerSequence = 0;
const nextCustomer = () => `+1415555${String(++customerSequence).padStart(4, '0')}`;
let CUSTOMER: string;

describe.each(OUTBOUND_MODES)('outbound SMS over HTTP against the sandbox (OUTBOUND_MODE=%s)', (mode) => {
  const expected = MODE_EXPECTATIONS[mode];
  let api: OutboundTestApp;

  beforeAll(async () => {
    api = await createOutboundTestApp({ env: { OUTBOUND_MODE: mode } });
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    CUSTOMER = nextCustomer();
    await api.controls.clearFaults();
    await api.controls.clearRequests();
  });

  const task = (body: Record<string, unknown> = {}) =>
    api.http.post('/api/v1/outbound/task').send({ fromNumber: TWILIO_NUMBER, toNumber: CUSTOMER, toName: 'Ada Lovelace', ...body });
  const message = (body: Record<string, unknown> = {}) =>
    api.http
      .post('/api/v1/outbound/message')
      .send({ fromNumber: TWILIO_NUMBER, toNumber: CUSTOMER, toName: 'Ada Lovelace', messageBody: 'Your order shipped.', ...body });

  describe('POST /api/v1/outbound/task', () => {
    it('creates the task with the outbound attributes, texts the customer, and lands the reply in the conversation', async () => {
      const response = await task({
        initialMessage: 'Hi Ada, it is Grace.',
        sourceChatChannelSid: SOURCE_CHANNEL,
        targetWorkerSid: TARGET_WORKER,
        taskAttributes: { crmId: 'A-17', to: 'ignored' },
      }).expect(201);

      expect(response.body).toMatchObject({
        id: expect.stringMatching(/^req_/),
        status: 'succeeded',
        flexFlow: { integrationType: 'task', sid: expect.stringMatching(/^FO/) },
        channel: { sid: expect.stringMatching(/^CH/), identity: CUSTOMER },
        task: { sid: expect.stringMatching(/^WT/), workspaceSid: api.sandbox.account.workspaceSid },
        message: { body: 'Hi Ada, it is Grace.' },
        ...expected.agentAnswer(api),
      });
      const { channel, proxySession, task: createdTask } = response.body;

      const twilioTask = await api.twilio.taskrouter.v1.workspaces(api.sandbox.account.workspaceSid).tasks(createdTask.sid).fetch();
      expect(JSON.parse(twilioTask.attributes)).toMatchObject({
        to: CUSTOMER,
        from: TWILIO_NUMBER,
        name: 'Ada Lovelace',
        direction: 'outbound',
        crmId: 'A-17',
        sourceChatChannelSid: SOURCE_CHANNEL,
        targetWorkerSid: TARGET_WORKER,
      });
      expect(await api.controls.handsetThread(CUSTOMER)).toEqual([
        expect.objectContaining({ direction: 'received', from: TWILIO_NUMBER, body: 'Hi Ada, it is Grace.' }),
      ]);

      await api.followUpsIdle();
      await api.controls.sendInboundSms({ from: CUSTOMER, to: TWILIO_NUMBER, body: 'Sure, call me.' });
      expect(await expected.transcript(api, response.body)).toEqual(['Hi Ada, it is Grace.', 'Sure, call me.']);

      if (mode === 'chat-proxy') {
        const entry = (await api.http.get(`/api/v1/outbound/${response.body.id}`).expect(200)).body;
        expect(entry.pendingSteps).toEqual([expect.objectContaining({ name: 'channel-attributes', status: 'done', attempts: 1 })]);
        const view = (await api.http.get(`/api/v1/channels/${channel.sid}`).expect(200)).body;
        expect(view.channel.attributes).toMatchObject({ proxySession: proxySession.sid });
      } else {
        expect(JSON.parse(twilioTask.attributes)).toMatchObject({
          conversationSid: response.body.conversation.sid,
          flexInteractionSid: response.body.interaction.sid,
        });
        expect(channel.sid).toBe(response.body.conversation.sid);
      }
    });

    if (mode === 'chat-proxy') {
      it('reuses the channel, session and task on a second call', async () => {
        const first = (await task().expect(201)).body;
        await api.followUpsIdle();
        const second = (await task({ initialMessage: 'Following up' }).expect(201)).body;

        expect(second.reused).toEqual({ channel: true, session: true });
        expect(second).toMatchObject({
          channel: { sid: first.channel.sid },
          proxySession: { sid: first.proxySession.sid },
          task: { sid: first.task.sid },
        });
        const sessionsOfCustomer = (await api.http.get(`/api/v1/proxy/sessions/${first.proxySession.sid}/participants`).expect(200)).body
          .participants;
        expect(sessionsOfCustomer).toContainEqual(expect.objectContaining({ identifier: CUSTOMER, proxyIdentifier: TWILIO_NUMBER }));
      });

      it('serialises 50 concurrent requests for one pair into 1 channel, 1 session and 1 task', async () => {
        const before = await twilioResources(api);
        const responses = await Promise.all(Array.from({ length: 50 }, () => task()));

        expect(responses.map((response) => response.status)).toEqual(Array(50).fill(201));
        const channels = new Set(responses.map((response) => response.body.channel.sid));
        const sessions = new Set(responses.map((response) => response.body.proxySession.sid));
        const tasks = new Set(responses.map((response) => response.body.task.sid));
        expect([channels.size, sessions.size, tasks.size]).toEqual([1, 1, 1]);
        const after = await twilioResources(api);
        expect(after.channels.length - before.channels.length).toBe(1);
        expect(after.openSessions.length - before.openSessions.length).toBe(1);
        expect(after.liveTasks.length - before.liveTasks.length).toBe(1);
        await api.followUpsIdle();
      });
    } else {
      it('answers 409 naming the open task on a second call, and puts a new task on the same conversation once it has ended', async () => {
        const first = (await task().expect(201)).body;

        const refused = await task({ initialMessage: 'Following up' }).expect(409);
        expect(refused.body.error).toMatchObject({
          code: 'CONVERSATION_CONFLICT',
          context: {
            customerNumber: CUSTOMER,
            proxyNumber: TWILIO_NUMBER,
            conversationSid: first.conversation.sid,
            taskSid: first.task.sid,
            taskStatus: 'pending',
          },
        });

        await api.twilio.taskrouter.v1.workspaces(api.sandbox.account.workspaceSid).tasks(first.task.sid).update({ assignmentStatus: 'canceled' });
        const second = (await task({ initialMessage: 'Following up' }).expect(201)).body;
        expect(second).toMatchObject({ reused: { conversation: true }, conversation: { sid: first.conversation.sid } });
        expect(second.task.sid).not.toBe(first.task.sid);
        expect(await expected.transcript(api, second)).toEqual(['Following up']);
      });

      it('serialises 50 concurrent requests for one pair into 1 conversation and 1 task; the others are told which task holds the customer', async () => {
        const before = await twilioResources(api);
        const responses = await Promise.all(Array.from({ length: 50 }, () => task()));

        expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
        const refused = responses.filter((response) => response.status === 409);
        expect(refused).toHaveLength(49);
        const [created] = responses.filter((response) => response.status === 201).map((response) => response.body);
        expect(new Set(refused.map((response) => response.body.error.context.taskSid))).toEqual(new Set([created.task.sid]));
        const after = await twilioResources(api);
        expect(after.conversations.length - before.conversations.length).toBe(1);
        expect(after.liveTasks.length - before.liveTasks.length).toBe(1);
      });
    }
  });

  describe('POST /api/v1/outbound/message', () => {
    it('texts the customer through the Studio flow with no task, and the reply lands in the conversation', async () => {
      const tasksBefore = (await twilioResources(api)).liveTasks;
      const response = await message().expect(201);

      expect(response.body).toMatchObject({
        status: 'succeeded',
        flexFlow: { integrationType: 'studio' },
        message: { body: 'Your order shipped.' },
        pendingSteps: [],
        ...expected.systemAnswer,
      });
      expect(response.body.task).toBeUndefined();
      expect((await twilioResources(api)).liveTasks).toEqual(tasksBefore);
      expect(await api.controls.handsetThread(CUSTOMER)).toEqual([expect.objectContaining({ direction: 'received', body: 'Your order shipped.' })]);
      if (mode === 'chat-proxy') {
        const view = (await api.http.get(`/api/v1/channels/${response.body.channel.sid}`).expect(200)).body;
        expect(view.channel.attributes).toMatchObject({ proxySession: response.body.proxySession.sid });
      } else {
        const reply = await api.controls.sendInboundSms({ from: CUSTOMER, to: TWILIO_NUMBER, body: 'Thanks' });
        // The conversation's Studio webhook hands the reply to the number's Studio flow, as inbound SMS in Flex.
        expect(reply).toMatchObject({ conversationSid: response.body.conversation.sid, executionSid: expect.stringMatching(/^FN/) });
        expect(await expected.transcript(api, response.body)).toEqual(['Your order shipped.', 'Thanks']);
      }
    });

    it('reuses the conversation for a second message', async () => {
      const first = (await message({ messageBody: 'One' }).expect(201)).body;
      const second = (await message({ messageBody: 'Two' }).expect(201)).body;
      expect(second.reused).toMatchObject({ channel: true });
      expect(second.channel.sid).toBe(first.channel.sid);
      if (mode === 'chat-proxy') expect(second.proxySession.sid).toBe(first.proxySession.sid);
      expect((await api.controls.handsetThread(CUSTOMER)).map((sms) => sms.body)).toEqual(['One', 'Two']);
      expect(await expected.transcript(api, second)).toEqual(['One', 'Two']);
    });
  });

  describe('history', () => {
    it('lists requests newest first with filters, and shows one with its steps', async () => {
      const agent = (await task().expect(201)).body;
      const otherCustomer = nextCustomer();
      const system = (await message({ toNumber: otherCustomer, fromNumber: OTHER_TWILIO_NUMBER }).expect(201)).body;
      await api.http
        .post('/api/v1/outbound/message')
        .send({ fromNumber: '+15550100009', toNumber: CUSTOMER, toName: 'Ada', messageBody: 'x' })
        .expect(422);

      const all = (await api.http.get('/api/v1/outbound').query({ pageSize: 100 }).expect(200)).body;
      const ids = all.items.map((item: { id: string }) => item.id);
      expect(ids.indexOf(system.id)).toBeLessThan(ids.indexOf(agent.id));
      expect(all.items[0]).not.toHaveProperty('steps');

      const byNumber = (await api.http.get(`/api/v1/outbound?number=${otherCustomer}`).expect(200)).body;
      expect(byNumber.items.map((item: { id: string }) => item.id)).toEqual([system.id]);
      const failed = (await api.http.get('/api/v1/outbound').query({ status: 'failed', kind: 'system_sms', pageSize: 100 }).expect(200)).body;
      expect(failed.items[0]).toMatchObject({ fromNumber: '+15550100009', error: { code: 'FLEX_FLOW_NOT_FOUND' } });
      const future = (await api.http.get('/api/v1/outbound').query({ since: '2999-01-01T00:00:00Z' }).expect(200)).body;
      expect(future).toEqual({ items: [], page: 1, pageSize: 20, total: 0 });

      await api.followUpsIdle();
      const entry = (await api.http.get(`/api/v1/outbound/${agent.id}`).expect(200)).body;
      expect(entry.steps.map((step: { name: string; outcome: string }) => `${step.name}:${step.outcome}`)).toEqual(expected.agentSteps);
      expect(entry.result).toMatchObject({ id: agent.id, task: { sid: agent.task.sid } });

      const missing = await api.http.get('/api/v1/outbound/req_missing').expect(404);
      expect(missing.body.error).toMatchObject({ code: 'OUTBOUND_REQUEST_NOT_FOUND' });
      const invalid = await api.http.get('/api/v1/outbound').query({ status: 'lost', pageSize: 1000, number: '555' }).expect(400);
      expect(invalid.body.error.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['number', 'pageSize', 'status']);
    });
  });

  // The drop-in paths answer the original Functions' Chat + Proxy shapes: chat-proxy mode only.
  (mode === 'chat-proxy' ? describe : describe.skip)("the original Functions' paths", () => {
    it('flex-initiate-outbound-sms-task takes a form body and answers chatChannel (with identity), proxySession and chatMessage', async () => {
      const response = await api.http
        .post('/flex-initiate-outbound-sms-task')
        .type('form')
        .send({
          fromNumber: TWILIO_NUMBER,
          toName: 'Ada',
          toNumber: CUSTOMER,
          sourceChatChannelSid: '',
          targetWorkerSid: TARGET_WORKER,
          initialNotificationMessage: 'Hello from Flex',
        })
        .expect(200);

      expect(response.body).toEqual({
        chatChannel: expect.objectContaining({
          identity: CUSTOMER,
          sid: expect.stringMatching(/^CH/),
          taskSid: expect.stringMatching(/^WT/),
          flexFlowSid: expect.stringMatching(/^FO/),
          accountSid: api.sandbox.account.accountSid,
        }),
        proxySession: expect.objectContaining({
          sid: expect.stringMatching(/^KC/),
          uniqueName: response.body.chatChannel.sid,
          serviceSid: api.sandbox.account.proxyServiceSid,
        }),
        chatMessage: expect.objectContaining({
          sid: expect.stringMatching(/^IM/),
          body: 'Hello from Flex',
          channelSid: response.body.chatChannel.sid,
        }),
      });
      const twilioTask = await api.twilio.taskrouter.v1.workspaces(api.sandbox.account.workspaceSid).tasks(response.body.chatChannel.taskSid).fetch();
      expect(JSON.parse(twilioTask.attributes)).toMatchObject({ targetWorkerSid: TARGET_WORKER });
      expect(JSON.parse(twilioTask.attributes)).not.toHaveProperty('sourceChatChannelSid');
      await api.followUpsIdle();
    });

    it('flex-initiate-outbound-sms takes JSON or a form body', async () => {
      const json = await api.http
        .post('/flex-initiate-outbound-sms')
        .send({ fromNumber: TWILIO_NUMBER, toName: 'Ada', toNumber: CUSTOMER, messageBody: 'One' })
        .expect(200);
      const form = await api.http
        .post('/flex-initiate-outbound-sms')
        .type('form')
        .send(`fromNumber=${encodeURIComponent(TWILIO_NUMBER)}&toName=Ada&toNumber=${encodeURIComponent(CUSTOMER)}&messageBody=Two`)
        .expect(200);
      expect(json.body.chatMessage.body).toBe('One');
      expect(form.body.proxySession.sid).toBe(json.body.proxySession.sid);
      expect((await api.controls.handsetThread(CUSTOMER)).map((sms) => sms.body)).toEqual(['One', 'Two']);
    });

    it('validates the original body names, every error at once, in the one error shape', async () => {
      const response = await api.http
        .post('/flex-initiate-outbound-sms-task')
        .type('form')
        .send({ fromNumber: 'x', toNumber: CUSTOMER, workerClient: 'y' })
        .expect(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(response.body.error.details.map((detail: { field: string }) => detail.field).sort()).toEqual([
        'fromNumber',
        'toName',
        'toName',
        'toName',
        'workerClient',
      ]);
    });

    it('needs the API key like every other route', async () => {
      await api.anonymous
        .post('/flex-initiate-outbound-sms')
        .send({ fromNumber: TWILIO_NUMBER, toName: 'Ada', toNumber: CUSTOMER, messageBody: 'x' })
        .expect(401);
    });
  });
});
