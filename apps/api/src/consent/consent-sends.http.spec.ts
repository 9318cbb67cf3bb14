import { OutboundEvents } from '../events/outbound-events';
import { createTestSchema, describePostgres } from '../testing/test-databases';
import {
  OUTBOUND_MODES,
  OutboundTestApp,
  TWILIO_NUMBER,
  OTHER_TWILIO_NUMBER,
  createOutboundTestApp,
  twilioResources,
} from '../outbound/outbound.test-helpers';
import { parseSamples, sampleValue } from '../metrics/metrics.test-helpers';

/** Each test talks to its own customer: opt-outs and journal entries never mix between tests. */
let customerSequence = 300;
const nextCustomer = () => `+1415555${String(++customerSequence).padStart(4, '0')}`;

const CONVERSATION_MESSAGES = '/conversations/v1/Conversations/*/Messages';
const CHAT_MESSAGES = '/chat/v2/Services/*/Channels/*/Messages';

describe.each(OUTBOUND_MODES)('sends and the consent register over HTTP (OUTBOUND_MODE=%s)', (mode) => {
  let api: OutboundTestApp;
  let customer: string;

  beforeAll(async () => {
    api = await createOutboundTestApp({ env: { OUTBOUND_MODE: mode } });
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    customer = nextCustomer();
    await api.controls.clearFaults();
    await api.controls.clearRequests();
  });

  const task = () => api.http.post('/api/v1/outbound/task').send({ fromNumber: TWILIO_NUMBER, toNumber: customer, toName: 'Ada' });
  const message = (fromNumber = TWILIO_NUMBER) =>
    api.http.post('/api/v1/outbound/message').send({ fromNumber, toNumber: customer, toName: 'Ada', messageBody: 'Your order shipped' });
  // The drop-in routes of the original Twilio Functions: form-encoded, as Studio's HTTP widget sends them.
  const dropInTask = () =>
    api.http.post('/flex-initiate-outbound-sms-task').type('form').send({ fromNumber: TWILIO_NUMBER, toNumber: customer, toName: 'Ada' });
  const dropInMessage = () =>
    api.http
      .post('/flex-initiate-outbound-sms')
      .type('form')
      .send({ fromNumber: TWILIO_NUMBER, toNumber: customer, toName: 'Ada', messageBody: 'Hi' });
  // As the inbound webhooks (Conversations onMessageAdded, Proxy's interaction callback) publish a customer's message.
  const customerTexts = (body: string) =>
    api.app.get(OutboundEvents).publishInbound({ from: customer, to: TWILIO_NUMBER, body, channel: 'sms', receivedAt: new Date() });
  const twilioRequests = async () => (await api.controls.requests()).requests;

  it('STOP, then every send to the customer from that number is refused with 422 before any Twilio request, and journaled', async () => {
    await customerTexts(' Stop ');
    await api.controls.clearRequests();
    const refusedSends = async () =>
      sampleValue(parseSamples((await api.http.get('/metrics').expect(200)).text), 'flex_sms_sends_total', {
        mode: mode === 'conversations' ? 'conversations' : 'chat-proxy',
        outcome: 'failed',
      });
    const refusedBefore = await refusedSends();

    for (const send of [task, message, dropInTask, dropInMessage]) {
      const response = await send().expect(422);
      expect(response.body.error).toMatchObject({
        code: 'RECIPIENT_OPTED_OUT',
        message: expect.stringContaining(customer),
        context: { recipient: customer, scope: TWILIO_NUMBER, since: expect.any(String), source: 'inbound-keyword' },
      });
    }
    expect(await twilioRequests()).toEqual([]);
    // Journaled, refused, under the number's mode.
    expect((await refusedSends()) - refusedBefore).toBe(4);

    const history = (await api.http.get('/api/v1/outbound').query({ number: customer }).expect(200)).body;
    expect(history.items).toHaveLength(4);
    expect(history.items.map((item: { status: string }) => item.status)).toEqual(['failed', 'failed', 'failed', 'failed']);
    const entry = (await api.http.get(`/api/v1/outbound/${history.items[0].id}`).expect(200)).body;
    expect(entry).toMatchObject({ status: 'failed', steps: [], error: { code: 'RECIPIENT_OPTED_OUT' } });
  });

  it('an opt-out is kept per sender: another number may still text the customer', async () => {
    await customerTexts('STOPALL');

    await message(OTHER_TWILIO_NUMBER).expect(201);
    await message().expect(422);
  });

  it('START after STOP: the send goes out (201)', async () => {
    await customerTexts('STOP');
    await message().expect(422);
    await customerTexts('start');

    await message().expect(201);
    const audit = (await api.http.get(`/api/v1/consent/${encodeURIComponent(customer)}/audit`).expect(200)).body;
    expect(audit.map((change: { action: string; source: string; reason: string }) => [change.action, change.source, change.reason])).toEqual([
      ['opt-out', 'inbound-keyword', 'Customer texted STOP'],
      ['opt-in', 'inbound-keyword', 'Customer texted START'],
    ]);
  });

  it("Twilio's 21610 on the send: 422 RECIPIENT_OPTED_OUT, nothing left behind, the register learns it, the next send makes no Twilio request", async () => {
    const before = await twilioResources(api);
    const path = mode === 'conversations' ? CONVERSATION_MESSAGES : CHAT_MESSAGES;
    await api.controls.setFaults({
      failNext: [{ method: 'POST', path, count: 1, status: 400, code: 21610, message: 'Attempt to send to unsubscribed recipient' }],
    });

    const refused = await message().expect(422);

    expect(refused.body.error).toMatchObject({
      code: 'RECIPIENT_OPTED_OUT',
      twilioCode: 21610,
      context: { recipient: customer, scope: TWILIO_NUMBER, source: 'twilio-21610' },
    });
    expect(await twilioResources(api)).toEqual(before);
    const listed = (await api.http.get('/api/v1/consent').query({ number: customer }).expect(200)).body;
    expect(listed.items).toEqual([expect.objectContaining({ recipient: customer, scope: TWILIO_NUMBER, source: 'twilio-21610', actor: 'twilio' })]);
    await api.controls.clearRequests();
    await task().expect(422);
    expect(await twilioRequests()).toEqual([]);
  });

  it('a manual opt-out refuses the send; removing it lets the send through', async () => {
    await api.http.post('/api/v1/consent').send({ recipient: customer, scope: TWILIO_NUMBER, reason: 'Asked by phone' }).expect(201);
    await message().expect(422);
    await api.http
      .delete(`/api/v1/consent/${encodeURIComponent(customer)}`)
      .query({ scope: TWILIO_NUMBER, reason: 'Opted back in by email' })
      .expect(204);
    await message().expect(201);
  });
});

