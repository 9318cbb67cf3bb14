import { OTHER_TWILIO_NUMBER, TWILIO_NUMBER, createOutboundTestApp, type OutboundTestApp } from '../outbound/outbound.test-helpers';
import { waitForJob, withCleanupOptions } from './cleanup.test-helpers';

const CLOSE_CONVERSATION = { method: 'POST', path: '/conversations/v1/Conversations/*' };

describe('conversation clean-up jobs over HTTP (OUTBOUND_MODE=conversations)', () => {
  let api: OutboundTestApp;
  let customerSequence = 0;
  const nextCustomer = () => `+1415556${String(++customerSequence).padStart(4, '0')}`;

  beforeAll(async () => {
    api = await createOutboundTestApp({ env: { OUTBOUND_MODE: 'conversations' }, override: withCleanupOptions() });
  });
  afterAll(() => api.close());
  beforeEach(() => api.controls.clearFaults());

  const send = async (fromNumber: string) =>
    (
      await api.http
        .post('/api/v1/outbound/message')
        .send({ fromNumber, toNumber: nextCustomer(), toName: 'Ada', messageBody: 'Your order shipped.' })
        .expect(201)
    ).body;
  const stateOf = async (sid: string) => (await api.twilio.conversations.v1.conversations(sid).fetch()).state;

  it('a dry run reports what would be closed and changes nothing; the job closes the number’s conversations, not the task’s, through Twilio failures', async () => {
    const mine = [await send(TWILIO_NUMBER), await send(TWILIO_NUMBER), await send(TWILIO_NUMBER)];
    const other = await send(OTHER_TWILIO_NUMBER);
    const held = (
      await api.http.post('/api/v1/outbound/task').send({ fromNumber: TWILIO_NUMBER, toNumber: nextCustomer(), toName: 'Grace' }).expect(201)
    ).body;
    await api.controls.clearRequests();

    const preview = (await api.http.post('/api/v1/cleanup/conversations').send({ number: TWILIO_NUMBER, dryRun: true }).expect(200)).body;

    expect(preview).toMatchObject({ kind: 'conversations', dryRun: true, total: 3, byStatus: { active: 3 } });
    expect(preview.sample.map((candidate: { sid: string }) => candidate.sid).sort()).toEqual(mine.map((sent) => sent.conversation.sid).sort());
    expect(Object.keys((await api.controls.requests()).counts).every((endpoint) => endpoint.startsWith('GET'))).toBe(true);

    // Twilio unavailable for one close: the job retries it rather than failing the item.
    await api.controls.clearRequests();
    await api.controls.setFaults({ failNext: [{ ...CLOSE_CONVERSATION, count: 1, status: 503, code: 20503 }] });
    const started = await api.http.post('/api/v1/cleanup/conversations').send({ number: TWILIO_NUMBER }).expect(202);
    expect(started.headers.location).toBe(`/api/v1/cleanup/jobs/${started.body.id}`);
    const job = await waitForJob(api, started.body.id);

    expect(job).toMatchObject({ status: 'completed', progress: { total: 3, done: 3, failed: 0 } });
    expect(await Promise.all(mine.map((sent) => stateOf(sent.conversation.sid)))).toEqual(['closed', 'closed', 'closed']);
    expect(await stateOf(other.conversation.sid)).toBe('active');
    expect(await stateOf(held.conversation.sid)).toBe('active');
    expect((await api.controls.requests()).counts['POST /conversations/v1/Conversations/:Sid']).toBe(4);
    const listed = (await api.http.get('/api/v1/cleanup/jobs').expect(200)).body;
    expect(listed[0]).toMatchObject({ id: started.body.id, kind: 'conversations' });
  });

  it('closes by explicit SID, and then the customer gets a fresh conversation', async () => {
    const first = await send(TWILIO_NUMBER);
    const started = await api.http
      .post('/api/v1/cleanup/conversations')
      .send({ conversationSids: [first.conversation.sid], olderThanDays: 0 })
      .expect(202);
    expect((await waitForJob(api, started.body.id)).progress).toMatchObject({ total: 1, done: 1 });

    const again = (
      await api.http
        .post('/api/v1/outbound/message')
        .send({ fromNumber: TWILIO_NUMBER, toNumber: first.channel.identity, toName: 'Ada', messageBody: 'Hello again' })
        .expect(201)
    ).body;
    expect(again).toMatchObject({ reused: { conversation: false } });
    expect(again.conversation.sid).not.toBe(first.conversation.sid);
  });

  it('refuses an empty selection, a closed state and a SID of the wrong kind, every error at once', async () => {
    const empty = await api.http.post('/api/v1/cleanup/conversations').send({ dryRun: true }).expect(400);
    expect(empty.body.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('select conversations by') });
    const invalid = await api.http
      .post('/api/v1/cleanup/conversations')
      .send({ states: ['closed'], conversationSids: ['KC0123456789abcdef0123456789abcdef'] })
      .expect(400);
    expect(invalid.body.error.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['conversationSids', 'states']);
  });
});
