import { OUTBOUND_VARIANTS, OutboundTestApp, channelFields, createOutboundTestApp, customerWroteFirst } from '../outbound/outbound.test-helpers';

/** The system flow's first Twilio create in each mode. */
const FIRST_CREATE = { 'chat-proxy': '/flex-api/v1/Channels', conversations: '/conversations/v1/Conversations' } as const;

describe.each(OUTBOUND_VARIANTS)('Idempotency-Key on the outbound routes (OUTBOUND_MODE=$mode, channel $channel)', (variant) => {
  const { mode } = variant;
  let api: OutboundTestApp;
  let sequence = 700;
  let customer: string;

  beforeAll(async () => {
    api = await createOutboundTestApp({ env: { OUTBOUND_MODE: mode } });
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    customer = `+1415555${String(++sequence).padStart(4, '0')}`;
    await api.controls.clearFaults();
    await customerWroteFirst(api, variant, customer);
    await api.controls.clearRequests();
  });

  const body = (overrides: Record<string, unknown> = {}) => ({
    fromNumber: variant.fromNumber,
    toNumber: customer,
    toName: 'Ada',
    messageBody: 'Shipped',
    ...channelFields(variant),
    ...overrides,
  });
  const send = (key: string, payload: Record<string, unknown> = body()) =>
    api.http.post('/api/v1/outbound/message').set('Idempotency-Key', key).send(payload);
  const journalCount = async () => (await api.http.get('/api/v1/outbound').query({ number: customer }).expect(200)).body.total;

  it('replays the first response to a repeat, without touching Twilio', async () => {
    const first = await send(`key-${customer}`).expect(201);
    await api.controls.clearRequests();

    const repeat = await send(`key-${customer}`).expect(201);

    expect(repeat.body).toEqual(first.body);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect((await api.controls.requests()).total).toBe(0);
    expect(await journalCount()).toBe(1);
    expect((await api.controls.handsetThread(customer)).map((sms) => sms.body)).toEqual(['Shipped']);
  });

  it('treats the same fields sent as a form as the same request', async () => {
    const first = await send(`form-${customer}`).expect(201);
    const repeat = await api.http.post('/api/v1/outbound/message').set('Idempotency-Key', `form-${customer}`).type('form').send(body()).expect(201);
    expect(repeat.body.id).toBe(first.body.id);
  });

  it('refuses the key with a different body: 422 IDEMPOTENCY_KEY_REUSED', async () => {
    await send(`reuse-${customer}`).expect(201);
    const response = await send(`reuse-${customer}`, body({ messageBody: 'Something else' })).expect(422);
    expect(response.body.error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', context: { idempotencyKey: `reuse-${customer}` } });
    expect(await journalCount()).toBe(1);
  });

  it('answers 409 IDEMPOTENCY_KEY_IN_USE while the first request still runs', async () => {
    await api.controls.setFaults({ latencyMs: 150 });
    const first = send(`busy-${customer}`).then((response) => response);
    await new Promise((resolve) => setTimeout(resolve, 60));

    const concurrent = await send(`busy-${customer}`).expect(409);

    expect(concurrent.body.error.code).toBe('IDEMPOTENCY_KEY_IN_USE');
    expect(concurrent.headers['retry-after']).toBe('1');
    expect((await first).status).toBe(201);
    await api.controls.clearFaults();
    expect((await send(`busy-${customer}`).expect(201)).headers['idempotent-replayed']).toBe('true');
  });

  it('keeps a refused request (422) and replays it; forgets a request that failed validation', async () => {
    const unconfigured = body({ fromNumber: '+15550100009' });
    const refused = await send(`refused-${customer}`, unconfigured).expect(422);
    const replayed = await send(`refused-${customer}`, unconfigured).expect(422);
    expect(replayed.body).toEqual(refused.body);
    expect(replayed.headers['idempotent-replayed']).toBe('true');

    await send(`invalid-${customer}`, body({ toNumber: 'not a number' })).expect(400);
    await send(`invalid-${customer}`).expect(201);
  });

  it('forgets a 503 so the caller can retry with the same key once Twilio is back', async () => {
    await api.controls.setFaults({ failNext: [{ method: 'POST', path: FIRST_CREATE[mode], count: 20, status: 503, code: 20503 }] });
    await send(`outage-${customer}`).expect(503);
    await api.controls.clearFaults();
    const retried = await send(`outage-${customer}`).expect(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
  });

  /** As if the process had died after the request succeeded but before its answer was stored under the key. */
  const loseStoredAnswer = (key: string) =>
    api.db.query(`UPDATE idempotency_key SET state = 'in_progress', response_status = NULL, response_body = NULL WHERE key = $1`, [key]);

  it('answers from the journal a retry whose first attempt succeeded but never stored its answer, without sending again', async () => {
    const first = await send(`lost-${customer}`).expect(201);
    await loseStoredAnswer(`lost-${customer}`);
    await api.controls.clearRequests();

    const retried = await send(`lost-${customer}`).expect(201);

    expect(retried.body).toEqual(first.body);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect((await api.controls.requests()).total).toBe(0);
    expect(await journalCount()).toBe(1);
  });

  (mode === 'chat-proxy' ? it : it.skip)("answers a drop-in Function route's retry in that route's own shape", async () => {
    const path = '/flex-initiate-outbound-sms';
    const first = await api.http.post(path).set('Idempotency-Key', `legacy-${customer}`).send(body()).expect(200);
    await loseStoredAnswer(`legacy-${customer}`);

    const retried = await api.http.post(path).set('Idempotency-Key', `legacy-${customer}`).send(body()).expect(200);

    expect(retried.body).toEqual(first.body);
    expect(await journalCount()).toBe(1);
  });

  it('refuses a malformed key', async () => {
    const response = await send('x'.repeat(256)).expect(400);
    expect(response.body.error.code).toBe('INVALID_IDEMPOTENCY_KEY');
  });
});
