import { recordDeliveryStatus } from '@flex-sms/domain';
import request from 'supertest';
import { PublishingDeliveryObserver } from '../delivery/delivery-observer';
import { SqlDeliveryLog } from '../delivery/sql-delivery-log';
import { OTHER_TWILIO_NUMBER, OutboundTestApp, TWILIO_NUMBER, createOutboundTestApp } from '../outbound/outbound.test-helpers';
import { until } from '../testing/built-api';
import { callbackBody } from './system-callback';
import { CallbackReceiver, FAST_CALLBACKS, isSignedWith, startCallbackReceiver } from './system-callbacks.test-helpers';

interface CallbackLog {
  id: string;
  event: string;
  url: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  attemptLog: { attempt: number; statusCode: number | null; outcome: string }[];
}

describe('system callbacks over HTTP, to a real receiver', () => {
  let api: OutboundTestApp;
  let receiver: CallbackReceiver;
  let customers = 0;
  const nextCustomer = () => `+1415556${String(++customers).padStart(4, '0')}`;

  beforeAll(async () => {
    receiver = await startCallbackReceiver();
    api = await createOutboundTestApp({ env: FAST_CALLBACKS });
  });
  afterAll(async () => {
    await api?.close();
    await receiver?.close();
  });

  async function createKey(body: Record<string, unknown> = {}): Promise<{ id: string; key: string; signingSecret: string }> {
    const created = await api.http
      .post('/api/v1/api-keys')
      .send({ name: 'CRM', role: 'operator', ...body })
      .expect(201);
    return { id: created.body.apiKey.id, key: created.body.key, signingSecret: created.body.signingSecret };
  }

  const as = (key: string) => ({
    post: (path: string, body: Record<string, unknown>) => request(api.url).post(path).auth(key, { type: 'bearer' }).send(body),
    get: (path: string) => request(api.url).get(path).auth(key, { type: 'bearer' }),
  });

  const message = (key: string, body: Record<string, unknown> = {}) =>
    as(key).post('/api/v1/outbound/message', {
      fromNumber: TWILIO_NUMBER,
      toNumber: nextCustomer(),
      toName: 'Ada Lovelace',
      messageBody: 'Your order shipped.',
      ...body,
    });

  const callbacksOf = async (requestId: string): Promise<CallbackLog[]> =>
    (await api.http.get(`/api/v1/outbound/${requestId}/callbacks`).expect(200)).body.items;

  /** The request's callbacks once none is pending any more. */
  const settledCallbacksOf = (requestId: string) =>
    until(async () => {
      const items = await callbacksOf(requestId);
      return items.length > 0 && items.every((item) => item.status !== 'pending') ? items : undefined;
    }, `the callbacks of ${requestId} to settle`);

  it('POSTs a request’s final state to its key’s callbackUrl, signed with the key’s secret, which is shown once', async () => {
    const { id, key, signingSecret } = await createKey({ callbackUrl: `${receiver.url}/crm` });
    expect(signingSecret).toMatch(/^fss_[A-Za-z0-9_-]{43}$/);
    const listed = await api.http.get('/api/v1/api-keys').expect(200);
    expect(listed.body.find((apiKey: { id: string }) => apiKey.id === id)).toMatchObject({
      callbackUrl: `${receiver.url}/crm`,
      hasSigningSecret: true,
    });
    expect(JSON.stringify(listed.body)).not.toContain(signingSecret);

    const sent = await message(key).expect(201);
    const [callback] = await settledCallbacksOf(sent.body.id);

    expect(callback).toMatchObject({ event: 'request.state', url: `${receiver.url}/crm`, status: 'delivered', attempts: 1, nextAttemptAt: null });
    expect(callback.attemptLog).toEqual([expect.objectContaining({ attempt: 1, statusCode: 200, outcome: 'delivered' })]);
    const [received] = receiver.at('/crm').filter((post) => post.body.requestId === sent.body.id);
    expect(received.body).toEqual({
      eventId: callback.id,
      event: 'request.state',
      requestId: sent.body.id,
      state: 'succeeded',
      at: expect.any(String),
    });
    expect(received.headers['x-flex-sms-event-id']).toBe(callback.id);
    expect(received.headers['x-flex-sms-timestamp']).toMatch(/^\d{10}$/);
    expect(received.headers['content-type']).toBe('application/json');
    expect(isSignedWith(received, signingSecret)).toBe(true);
    expect(isSignedWith(received, (await createKey()).signingSecret)).toBe(false);
  });

  it('tries again after 500s, and the delivery log shows each attempt', async () => {
    receiver.answer('/flaky', [500, 500, 200]);
    const { key, signingSecret } = await createKey({ callbackUrl: `${receiver.url}/flaky` });

    const sent = await message(key).expect(201);
    const [callback] = await settledCallbacksOf(sent.body.id);

    expect(callback).toMatchObject({ status: 'delivered', attempts: 3 });
    expect(callback.attemptLog.map(({ attempt, statusCode, outcome }) => ({ attempt, statusCode, outcome }))).toEqual([
      { attempt: 1, statusCode: 500, outcome: 'retry' },
      { attempt: 2, statusCode: 500, outcome: 'retry' },
      { attempt: 3, statusCode: 200, outcome: 'delivered' },
    ]);
    const posts = receiver.at('/flaky');
    expect(posts).toHaveLength(3);
    // The same event every time: one id, the same bytes, the same signature.
    expect(new Set(posts.map((post) => post.headers['x-flex-sms-event-id']))).toEqual(new Set([callback.id]));
    expect(new Set(posts.map((post) => post.rawBody)).size).toBe(1);
    expect(posts.every((post) => isSignedWith(post, signingSecret))).toBe(true);
  });

  it('tries again after 429 and 408, and gives up at once on another 4xx', async () => {
    receiver.answer('/busy', [429, 408, 204]);
    receiver.answer('/gone', [410]);
    const busy = await message((await createKey({ callbackUrl: `${receiver.url}/busy` })).key).expect(201);
    const gone = await message((await createKey({ callbackUrl: `${receiver.url}/gone` })).key).expect(201);

    expect((await settledCallbacksOf(busy.body.id))[0]).toMatchObject({ status: 'delivered', attempts: 3 });
    const [refused] = await settledCallbacksOf(gone.body.id);
    expect(refused).toMatchObject({
      status: 'failed',
      attempts: 1,
      nextAttemptAt: null,
      attemptLog: [expect.objectContaining({ statusCode: 410, outcome: 'failed' })],
    });
    expect(receiver.at('/gone')).toHaveLength(1);
  });

  it('gives up after SYSTEM_CALLBACK_MAX_ATTEMPTS when the receiver keeps failing', async () => {
    receiver.answer('/down', [503]);
    const sent = await message((await createKey({ callbackUrl: `${receiver.url}/down` })).key).expect(201);
    const [callback] = await settledCallbacksOf(sent.body.id);
    expect(callback).toMatchObject({ status: 'failed', attempts: 4, nextAttemptAt: null });
    expect(callback.attemptLog.map((attempt) => attempt.outcome)).toEqual(['retry', 'retry', 'retry', 'failed']);
  });

  it('sends to the request’s statusCallbackUrl instead of the key’s, and shows it on the request', async () => {
    const { key } = await createKey({ callbackUrl: `${receiver.url}/default` });
    const sent = await message(key, { statusCallbackUrl: `${receiver.url}/override?crmId=A-17` }).expect(201);

    const [callback] = await settledCallbacksOf(sent.body.id);
    expect(callback).toMatchObject({ url: `${receiver.url}/override?crmId=A-17`, status: 'delivered' });
    expect(receiver.at('/override').map((post) => post.body.requestId)).toContain(sent.body.id);
    expect(receiver.at('/default').map((post) => post.body.requestId)).not.toContain(sent.body.id);
    expect((await as(key).get(`/api/v1/outbound/${sent.body.id}`).expect(200)).body.statusCallbackUrl).toBe(`${receiver.url}/override?crmId=A-17`);
  });

  it('reports the agent flow’s requests too, failures included', async () => {
    const { key } = await createKey({ callbackUrl: `${receiver.url}/tasks` });
    const task = await as(key)
      .post('/api/v1/outbound/task', { fromNumber: TWILIO_NUMBER, toNumber: nextCustomer(), toName: 'Ada Lovelace' })
      .expect(201);
    await api.followUpsIdle();
    expect((await settledCallbacksOf(task.body.id))[0]).toMatchObject({ event: 'request.state', status: 'delivered' });

    // No Flex Flow on this number: the request fails, and the caller hears that too.
    const unconfigured = '+15550100999';
    const failed = await as(key).post('/api/v1/outbound/task', { fromNumber: unconfigured, toNumber: nextCustomer(), toName: 'Ada Lovelace' });
    expect(failed.status).toBeGreaterThanOrEqual(400);
    const [journaled] = (await api.http.get('/api/v1/outbound').query({ number: unconfigured }).expect(200)).body.items;
    await settledCallbacksOf(journaled.id);
    const states = receiver.at('/tasks').map((post) => post.body);
    expect(states).toContainEqual(expect.objectContaining({ requestId: task.body.id, state: 'succeeded' }));
    expect(states).toContainEqual(expect.objectContaining({ requestId: journaled.id, state: journaled.status }));
    expect(['failed', 'rolled_back']).toContain(journaled.status);
  });

  it('signs with a rotated secret from the rotation on, and shows the new secret only in the rotation’s answer', async () => {
    const { id, key, signingSecret: first } = await createKey({ callbackUrl: `${receiver.url}/rotated` });
    const rotated = await api.http.post(`/api/v1/api-keys/${id}/signing-secret`).expect(200);
    const second: string = rotated.body.signingSecret;
    expect(second).not.toBe(first);
    expect(rotated.body.apiKey).toMatchObject({ id, hasSigningSecret: true });
    expect(JSON.stringify((await api.http.get('/api/v1/api-keys').expect(200)).body)).not.toContain(second);

    const sent = await message(key).expect(201);
    await settledCallbacksOf(sent.body.id);
    const [received] = receiver.at('/rotated').filter((post) => post.body.requestId === sent.body.id);
    expect(isSignedWith(received, second)).toBe(true);
    expect(isSignedWith(received, first)).toBe(false);
  });

  it('queues nothing for a key without a callback URL, or once it is cleared', async () => {
    const { id, key } = await createKey({ callbackUrl: `${receiver.url}/cleared` });
    expect((await api.http.patch(`/api/v1/api-keys/${id}`).send({ callbackUrl: null }).expect(200)).body).toMatchObject({ callbackUrl: null });
    // The callback is queued before the send answers, so an empty log right after the answer is final.
    const sent = await message(key).expect(201);
    expect(await callbacksOf(sent.body.id)).toEqual([]);
    const plain = await message((await createKey()).key).expect(201);
    expect(await callbacksOf(plain.body.id)).toEqual([]);
  });

  it('reports a delivery change recorded for the request (as the delivery webhooks record it), once however often it is recorded', async () => {
    const { key } = await createKey({ callbackUrl: `${receiver.url}/delivery` });
    const sent = await message(key).expect(201);
    const delivered = {
      messageSid: sent.body.message.sid as string,
      channelMessageSid: `SM${'a'.repeat(32)}`,
      status: 'delivered' as const,
      errorCode: null,
      errorMessage: null,
      reportedAt: new Date('2026-12-05T08:00:00.000Z'),
      source: 'callback' as const,
    };
    const deps = { log: api.app.get(SqlDeliveryLog), observer: api.app.get(PublishingDeliveryObserver) };
    await recordDeliveryStatus(deps, delivered);
    await recordDeliveryStatus(deps, delivered);

    const callbacks = await until(async () => {
      const items = await callbacksOf(sent.body.id);
      return items.length === 2 && items.every((item) => item.status === 'delivered') ? items : undefined;
    }, 'the state and delivery callbacks');
    expect(callbacks.map((callback) => callback.event).sort()).toEqual(['delivery', 'request.state']);
    const deliveryPosts = receiver.at('/delivery').filter((post) => post.body.event === 'delivery');
    expect(deliveryPosts.map((post) => post.body)).toEqual([
      {
        eventId: callbacks.find((callback) => callback.event === 'delivery')?.id,
        event: 'delivery',
        requestId: sent.body.id,
        delivery: { messageSid: sent.body.message.sid, status: 'delivered', errorCode: null },
        at: '2026-12-05T08:00:00.000Z',
      },
    ]);
  });

  it('sends a callback a dead worker had claimed once its lease has passed, and only once', async () => {
    const { id, key } = await createKey({ callbackUrl: `${receiver.url}/orphan` });
    const sent = await message(key).expect(201);
    await settledCallbacksOf(sent.body.id);
    // What a process that claimed a callback and died leaves behind: the row, claimed, its lease running.
    const eventId = 'evt_claimedbyadeadworker01';
    const now = Date.now();
    await api.db.query(
      `INSERT INTO system_callback (id, request_id, event, dedupe_key, url, api_key_id, body, status, attempts, next_attempt_at, claim_token, claimed_until, created_at)
       VALUES ($1, $2, 'delivery', $3, $4, $5, $6, 'pending', 0, $7, 'dead-worker', $8, $7)`,
      [
        eventId,
        sent.body.id,
        `delivery:${sent.body.id}:orphan`,
        `${receiver.url}/orphan`,
        id,
        callbackBody(eventId, {
          kind: 'delivery',
          requestId: sent.body.id,
          messageSid: `SM${'b'.repeat(32)}`,
          status: 'sent',
          errorCode: null,
          at: new Date(now),
        }),
        new Date(now),
        new Date(now + 300),
      ],
    );

    const orphan = await until(
      async () => (await callbacksOf(sent.body.id)).find((item) => item.id === eventId && item.status === 'delivered'),
      'the orphaned callback',
    );
    expect(orphan).toMatchObject({ attempts: 1, attemptLog: [expect.objectContaining({ attempt: 1, outcome: 'delivered' })] });
    expect(receiver.at('/orphan').filter((post) => post.headers['x-flex-sms-event-id'] === eventId)).toHaveLength(1);
  });

  describe('callback URLs', () => {
    const refused = [
      ['ftp://crm.example.com/hook', 'must be an http or https URL'],
      ['not a url', 'must be an absolute http or https URL'],
      ['https://user:secret@crm.example.com/hook', 'must not carry a user name or password'],
      ['https://crm.example.com/hook#part', 'must not have a fragment'],
      ['http://crm.example.com/hook', 'must be an https URL'],
      ['https://169.254.169.254/latest/meta-data', 'must not point at a private'],
      ['https://10.1.2.3/hook', 'must not point at a private'],
      ['https://[fd00::1]/hook', 'must not point at a private'],
      ['https://[::ffff:192.168.0.1]/hook', 'must not point at a private'],
    ];

    it.each(refused)('refuses %s with a 400 naming the field, on keys and on sends', async (url, reason) => {
      const onCreate = await api.http.post('/api/v1/api-keys').send({ name: 'CRM', role: 'operator', callbackUrl: url }).expect(400);
      expect(onCreate.body.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'callbackUrl', message: expect.stringContaining(reason) }],
      });
      const { id, key } = await createKey();
      const onUpdate = await api.http.patch(`/api/v1/api-keys/${id}`).send({ callbackUrl: url }).expect(400);
      expect(onUpdate.body.error.details).toEqual([{ field: 'callbackUrl', message: expect.stringContaining(reason) }]);
      const onSend = await message(key, { statusCallbackUrl: url }).expect(400);
      expect(onSend.body.error.details).toEqual([{ field: 'statusCallbackUrl', message: expect.stringContaining(reason) }]);
    });

    it('takes https anywhere public, and http to a loopback address', async () => {
      for (const url of ['https://crm.example.com/hook?token=abc', 'http://localhost:8080/hook', 'http://127.0.0.1/hook', 'http://[::1]:9000/hook']) {
        await api.http.post('/api/v1/api-keys').send({ name: 'CRM', role: 'operator', callbackUrl: url }).expect(201);
      }
    });

    it('refuses a statusCallbackUrl from a caller with no key to sign with', async () => {
      const fromBootstrap = await api.http
        .post('/api/v1/outbound/message')
        .send({ fromNumber: TWILIO_NUMBER, toNumber: nextCustomer(), toName: 'Ada', messageBody: 'Hi', statusCallbackUrl: `${receiver.url}/x` })
        .expect(400);
      expect(fromBootstrap.body.error.details).toEqual([{ field: 'statusCallbackUrl', message: expect.stringContaining('needs an API key caller') }]);
    });
  });

  describe('the delivery log and the key routes', () => {
    it('is another number’s request, so "not found", to a key restricted to other sender numbers; its own caller sees the URL', async () => {
      const { key } = await createKey({ callbackUrl: `${receiver.url}/restricted` });
      const sent = await message(key).expect(201);
      await settledCallbacksOf(sent.body.id);
      const other = await createKey({ allowedFromNumbers: [OTHER_TWILIO_NUMBER] });
      expect((await as(other.key).get(`/api/v1/outbound/${sent.body.id}/callbacks`).expect(404)).body.error.code).toBe('OUTBOUND_REQUEST_NOT_FOUND');
      const sameNumber = await createKey({ allowedFromNumbers: [TWILIO_NUMBER] });
      const seen = (await as(sameNumber.key).get(`/api/v1/outbound/${sent.body.id}/callbacks`).expect(200)).body.items;
      expect(seen).toEqual([expect.objectContaining({ status: 'delivered', url: '' })]);
      expect((await as(key).get(`/api/v1/outbound/${sent.body.id}/callbacks`).expect(200)).body.items[0].url).toBe(`${receiver.url}/restricted`);
      await api.http.get('/api/v1/outbound/req_000000000000000000000000/callbacks').expect(404);
    });

    it('refuses to change a revoked key, and a callback URL on a key with no signing secret', async () => {
      const { id } = await createKey();
      await api.db.query('UPDATE api_key SET callback_secret = NULL WHERE id = $1', [id]);
      expect(
        (
          await api.http
            .patch(`/api/v1/api-keys/${id}`)
            .send({ callbackUrl: `${receiver.url}/x` })
            .expect(409)
        ).body.error.code,
      ).toBe('SIGNING_SECRET_MISSING');
      await api.http.post(`/api/v1/api-keys/${id}/signing-secret`).expect(200);
      await api.http
        .patch(`/api/v1/api-keys/${id}`)
        .send({ callbackUrl: `${receiver.url}/x` })
        .expect(200);
      await api.http.delete(`/api/v1/api-keys/${id}`).expect(200);
      expect((await api.http.post(`/api/v1/api-keys/${id}/signing-secret`).expect(409)).body.error.code).toBe('API_KEY_REVOKED');
      expect((await api.http.patch('/api/v1/api-keys/key_nosuchkey').send({ callbackUrl: null }).expect(404)).body.error.code).toBe(
        'API_KEY_NOT_FOUND',
      );
    });

    it('counts the attempts by outcome in flex_sms_system_callbacks_total', async () => {
      const metrics = (await api.http.get('/metrics').expect(200)).text;
      expect(metrics).toMatch(/^flex_sms_system_callbacks_total\{outcome="delivered"\} [1-9]\d*$/m);
      expect(metrics).toMatch(/^flex_sms_system_callbacks_total\{outcome="retry"\} [1-9]\d*$/m);
      expect(metrics).toMatch(/^flex_sms_system_callbacks_total\{outcome="failed"\} [1-9]\d*$/m);
    });
  });
});

