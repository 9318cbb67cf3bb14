import { OutboundTestApp, TWILIO_NUMBER, createOutboundTestApp, sequentialRoundTrips } from './outbound.test-helpers';

/**
 * The critical path's cost in Twilio round trips, read from the sandbox's request log timestamps, with a warm Flex
 * Flow cache and a Proxy Service holding thousands of sessions: nothing on the path may list them.
 */
describe('Twilio round trips per outbound request', () => {
  let api: OutboundTestApp;
  let customerSequence = 500;
  const nextCustomer = () => `+1415555${String(++customerSequence).padStart(4, '0')}`;

  beforeAll(async () => {
    api = await createOutboundTestApp();
    await api.controls.seedProxySessions({ count: 2000 });
    await api.http.get('/api/v1/flex-flows').expect(200);
    // No OUTBOUND_MODE: the number's mode is found from the account's Address Configurations, cached like the Flex Flows.
    await api.http.get('/api/v1/doctor').query({ number: TWILIO_NUMBER }).expect(200);
  });
  afterAll(async () => {
    await api.controls.clearFaults();
    await api.close();
  });
  beforeEach(async () => {
    // A round trip to Twilio takes tens of milliseconds; the sandbox answers in well under one. With no latency,
    // requests the API sends in parallel would finish before the next leaves, and look sequential in the log.
    await api.controls.setFaults({ latencyMs: 30 });
    await api.controls.clearRequests();
  });

  /** The agent flow's deferred attribute write (GET + POST of the channel) runs after the answer. */
  const isFollowUp = (endpoint: string) => endpoint.endsWith('/chat/v2/Services/:ServiceSid/Channels/:Sid');

  it('agent flow: two sequential requests (channel, then session)', async () => {
    await api.http.post('/api/v1/outbound/task').send({ fromNumber: TWILIO_NUMBER, toNumber: nextCustomer(), toName: 'Ada' }).expect(201);
    await api.followUpsIdle();

    const criticalPath = (await api.controls.requests()).requests.filter((request) => !isFollowUp(request.endpoint));
    expect(criticalPath.map((request) => request.endpoint)).toEqual(['POST /flex-api/v1/Channels', 'POST /proxy/v1/Services/:ServiceSid/Sessions']);
    expect(sequentialRoundTrips(criticalPath)).toBe(2);
  });

  it('agent flow with an initial message: three', async () => {
    await api.http
      .post('/api/v1/outbound/task')
      .send({ fromNumber: TWILIO_NUMBER, toNumber: nextCustomer(), toName: 'Ada', initialMessage: 'Hi' })
      .expect(201);
    await api.followUpsIdle();

    const criticalPath = (await api.controls.requests()).requests.filter((request) => !isFollowUp(request.endpoint));
    expect(sequentialRoundTrips(criticalPath)).toBe(3);
  });

  it('system flow: three (channel; session beside the channel read; attribute write beside the message), no session listing', async () => {
    await api.http
      .post('/api/v1/outbound/message')
      .send({ fromNumber: TWILIO_NUMBER, toNumber: nextCustomer(), toName: 'Ada', messageBody: 'Shipped' })
      .expect(201);

    const { requests } = await api.controls.requests();
    expect(sequentialRoundTrips(requests)).toBe(3);
    expect(requests.some((request) => request.method === 'GET' && request.endpoint.endsWith('/Sessions'))).toBe(false);
  });
});

describe('Twilio round trips per outbound request in Flex Conversations mode', () => {
  let api: OutboundTestApp;
  let customerSequence = 550;
  const nextCustomer = () => `+1415555${String(++customerSequence).padStart(4, '0')}`;

  beforeAll(async () => {
    api = await createOutboundTestApp({ env: { OUTBOUND_MODE: 'conversations' } });
    await api.http.get('/api/v1/flex-flows').expect(200);
  });
  afterAll(async () => {
    await api.controls.clearFaults();
    await api.close();
  });
  beforeEach(async () => {
    await api.controls.setFaults({ latencyMs: 30 });
    await api.controls.clearRequests();
  });

  it('agent flow with an initial message: two (the Interaction; the message beside the conversation read)', async () => {
    await api.http
      .post('/api/v1/outbound/task')
      .send({ fromNumber: TWILIO_NUMBER, toNumber: nextCustomer(), toName: 'Ada', initialMessage: 'Hi' })
      .expect(201);

    const { requests } = await api.controls.requests();
    expect(requests.map((request) => request.endpoint).sort()).toEqual([
      'GET /conversations/v1/Conversations/:Sid',
      'POST /conversations/v1/Conversations/:ConversationSid/Messages',
      'POST /flex-api/v1/Interactions',
    ]);
    expect(sequentialRoundTrips(requests)).toBe(2);
  });

  it('system flow: three (conversation; customer beside the Studio webhook; message), nothing listed', async () => {
    await api.http
      .post('/api/v1/outbound/message')
      .send({ fromNumber: TWILIO_NUMBER, toNumber: nextCustomer(), toName: 'Ada', messageBody: 'Shipped' })
      .expect(201);

    const { requests } = await api.controls.requests();
    expect(sequentialRoundTrips(requests)).toBe(3);
    expect(requests.filter((request) => request.method === 'GET')).toEqual([]);
  });
});
