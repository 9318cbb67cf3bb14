// The real outbound routes under the real guard: who sent is journaled and filterable, a restricted key keeps to
// its numbers, operators send and read but do not administer.
import { CONSOLE_ORIGIN, createApiKey, createUser, signIn } from './auth.test-helpers';
import { CUSTOMER, OTHER_TWILIO_NUMBER, OutboundTestApp, TWILIO_NUMBER, createOutboundTestApp } from '../outbound/outbound.test-helpers';

describe('Callers of the outbound routes', () => {
  let api: OutboundTestApp;
  beforeAll(async () => {
    api = await createOutboundTestApp();
  });
  afterAll(() => api.close());

  const message = (toNumber: string, fromNumber = TWILIO_NUMBER) => ({
    fromNumber,
    toNumber,
    toName: 'Ada Lovelace',
    messageBody: 'Your order shipped.',
  });

  it('journals which key or user sent each request, and the history filters by it', async () => {
    const key = await createApiKey(api, 'operator', { name: 'CRM' });
    const user = await createUser(api, 'ada', 'operator');
    const cookie = await signIn(api, 'ada');

    const byKey = await api.anonymous
      .post('/api/v1/outbound/message')
      .set('Authorization', `Bearer ${key.key}`)
      .send(message('+14155550161'))
      .expect(201);
    const byUser = await api.anonymous
      .post('/api/v1/outbound/message')
      .set({ Cookie: cookie, Origin: CONSOLE_ORIGIN })
      .send(message('+14155550162'))
      .expect(201);
    await api.followUpsIdle();

    const entry = async (id: string) => (await api.http.get(`/api/v1/outbound/${id}`).expect(200)).body;
    expect(await entry(byKey.body.id)).toMatchObject({ caller: `api-key:${key.id}`, callerName: 'CRM' });
    expect(await entry(byUser.body.id)).toMatchObject({ caller: `user:${user.id}`, callerName: 'ada' });

    const filtered = await api.http
      .get('/api/v1/outbound')
      .query({ caller: `user:${user.id}` })
      .expect(200);
    expect(filtered.body.items.map((item: { id: string; callerName: string }) => [item.id, item.callerName])).toEqual([[byUser.body.id, 'ada']]);
    const byBootstrap = await api.http.post('/api/v1/outbound/message').send(message('+14155550165')).expect(201);
    expect(await entry(byBootstrap.body.id)).toMatchObject({ caller: 'bootstrap', callerName: 'bootstrap key' });

    // A deleted user's requests keep their reference; the name is gone with the user.
    await api.http.delete(`/api/v1/users/${user.id}`).expect(204);
    expect(await entry(byUser.body.id)).toMatchObject({ caller: `user:${user.id}`, callerName: null });
    await api.http.get('/api/v1/outbound').query({ caller: 'robert; drop table' }).expect(400);
  });

  it('a key restricted to one sender number sends from it, and gets 403 from another, with nothing sent', async () => {
    const { key } = await createApiKey(api, 'operator', { allowedFromNumbers: [TWILIO_NUMBER] });
    await api.anonymous.post('/api/v1/outbound/message').set('Authorization', `Bearer ${key}`).send(message('+14155550163')).expect(201);
    for (const path of ['/api/v1/outbound/message', '/flex-initiate-outbound-sms']) {
      const refused = await api.anonymous
        .post(path)
        .set('Authorization', `Bearer ${key}`)
        .send(message('+14155550164', OTHER_TWILIO_NUMBER))
        .expect(403);
      expect(refused.body.error.code).toBe('FROM_NUMBER_NOT_ALLOWED');
    }
    // Form-encoded, as Studio's HTTP widget sends it.
    const form = (from: string) => `fromNumber=${encodeURIComponent(from)}&toNumber=%2B14155550165&toName=Ada&messageBody=Hi`;
    await api.anonymous
      .post('/flex-initiate-outbound-sms')
      .set('Authorization', `Bearer ${key}`)
      .type('form')
      .send(form(OTHER_TWILIO_NUMBER))
      .expect(403);
    await api.anonymous.post('/flex-initiate-outbound-sms').set('Authorization', `Bearer ${key}`).type('form').send(form(TWILIO_NUMBER)).expect(200);
    const history = await api.http.get('/api/v1/outbound').query({ number: '+14155550164' }).expect(200);
    expect(history.body.total).toBe(0);
  });

  it('gives operators sending, history, Flex Flows, Proxy sessions and the doctor to read, and nothing to administer', async () => {
    const { key } = await createApiKey(api, 'operator');
    const asOperator = (method: 'get' | 'post' | 'patch' | 'delete', path: string) =>
      api.anonymous[method](path).set('Authorization', `Bearer ${key}`);
    for (const path of [
      '/api/v1/outbound',
      '/api/v1/flex-flows',
      '/api/v1/proxy/sessions',
      '/api/v1/doctor?number=%2B15550100001',
      '/api/v1/auth/me',
    ]) {
      await asOperator('get', path).expect(200);
    }
    for (const [method, path] of [
      ['post', '/api/v1/flex-flows'],
      ['patch', '/api/v1/flex-flows/FO00000000000000000000000000000000'],
      ['post', `/api/v1/proxy/sessions/${CUSTOMER}/close`],
      ['delete', '/api/v1/proxy/sessions/KC00000000000000000000000000000000'],
      ['post', '/api/v1/cleanup/proxy-sessions'],
      ['get', '/api/v1/cleanup/jobs'],
      ['get', '/api/v1/api-keys'],
      ['get', '/api/v1/users'],
    ] as const) {
      await asOperator(method, path).expect(403);
    }
  });
});
