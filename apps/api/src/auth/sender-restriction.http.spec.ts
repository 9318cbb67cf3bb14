// A key restricted to sender numbers must neither touch nor read another number's data, on any route. The route
// inventory (route-coverage.http.spec.ts) checks that every route either refuses such a key or is marked as
// confining it; this suite checks that the marked ones really do.
import { OUTBOUND_MODES, OTHER_TWILIO_NUMBER, OutboundTestApp, TWILIO_NUMBER, createOutboundTestApp } from '../outbound/outbound.test-helpers';
import { createApiKey } from './auth.test-helpers';

describe.each(OUTBOUND_MODES)('A key restricted to sender numbers (OUTBOUND_MODE=%s)', (mode) => {
  let api: OutboundTestApp;
  let restricted: { id: string; key: string };
  /** What the bootstrap key sent from each number, and what the restricted key sent from its own. */
  const sent: Record<'mine' | 'othersFromMine' | 'otherNumber', { requestId: string; transcriptSid: string }> = {} as never;
  const transcriptRoute = mode === 'chat-proxy' ? 'channels' : 'conversations';

  const as = (key: string) => ({ Authorization: `Bearer ${key}` });
  const send = async (key: string | undefined, fromNumber: string, toNumber: string, idempotencyKey: string) => {
    const call = (key ? api.anonymous.post('/api/v1/outbound/message').set(as(key)) : api.http.post('/api/v1/outbound/message')).set(
      'Idempotency-Key',
      idempotencyKey,
    );
    const { body } = await call.send({ fromNumber, toNumber, toName: 'Ada', messageBody: `From ${fromNumber}` }).expect(201);
    return { requestId: body.id as string, transcriptSid: (body.conversation?.sid ?? body.channel.sid) as string };
  };

  beforeAll(async () => {
    api = await createOutboundTestApp({ env: { OUTBOUND_MODE: mode } });
    restricted = await createApiKey(api, 'operator', { allowedFromNumbers: [TWILIO_NUMBER] });
    sent.mine = await send(restricted.key, TWILIO_NUMBER, '+14155550701', 'restricted-key-1');
    sent.othersFromMine = await send(undefined, TWILIO_NUMBER, '+14155550702', 'bootstrap-key-1');
    sent.otherNumber = await send(undefined, OTHER_TWILIO_NUMBER, '+14155550703', 'bootstrap-key-2');
    await api.followUpsIdle();
  });
  afterAll(() => api.close());

  it('lists only the requests sent from its numbers, without other callers’ Idempotency-Keys', async () => {
    const { body } = await api.anonymous.get('/api/v1/outbound').set(as(restricted.key)).expect(200);
    expect(body.total).toBe(2);
    expect(body.items.map((item: { id: string; idempotencyKey: string | null }) => [item.id, item.idempotencyKey])).toEqual([
      [sent.othersFromMine.requestId, null],
      [sent.mine.requestId, 'restricted-key-1'],
    ]);
    // Asking for the other number by filter finds nothing either.
    expect(
      (
        await api.anonymous
          .get(`/api/v1/outbound?number=${encodeURIComponent(OTHER_TWILIO_NUMBER)}`)
          .set(as(restricted.key))
          .expect(200)
      ).body.total,
    ).toBe(0);
    // Unrestricted callers still see everything.
    expect((await api.http.get('/api/v1/outbound').expect(200)).body.total).toBe(3);
  });

  it('reads one of its numbers’ requests, and finds no other number’s', async () => {
    const own = await api.anonymous.get(`/api/v1/outbound/${sent.othersFromMine.requestId}`).set(as(restricted.key)).expect(200);
    expect(own.body).toMatchObject({ fromNumber: TWILIO_NUMBER, idempotencyKey: null });
    const other = await api.anonymous.get(`/api/v1/outbound/${sent.otherNumber.requestId}`).set(as(restricted.key)).expect(404);
    expect(other.body.error.code).toBe('OUTBOUND_REQUEST_NOT_FOUND');
  });

  it(`reads the transcripts of its numbers' conversations by SID, and no other number's (GET /${transcriptRoute}/{sid})`, async () => {
    for (const own of [sent.mine, sent.othersFromMine]) {
      const { body } = await api.anonymous.get(`/api/v1/${transcriptRoute}/${own.transcriptSid}`).set(as(restricted.key)).expect(200);
      expect(body.messages.map((message: { body: string }) => message.body)).toContain(`From ${TWILIO_NUMBER}`);
    }
    const other = await api.anonymous.get(`/api/v1/${transcriptRoute}/${sent.otherNumber.transcriptSid}`).set(as(restricted.key)).expect(404);
    expect(other.body.error.code).toBe('RESOURCE_NOT_FOUND');
    await api.http.get(`/api/v1/${transcriptRoute}/${sent.otherNumber.transcriptSid}`).expect(200);
  });

  it('is refused on routes that do not confine it (Flex Flows, Proxy sessions, the doctor): 403 SENDER_RESTRICTED', async () => {
    for (const path of ['/api/v1/flex-flows', '/api/v1/proxy/sessions', `/api/v1/doctor?number=${encodeURIComponent(TWILIO_NUMBER)}`]) {
      const response = await api.anonymous.get(path).set(as(restricted.key));
      expect(`${path} → ${response.status} ${response.body.error?.code}`).toBe(`${path} → 403 SENDER_RESTRICTED`);
    }
  });

  it('cannot be given to an admin key, which could make itself an unrestricted key', async () => {
    const response = await api.http
      .post('/api/v1/api-keys')
      .send({ name: 'restricted admin', role: 'admin', allowedFromNumbers: [TWILIO_NUMBER] })
      .expect(400);
    expect(response.body.error.details).toEqual([
      { field: 'allowedFromNumbers', message: 'allowedFromNumbers is for operator keys only: an admin key manages keys, users and every number' },
    ]);
  });
});

describe('The chat channel route reads the configured Flex Chat Service only', () => {
  let api: OutboundTestApp;
  beforeAll(async () => {
    api = await createOutboundTestApp();
  });
  afterAll(() => api.close());

  it('refuses another chat service with 400 naming chatServiceSid, whoever asks; the configured one is accepted', async () => {
    const { body } = await api.http
      .post('/api/v1/outbound/message')
      .send({ fromNumber: TWILIO_NUMBER, toNumber: '+14155550704', toName: 'Ada', messageBody: 'Hi' })
      .expect(201);
    const other = `IS${'0'.repeat(32)}`;
    const refused = await api.http.get(`/api/v1/channels/${body.channel.sid}?chatServiceSid=${other}`).expect(400);
    expect(refused.body.error.details.map((detail: { field: string }) => detail.field)).toEqual(['chatServiceSid']);
    await api.http.get(`/api/v1/channels/${body.channel.sid}?chatServiceSid=${api.sandbox.account.chatServiceSid}`).expect(200);
  });
});
