import { OutboundTestApp, TWILIO_NUMBER, createOutboundTestApp } from '../outbound/outbound.test-helpers';

describe('Flex Flow, channel and Proxy Session routes', () => {
  let api: OutboundTestApp;
  let conversation: { channel: { sid: string }; proxySession: { sid: string } };
  const customer = '+14155550900';

  beforeAll(async () => {
    api = await createOutboundTestApp();
    conversation = (
      await api.http
        .post('/api/v1/outbound/message')
        .send({ fromNumber: TWILIO_NUMBER, toNumber: customer, toName: 'Ada', messageBody: 'Hi Ada' })
        .expect(201)
    ).body;
  });
  afterAll(() => api.close());
  beforeEach(() => api.controls.clearRequests());

  describe('GET /api/v1/flex-flows', () => {
    it('lists the flows from the cache, and re-reads them on refresh=true', async () => {
      const { flexFlows } = (await api.http.get('/api/v1/flex-flows').expect(200)).body;
      expect(flexFlows).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ contactIdentity: TWILIO_NUMBER, integrationType: 'studio', enabled: true }),
          expect.objectContaining({
            contactIdentity: TWILIO_NUMBER,
            integrationType: 'task',
            enabled: false,
            integration: expect.objectContaining({ workspaceSid: api.sandbox.account.workspaceSid }),
          }),
        ]),
      );
      expect((await api.controls.requests()).total).toBe(0);

      await api.http.get('/api/v1/flex-flows?refresh=true').expect(200);
      expect((await api.controls.requests()).counts).toEqual({ 'GET /flex-api/v1/FlexFlows': 1 });
    });

    it('fetches one flow, 404 for an unknown SID, 400 for a malformed one', async () => {
      const { flexFlows } = (await api.http.get('/api/v1/flex-flows').expect(200)).body;
      await api.http.get(`/api/v1/flex-flows/${flexFlows[0].sid}`).expect(200, flexFlows[0]);
      const missing = await api.http.get(`/api/v1/flex-flows/FO${'0'.repeat(32)}`).expect(404);
      expect(missing.body.error).toMatchObject({ code: 'RESOURCE_NOT_FOUND', context: { resource: 'Flex Flow' } });
      const malformed = await api.http.get('/api/v1/flex-flows/KC123').expect(400);
      expect(malformed.body.error.details).toEqual([
        { field: 'sid', message: 'sid must be a Twilio SID starting with FO followed by 32 hex digits' },
      ]);
    });
  });

  describe('GET /api/v1/channels/:sid', () => {
    it('shows the channel with its attributes and messages, the customer’s reply included', async () => {
      await api.controls.sendInboundSms({ from: customer, to: TWILIO_NUMBER, body: 'Thanks!' });
      const view = (await api.http.get(`/api/v1/channels/${conversation.channel.sid}?messages=10`).expect(200)).body;
      expect(view.channel).toMatchObject({
        sid: conversation.channel.sid,
        serviceSid: api.sandbox.account.chatServiceSid,
        attributes: { proxySession: conversation.proxySession.sid },
      });
      expect(view.messages.map((message: { body: string }) => message.body)).toEqual(['Hi Ada', 'Thanks!']);
    });

    it('404 for a channel that does not exist', async () => {
      const response = await api.http.get(`/api/v1/channels/CH${'0'.repeat(32)}`).expect(404);
      expect(response.body.error).toMatchObject({ code: 'RESOURCE_NOT_FOUND', context: { resource: 'Chat channel' } });
    });
  });

  describe('/api/v1/proxy/sessions', () => {
    it('lists sessions a page at a time', async () => {
      await api.controls.seedProxySessions({ count: 30 });
      const first = (await api.http.get('/api/v1/proxy/sessions?pageSize=20').expect(200)).body;
      expect(first.sessions).toHaveLength(20);
      expect(first.nextPageToken).toEqual(expect.any(String));
      const second = (await api.http.get('/api/v1/proxy/sessions').query({ pageSize: 20, pageToken: first.nextPageToken }).expect(200)).body;
      expect(second.sessions.length).toBeGreaterThan(0);
      expect(second.sessions.map((session: { sid: string }) => session.sid)).not.toContain(first.sessions[0].sid);
    });

    // Found by the OpenAPI fuzz: the document's own example token answered 502 TWILIO_REQUEST_FAILED.
    it('answers a well-formed pageToken that Twilio does not know with 400 naming pageToken, not 502', async () => {
      const response = await api.http.get('/api/v1/proxy/sessions?pageToken=PAKC0123456789abcdef0123456789abcdef').expect(400);
      expect(response.body.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'pageToken', message: expect.stringContaining('nextPageToken') }],
      });
    });

    it('fetches a session by SID or by its channel, lists its participants, closes and deletes it', async () => {
      const { sid } = conversation.proxySession;
      await api.http.get(`/api/v1/proxy/sessions/${sid}`).expect(200);
      expect((await api.http.get(`/api/v1/proxy/sessions/${conversation.channel.sid}`).expect(200)).body.sid).toBe(sid);

      const { participants } = (await api.http.get(`/api/v1/proxy/sessions/${sid}/participants`).expect(200)).body;
      expect(participants).toEqual(expect.arrayContaining([expect.objectContaining({ identifier: customer, proxyIdentifier: TWILIO_NUMBER })]));

      expect((await api.http.post(`/api/v1/proxy/sessions/${sid}/close`).expect(200)).body.status).toBe('closed');
      await api.http.delete(`/api/v1/proxy/sessions/${sid}`).expect(204);
      const gone = await api.http.get(`/api/v1/proxy/sessions/${sid}`).expect(404);
      expect(gone.body.error).toMatchObject({ code: 'RESOURCE_NOT_FOUND', context: { resource: 'Proxy session', sid } });
    });

    it('503 with Retry-After when Proxy stays unavailable', async () => {
      await api.controls.setFaults({ failNext: [{ method: 'GET', path: '/proxy/**', count: 20, status: 503, code: 20503 }] });
      const response = await api.http.get('/api/v1/proxy/sessions').expect(503);
      await api.controls.clearFaults();
      expect(response.headers['retry-after']).toMatch(/^\d+$/);
      expect(response.body.error).toMatchObject({ code: 'TWILIO_UNAVAILABLE', twilioCode: 20503 });
    });

    it('400 for a malformed session SID', async () => {
      const response = await api.http.get('/api/v1/proxy/sessions/KS123/participants').expect(400);
      expect(response.body.error.details[0].field).toBe('sid');
    });
  });
});
