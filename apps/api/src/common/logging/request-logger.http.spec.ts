import { createApiKey } from '../../auth/auth.test-helpers';
import { TWILIO_NUMBER } from '../../outbound/outbound.test-helpers';
import { TestApp, createTestApp } from '../../testing/test-app';

const CUSTOMER = '+14155550177';
const BODY = 'Your verification code is 662901';

describe('The request log line', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await createTestApp({ captureLogs: true, env: { METRICS_TOKEN: 'scraper-token-0123456789abcdef' } });
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    api.logs.clear();
    await api.controls.clearFaults();
    await api.controls.clearRequests();
  });

  const requestLines = () => api.logs.entries().filter((entry) => entry.context === 'HTTP' && entry.level === 'info');

  it('says who sent what where, how it ended, how long it took, and the Twilio requests it made', async () => {
    const operator = await createApiKey(api, 'operator');
    api.logs.clear();

    const response = await api.anonymous
      .post('/api/v1/outbound/message')
      .auth(operator.key, { type: 'bearer' })
      .send({ fromNumber: TWILIO_NUMBER, toNumber: CUSTOMER, toName: 'Ada', messageBody: BODY })
      .expect(201);

    const twilioRequests = (await api.controls.requests()).requests.length;
    expect(twilioRequests).toBeGreaterThan(0);
    const [line, ...others] = requestLines();
    expect(others).toEqual([]);
    expect(line).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      pid: process.pid,
      hostname: expect.any(String),
      context: 'HTTP',
      requestId: response.headers['x-request-id'],
      caller: `api-key:${operator.id}`,
      method: 'POST',
      route: '/api/v1/outbound/message',
      url: '/api/v1/outbound/message',
      status: 201,
      durationMs: expect.any(Number),
      twilio: { requests: twilioRequests, durationMs: expect.any(Number) },
      msg: expect.stringMatching(/^POST \/api\/v1\/outbound\/message → 201 in [\d.]+ ms \(Twilio: \d+ in [\d.]+ ms\)$/),
    });
    expect((line.twilio as { durationMs: number }).durationMs).toBeGreaterThan(0);
  });

  it('names the route by its pattern, the error code, and callers without credentials or with the metrics token', async () => {
    await api.anonymous.get('/api/v1/channels/CH00000000000000000000000000000001').expect(401);
    await api.anonymous.get('/metrics').auth('scraper-token-0123456789abcdef', { type: 'bearer' }).expect(200);
    await api.http.post('/api/v1/outbound/message').set('Content-Type', 'application/json').send('{"toNumber":').expect(400);

    expect(requestLines().map(({ caller, route, status, errorCode }) => ({ caller, route, status, errorCode }))).toEqual([
      { caller: 'anonymous', route: '/api/v1/channels/:sid', status: 401, errorCode: 'UNAUTHENTICATED' },
      { caller: 'metrics-token', route: '/metrics', status: 200, errorCode: undefined },
      // Refused by the body parser, before any route (or credentials) was looked at.
      { caller: 'anonymous', route: 'unmatched', status: 400, errorCode: 'MALFORMED_BODY' },
    ]);
  });

  it("logs no secret, number or message body of a send, whether it succeeds or Twilio's failure is logged with its stack", async () => {
    const operator = await createApiKey(api, 'operator');
    const send = () =>
      api.anonymous
        .post('/flex-initiate-outbound-sms')
        .auth(operator.key, { type: 'bearer' })
        .type('form')
        .send({ fromNumber: TWILIO_NUMBER, toNumber: CUSTOMER, toName: 'Ada', messageBody: BODY });

    await send().expect(200);
    const invalidNumber = `The 'To' number ${CUSTOMER} is not a valid phone number.`;
    const messages = '/chat/v2/Services/*/Channels/*/Messages';
    await api.controls.setFaults({ failNext: [{ method: 'POST', path: messages, count: 1, status: 400, code: 21211, message: invalidNumber }] });
    await send().expect(502);

    const logged = api.logs.text();
    expect(logged).toContain('"status":502');
    expect(logged).toContain('1••••••••77');
    for (const secret of [operator.key.slice(13), api.apiKey, api.sandbox.account.authToken, CUSTOMER, CUSTOMER.slice(2), BODY, '662901']) {
      expect(logged.includes(secret) ? secret : 'absent').toBe('absent');
    }
  });
});
