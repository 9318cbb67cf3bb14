import { DEMO_CONVERSATIONS_NUMBER } from '@flex-sms/twilio-sandbox';
import { OutboundEvents } from '../events/outbound-events';
import { OutboundTestApp, TWILIO_NUMBER, createOutboundTestApp, twilioResources } from './outbound.test-helpers';

/** The demo account's WhatsApp sender: a Flex Conversations number (Address Configurations, no Flex Flow). */
const SENDER = DEMO_CONVERSATIONS_NUMBER;
const HOUR = 60 * 60 * 1000;

let customerSequence = 700;
const nextCustomer = () => `+1415555${String(++customerSequence).padStart(4, '0')}`;

/**
 * WhatsApp end to end on the sandbox over HTTP, in a deployment with NO mode setting: each number's mode is found from
 * the account (the WhatsApp sender by its Address Configurations, +15550100001 by its Flex Flows).
 */
describe('WhatsApp and Content templates over HTTP (no OUTBOUND_MODE: each number’s mode found from the account)', () => {
  let api: OutboundTestApp;
  let customer: string;
  let templates: { appointmentReminder: string; appointmentConfirmation: string; springOffer: string };

  beforeAll(async () => {
    api = await createOutboundTestApp();
    templates = api.sandbox.account.contentTemplates;
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    customer = nextCustomer();
    await api.controls.clearFaults();
    await api.controls.clearRequests();
  });

  const send = (path: 'task' | 'message', body: Record<string, unknown>) =>
    api.http.post(`/api/v1/outbound/${path}`).send({ fromNumber: SENDER, toNumber: customer, toName: 'Ada Lovelace', channel: 'whatsapp', ...body });
  const template = (path: 'task' | 'message', contentSid: string, contentVariables: Record<string, unknown>) =>
    send(path, { contentSid, contentVariables });
  const freeText = (path: 'task' | 'message', text: string) => send(path, path === 'task' ? { initialMessage: text } : { messageBody: text });

  /** The customer wrote to the sender `agoMs` ago: as the inbound webhook publishes it, and as WhatsApp counts it. */
  async function customerWrote(agoMs: number): Promise<void> {
    const at = new Date(Date.now() - agoMs);
    await api.app
      .get(OutboundEvents)
      .publishInbound({ from: `whatsapp:${customer}`, to: `whatsapp:${SENDER}`, body: 'Hi', channel: 'whatsapp', receivedAt: at });
    await api.controls.setWhatsAppWindow(customer, { sender: `whatsapp:${SENDER}`, lastCustomerMessageAt: at.toISOString() });
  }
  const twilioCreates = async () => (await api.controls.requests()).requests.filter((request) => request.method !== 'GET');
  const journal = async (id: string) => (await api.http.get(`/api/v1/outbound/${id}`).expect(200)).body;

  describe('GET /api/v1/content-templates', () => {
    it('lists the templates with their WhatsApp approval, variables and a preview, and refresh reads a new approval', async () => {
      const { body } = await api.http.get('/api/v1/content-templates').expect(200);

      const reminder = body.templates.find((entry: { sid: string }) => entry.sid === templates.appointmentReminder);
      expect(reminder).toMatchObject({
        friendlyName: 'appointment_reminder',
        types: ['twilio/text'],
        variables: [
          { name: '1', sample: 'there' },
          { name: '2', sample: 'the day we agreed' },
        ],
        body: { whatsapp: expect.stringContaining('Hello {{1}}') },
        preview: { whatsapp: expect.stringContaining('Hello there, this is a reminder of your appointment on the day we agreed.') },
        whatsapp: { status: 'approved', approved: true, category: 'UTILITY' },
      });
      const confirmation = body.templates.find((entry: { sid: string }) => entry.sid === templates.appointmentConfirmation);
      expect(confirmation.buttons).toEqual({ whatsapp: ['Confirm', 'Reschedule'] });
      expect(reminder.buttons).toEqual({ whatsapp: [] });
      const offer = body.templates.find((entry: { sid: string }) => entry.sid === templates.springOffer);
      expect(offer.whatsapp).toMatchObject({ status: 'pending', approved: false });
      expect(body.fetchedAt).toEqual(expect.any(String));

      await api.controls.setContentApproval(templates.springOffer, { status: 'approved' });
      try {
        const cached = (await api.http.get('/api/v1/content-templates').expect(200)).body;
        expect(cached.templates.find((entry: { sid: string }) => entry.sid === templates.springOffer).whatsapp.status).toBe('pending');
        const refreshed = (await api.http.get('/api/v1/content-templates').query({ refresh: true }).expect(200)).body;
        expect(refreshed.templates.find((entry: { sid: string }) => entry.sid === templates.springOffer).whatsapp.status).toBe('approved');
      } finally {
        await api.controls.setContentApproval(templates.springOffer, { status: 'pending' });
        await api.http.get('/api/v1/content-templates').query({ refresh: true }).expect(200);
      }
    });
  });

  describe.each(['task', 'message'] as const)('POST /api/v1/outbound/%s on WhatsApp', (path) => {
    it('sends a template with variables, which reaches the handset rendered; the journal records the channel', async () => {
      const response = await template(path, templates.appointmentReminder, { 1: 'Ada', 2: 'Tuesday at 3 pm' }).expect(201);

      const rendered = 'Hello Ada, this is a reminder of your appointment on Tuesday at 3 pm. Reply here if you need to change it.';
      expect(response.body).toMatchObject({
        mode: 'conversations',
        channelType: 'whatsapp',
        flexFlow: null,
        message: { body: rendered, contentSid: templates.appointmentReminder },
      });
      const thread = await api.controls.handsetThread(customer);
      expect(thread).toEqual([expect.objectContaining({ direction: 'received', channel: 'whatsapp', from: `whatsapp:${SENDER}`, body: rendered })]);
      expect(await journal(response.body.id)).toMatchObject({
        channel: 'whatsapp',
        body: rendered,
        input: expect.objectContaining({ contentSid: templates.appointmentReminder }),
      });
    });

    it('sends free text inside the customer’s 24-hour window', async () => {
      await customerWrote(3 * HOUR);

      const response = await freeText(path, 'Thanks, see you Tuesday!').expect(201);

      expect(response.body).toMatchObject({ channelType: 'whatsapp', message: { body: 'Thanks, see you Tuesday!' } });
      expect(await api.controls.handsetThread(customer)).toEqual([
        expect.objectContaining({ channel: 'whatsapp', body: 'Thanks, see you Tuesday!' }),
      ]);
    });

    it('refuses free text outside the window with 422 WHATSAPP_TEMPLATE_REQUIRED, and no Twilio request', async () => {
      await customerWrote(25 * HOUR);
      // The sender's mode is cached between sends, as on any send after the first.
      await api.http.get('/api/v1/doctor').query({ number: SENDER }).expect(200);
      await api.controls.clearRequests();

      const response = await freeText(path, 'Are you still there?').expect(422);

      expect(response.body.error).toMatchObject({
        code: 'WHATSAPP_TEMPLATE_REQUIRED',
        message: expect.stringContaining('24-hour'),
        context: { customer: `whatsapp:${customer}`, sender: `whatsapp:${SENDER}` },
      });
      expect((await api.controls.requests()).requests).toEqual([]);
      expect(await api.controls.handsetThread(customer)).toEqual([]);
    });

    it('refuses a bad variable set with 400 naming each problem, before anything is created', async () => {
      const before = await twilioResources(api);
      await api.controls.clearRequests();

      const response = await template(path, templates.appointmentReminder, { 1: 'x'.repeat(300), nickname: 'Ada', 3: 'line one\nline two' }).expect(
        400,
      );

      expect(response.body.error.code).toBe('INVALID_CONTENT');
      const fields = response.body.error.context.problems.map((problem: { field: string }) => problem.field);
      expect(fields).toEqual(expect.arrayContaining(['contentVariables.1', 'contentVariables.nickname', 'contentVariables.3', 'contentVariables.2']));
      for (const part of ['at most 255', 'nickname', 'is not a placeholder', 'new lines', '{{2}}'])
        expect(response.body.error.message).toContain(part);
      expect(await twilioCreates()).toEqual([]);
      expect(await twilioResources(api)).toEqual(before);
    });

    it('refuses a template WhatsApp has not approved, naming its status', async () => {
      const response = await template(path, templates.springOffer, { 1: 'Ada', 2: 'Sunday' }).expect(400);

      expect(response.body.error.context.problems).toEqual([
        { field: 'contentSid', message: expect.stringContaining('pending for WhatsApp, not approved') },
      ]);
      expect(await twilioCreates()).toEqual([]);
    });

    it('maps Twilio’s 63016 to 422 WHATSAPP_TEMPLATE_REQUIRED, and leaves nothing behind', async () => {
      await customerWrote(HOUR);
      const before = await twilioResources(api);
      await api.controls.setFaults({
        failNext: [
          {
            method: 'POST',
            path: '/conversations/v1/Conversations/*/Messages',
            count: 1,
            status: 400,
            code: 63016,
            message: 'Failed to send freeform message because you are outside the allowed window.',
          },
        ],
      });

      const response = await freeText(path, 'One more thing').expect(422);

      expect(response.body.error).toMatchObject({ code: 'WHATSAPP_TEMPLATE_REQUIRED', twilioCode: 63016, message: expect.stringContaining('63016') });
      expect(await twilioResources(api)).toEqual(before);
      const page = (await api.http.get('/api/v1/outbound').query({ number: customer }).expect(200)).body;
      expect(await journal(page.items[0].id)).toMatchObject({
        status: 'rolled_back',
        channel: 'whatsapp',
        error: { code: 'WHATSAPP_TEMPLATE_REQUIRED', twilioCode: 63016 },
      });
    });

    it('refuses WhatsApp from a Chat + Proxy number with 422 CHANNEL_NOT_SUPPORTED naming why', async () => {
      const response = await api.http
        .post(`/api/v1/outbound/${path}`)
        .send({
          fromNumber: TWILIO_NUMBER,
          toNumber: customer,
          toName: 'Ada',
          channel: 'whatsapp',
          contentSid: templates.appointmentReminder,
          contentVariables: { 1: 'Ada', 2: 'Monday' },
        })
        .expect(422);

      expect(response.body.error).toMatchObject({ code: 'CHANNEL_NOT_SUPPORTED', message: expect.stringContaining('Chat + Proxy') });
      expect(await twilioCreates()).toEqual([]);
    });
  });

  describe('each number’s mode, found from the account', () => {
    it('sends from a Conversations number and a Chat + Proxy number in the same run, each in its own mode', async () => {
      const conversations = await api.http
        .post('/api/v1/outbound/message')
        .send({ fromNumber: SENDER, toNumber: customer, toName: 'Ada', messageBody: 'By SMS, through Conversations' })
        .expect(201);
      const chatProxy = await api.http
        .post('/api/v1/outbound/message')
        .send({ fromNumber: TWILIO_NUMBER, toNumber: customer, toName: 'Ada', messageBody: 'By SMS, through Proxy' })
        .expect(201);

      expect(conversations.body).toMatchObject({ mode: 'conversations', channelType: 'sms', conversation: { sid: expect.stringMatching(/^CH/) } });
      expect(conversations.body.proxySession).toBeUndefined();
      expect(chatProxy.body).toMatchObject({ mode: 'chat-proxy', channelType: 'sms', proxySession: { sid: expect.stringMatching(/^KC/) } });
      const thread = await api.controls.handsetThread(customer);
      expect(thread.map((entry) => [entry.from, entry.body])).toEqual([
        [SENDER, 'By SMS, through Conversations'],
        [TWILIO_NUMBER, 'By SMS, through Proxy'],
      ]);
    });

    it('counts the sends by their real channel', async () => {
      const metrics = (await api.http.get('/metrics').expect(200)).text;

      expect(metrics).toMatch(/sends_total\{flow="system",mode="conversations",channel="whatsapp",outcome="succeeded"\} [1-9]/);
      expect(metrics).toMatch(/sends_total\{flow="system",mode="chat-proxy",channel="sms",outcome="succeeded"\} [1-9]/);
      expect(metrics).toMatch(/sends_total\{flow="agent",mode="conversations",channel="whatsapp",outcome="rolled_back"\} [1-9]/);
    });

    it('the doctor names each number’s mode and why', async () => {
      const conversations = (await api.http.get('/api/v1/doctor').query({ number: SENDER }).expect(200)).body;
      const chatProxy = (await api.http.get('/api/v1/doctor').query({ number: TWILIO_NUMBER }).expect(200)).body;

      expect(conversations.mode).toMatchObject({
        mode: 'conversations',
        source: 'address-configuration',
        reason: expect.stringContaining('Address Configuration'),
        channels: ['sms', 'whatsapp'],
      });
      expect(chatProxy.mode).toMatchObject({
        mode: 'chat-proxy',
        source: 'flex-flow',
        reason: expect.stringContaining('Flex Flow'),
        channels: ['sms'],
      });
      expect(conversations.checks.map((check: { id: string }) => check.id)).toContain('outbound-mode');
    });
  });
});