/**
 * The sender polls rarely (here once a minute, at start): a change that queued a callback wakes it (SystemCallbackOutbox),
 * so the callback goes out at once; a change that queued none (no callback URL, most sends) wakes nothing.
 */
describe('system callbacks go out when queued, not at the next poll', () => {
  let api: OutboundTestApp;
  let receiver: CallbackReceiver;

  beforeAll(async () => {
    receiver = await startCallbackReceiver();
    api = await createOutboundTestApp({ env: { ...FAST_CALLBACKS, SYSTEM_CALLBACK_POLL_MS: '60000' } });
  });
  afterAll(async () => {
    await api?.close();
    await receiver?.close();
  });

  it("a request's final state and its delivery change each reach the receiver well before the next poll", async () => {
    const created = await api.http
      .post('/api/v1/api-keys')
      .send({ name: 'CRM', role: 'operator', callbackUrl: `${receiver.url}/woken` })
      .expect(201);
    const sent = await request(api.url)
      .post('/api/v1/outbound/message')
      .auth(created.body.key, { type: 'bearer' })
      .send({ fromNumber: TWILIO_NUMBER, toNumber: '+14155569001', toName: 'Ada', messageBody: 'Your order shipped.' })
      .expect(201);
    const posted = (event: string) => () =>
      Promise.resolve(receiver.at('/woken').find((post) => post.body.requestId === sent.body.id && post.body.event === event));
    // `until` gives up after 15 s, a quarter of the poll interval.
    expect((await until(posted('request.state'), 'the request.state callback')).body.state).toBe('succeeded');

    const deps = { log: api.app.get(SqlDeliveryLog), observer: api.app.get(PublishingDeliveryObserver) };
    await recordDeliveryStatus(deps, {
      messageSid: sent.body.message.sid as string,
      channelMessageSid: `SM${'b'.repeat(32)}`,
      status: 'delivered',
      errorCode: null,
      errorMessage: null,
      reportedAt: new Date(),
      source: 'callback',
    });
    expect((await until(posted('delivery'), 'the delivery callback')).body).toMatchObject({ delivery: { status: 'delivered' } });
  });
});