describe('21610 reported on the delivery of a message Twilio had accepted (Flex Conversations)', () => {
  let api: OutboundTestApp;
  // Twilio's magic test number for a recipient who opted out: the sandbox fails its SMS leg with 21610.
  const optedOutAtTwilio = '+15005550004';

  beforeAll(async () => {
    api = await createOutboundTestApp({ env: { OUTBOUND_MODE: 'conversations' } });
  });
  afterAll(() => api.close());

  it('the failed receipt, as the delivery webhook publishes it, records the opt-out; the next send is refused before Twilio', async () => {
    const sent = (
      await api.http
        .post('/api/v1/outbound/message')
        .send({ fromNumber: TWILIO_NUMBER, toNumber: optedOutAtTwilio, toName: 'Ada', messageBody: 'Hi' })
        .expect(201)
    ).body;
    const receipts = api.twilio.conversations.v1.conversations(sent.conversation.sid).messages(sent.message.sid).deliveryReceipts;
    let failed: { errorCode: number; status: string } | undefined;
    while (!failed) {
      failed = (await receipts.list()).find((receipt) => receipt.status === 'failed' || receipt.status === 'undelivered');
      if (!failed) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(failed.errorCode).toBe(21610);

    await api.app.get(OutboundEvents).publishOutbound({
      kind: 'delivery',
      requestId: sent.id,
      messageSid: sent.message.sid,
      status: failed.status,
      errorCode: failed.errorCode,
      at: new Date(),
    });

    await api.controls.clearRequests();
    const refused = await api.http
      .post('/api/v1/outbound/task')
      .send({ fromNumber: TWILIO_NUMBER, toNumber: optedOutAtTwilio, toName: 'Ada' })
      .expect(422);
    expect(refused.body.error.context).toMatchObject({ recipient: optedOutAtTwilio, source: 'twilio-21610' });
    expect((await api.controls.requests()).requests).toEqual([]);
  });
});

describePostgres('sends and the consent register over HTTP, on PostgreSQL', () => {
  let api: OutboundTestApp;
  let dropSchema: () => Promise<void>;
  const customer = '+14155550399';

  beforeAll(async () => {
    const schema = await createTestSchema(process.env.TEST_DATABASE_URL as string);
    dropSchema = schema.drop;
    api = await createOutboundTestApp({ env: { DATABASE_URL: schema.url } });
  });
  afterAll(async () => {
    await api.close();
    await dropSchema();
  });

  it('STOP refuses the send with no Twilio request; START lets it through', async () => {
    const texts = (body: string) =>
      api.app.get(OutboundEvents).publishInbound({ from: customer, to: TWILIO_NUMBER, body, channel: 'sms', receivedAt: new Date() });
    const send = () =>
      api.http.post('/api/v1/outbound/message').send({ fromNumber: TWILIO_NUMBER, toNumber: customer, toName: 'Ada', messageBody: 'Hi' });
    await texts('QUIT');
    // No OUTBOUND_MODE here and nothing asked before: the number's mode is unknown (a cold cache, which reading the
    // account fills). Consent is asked by the journal's first write, on PostgreSQL the one that takes the pair lock.
    await api.controls.clearRequests();

    await send().expect(422);
    const refusedRequests = (await api.controls.requests()).requests;
    // The refusal found the number's mode from the account (its Address Configurations), and made nothing in Twilio.
    expect(refusedRequests.map((request) => request.path)).toContainEqual(expect.stringContaining('/Configuration/Addresses'));
    expect(refusedRequests.filter((request) => request.method !== 'GET')).toEqual([]);
    await texts('UNSTOP');
    await api.controls.clearRequests();
    await send().expect(201);
    expect((await api.controls.requests()).requests.filter((request) => request.method === 'POST').length).toBeGreaterThan(0);
  });
});
