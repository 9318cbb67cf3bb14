import { OutboundTestApp, TWILIO_NUMBER, createOutboundTestApp } from './outbound.test-helpers';

/**
 * A Flex UI 2.x account has no Proxy Service (Proxy is closed to new customers): with every number on Flex
 * Conversations, TWILIO_PROXY_SERVICE_SID may be left unset, and only the Proxy routes say they do not apply.
 */
describe('a Conversations-only deployment (OUTBOUND_MODE=conversations, no TWILIO_PROXY_SERVICE_SID)', () => {
  let api: OutboundTestApp;

  beforeAll(async () => {
    api = await createOutboundTestApp({ env: { OUTBOUND_MODE: 'conversations', TWILIO_PROXY_SERVICE_SID: '' } });
  });
  afterAll(() => api.close());

  it('starts, is ready, and sends both kinds of SMS without ever calling Proxy', async () => {
    await api.controls.clearRequests();
    const ready = await api.anonymous.get('/health/ready').expect(200);
    expect(ready.body.checks.twilio).toMatchObject({ status: 'up', outboundMode: 'conversations' });

    const message = await api.http
      .post('/api/v1/outbound/message')
      .send({ fromNumber: TWILIO_NUMBER, toNumber: '+14155550601', toName: 'Ada', messageBody: 'Your parcel is on its way' })
      .expect(201);
    const task = await api.http
      .post('/api/v1/outbound/task')
      .send({ fromNumber: TWILIO_NUMBER, toNumber: '+14155550602', toName: 'Grace' })
      .expect(201);

    expect(message.body).toMatchObject({ mode: 'conversations', status: 'succeeded' });
    expect(task.body).toMatchObject({ mode: 'conversations', status: 'succeeded' });
    const { requests } = await api.controls.requests();
    expect(requests.filter((request) => request.endpoint.includes('/proxy/'))).toEqual([]);
  });

  it('answers the Proxy routes 422 PROXY_SERVICE_NOT_CONFIGURED, naming the setting and the conversation routes', async () => {
    const list = await api.http.get('/api/v1/proxy/sessions').expect(422);
    const cleanup = await api.http
      .post('/api/v1/cleanup/proxy-sessions')
      .send({ statuses: ['closed'], dryRun: true })
      .expect(422);

    for (const response of [list, cleanup]) {
      expect(response.body.error).toMatchObject({
        code: 'PROXY_SERVICE_NOT_CONFIGURED',
        message: expect.stringContaining('TWILIO_PROXY_SERVICE_SID'),
      });
    }
    expect(list.body.error.message).toContain('/api/v1/cleanup/conversations');
  });
});
