import type { LoggedRequest } from '@flex-sms/twilio-sandbox';
import { createApiKey, createUser, signIn } from '../auth/auth.test-helpers';
import { waitForJob, withCleanupOptions } from '../cleanup/cleanup.test-helpers';
import { OutboundTestApp, TWILIO_NUMBER, createOutboundTestApp } from '../outbound/outbound.test-helpers';
import { parseSamples, sampleValue, type Sample } from './metrics.test-helpers';

const METRICS_TOKEN = 'scraper-token-0123456789abcdef';

let customerSequence = 300;
const nextCustomer = () => `+1415555${String(++customerSequence).padStart(4, '0')}`;

/** Twilio's requests as the sandbox saw them, counted the way twilio_requests_total labels them. */
function countsByLabels(requests: readonly LoggedRequest[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const request of requests) {
    const key = `${request.domain} ${request.method} ${request.status}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** twilio_requests_total by `product method status`, for the series present. */
function twilioRequestsByLabels(samples: Sample[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const sample of samples.filter((candidate) => candidate.name === 'flex_sms_twilio_requests_total')) {
    counts[`${sample.labels.product} ${sample.labels.method} ${sample.labels.status}`] = sample.value;
  }
  return counts;
}

/** What changed between two sets of counts (series that did not move are left out). */
function delta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const changes = Object.entries(after).map(([key, value]) => [key, value - (before[key] ?? 0)] as const);
  return Object.fromEntries(changes.filter(([, change]) => change !== 0));
}

describe('GET /metrics', () => {
  let api: OutboundTestApp;

  beforeAll(async () => {
    api = await createOutboundTestApp({ env: { METRICS_TOKEN }, override: withCleanupOptions() });
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    await api.controls.clearFaults();
    await api.controls.clearRequests();
  });

  const scrape = async () => {
    const response = await api.http
      .get('/metrics')
      .expect(200)
      .expect('Content-Type', /^text\/plain;.*version=0\.0\.4/);
    return parseSamples(response.text);
  };
  const message = (body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    api.http
      .post('/api/v1/outbound/message')
      .set(headers)
      .send({ fromNumber: TWILIO_NUMBER, toNumber: nextCustomer(), toName: 'Ada', messageBody: 'Hello', ...body });
  const change = (before: Sample[], after: Sample[], name: string, labels: Record<string, string> = {}) =>
    sampleValue(after, name, labels) - sampleValue(before, name, labels);

  it('counts a send by flow, mode and outcome, and each of its Twilio requests by product, method and status', async () => {
    const before = await scrape();
    await api.controls.clearRequests();

    await message().expect(201);

    const after = await scrape();
    const system = { flow: 'system', mode: 'chat-proxy', outcome: 'succeeded' };
    expect(change(before, after, 'flex_sms_sends_total', { channel: 'sms', ...system })).toBe(1);
    expect(change(before, after, 'flex_sms_send_duration_seconds_count', system)).toBe(1);
    // Exactly the requests Twilio (the sandbox) received, labelled as it answered them.
    const received = countsByLabels((await api.controls.requests()).requests);
    expect(delta(twilioRequestsByLabels(before), twilioRequestsByLabels(after))).toEqual(received);
    expect(received).toMatchObject({ 'flex-api POST 201': 1, 'proxy POST 201': 1, 'chat POST 201': 1 });
    expect(change(before, after, 'flex_sms_journal_write_duration_seconds_count', { operation: 'begin' })).toBe(1);
    expect(change(before, after, 'flex_sms_pair_lock_wait_seconds_count')).toBe(1);
  });

  it('counts an agent send that failed and was rolled back, and a send refused before the journal', async () => {
    const before = await scrape();
    const sessions = '/proxy/v1/Services/*/Sessions';
    await api.controls.setFaults({ failNext: [{ method: 'POST', path: sessions, count: 1, status: 400, code: 20001, message: 'injected' }] });

    await api.http.post('/api/v1/outbound/task').send({ fromNumber: TWILIO_NUMBER, toNumber: nextCustomer(), toName: 'Ada' }).expect(502);
    await message({ messageBody: undefined }).expect(400);

    const after = await scrape();
    const rolledBack = { flow: 'agent', mode: 'chat-proxy', outcome: 'rolled_back' };
    const refused = { flow: 'system', mode: 'none', outcome: 'refused' };
    expect(change(before, after, 'flex_sms_sends_total', { channel: 'sms', ...rolledBack })).toBe(1);
    expect(change(before, after, 'flex_sms_sends_total', { channel: 'sms', ...refused })).toBe(1);
    expect(change(before, after, 'flex_sms_sends_total', { outcome: 'succeeded' })).toBe(0);
    expect(sampleValue(after, 'flex_sms_twilio_requests_total', { product: 'proxy', method: 'POST', status: '400' })).toBeGreaterThanOrEqual(1);
    expect(change(before, after, 'flex_sms_errors_total', { code: 'VALIDATION_FAILED' })).toBe(1);
    expect(change(before, after, 'flex_sms_errors_total', { code: 'TWILIO_REQUEST_FAILED' })).toBe(1);
  });

  it("counts Twilio's 429s and the retries after them, and an idempotent replay without a second send", async () => {
    const before = await scrape();
    const channels = { method: 'POST', path: '/flex-api/v1/Channels' };
    const throttled = { ...channels, count: 1, status: 429, code: 20429, message: 'injected', retryAfterSeconds: 0 };
    await api.controls.setFaults({ failNext: [throttled] });
    const key = { 'Idempotency-Key': `metrics-${nextCustomer()}` };
    const body = { toNumber: nextCustomer() };

    await message(body, key).expect(201);
    await message(body, key).expect(201).expect('Idempotent-Replayed', 'true');

    const after = await scrape();
    expect(change(before, after, 'flex_sms_twilio_rate_limited_total', { product: 'flex-api' })).toBe(1);
    expect(change(before, after, 'flex_sms_twilio_retries_total', { reason: 'throttled' })).toBe(1);
    expect(change(before, after, 'flex_sms_twilio_backoff_seconds_count', { reason: 'throttled' })).toBe(1);
    expect(change(before, after, 'flex_sms_idempotency_replays_total', { source: 'stored' })).toBe(1);
    expect(change(before, after, 'flex_sms_sends_total', { flow: 'system', outcome: 'succeeded' })).toBe(1);
  });

  it('counts clean-up items by kind and outcome', async () => {
    const before = await scrape();
    await api.controls.seedProxySessions({ count: 3, status: 'closed' });
    const deleteSession = { method: 'DELETE', path: '/proxy/v1/Services/*/Sessions/*' };
    await api.controls.setFaults({ failNext: [{ ...deleteSession, count: 1, status: 400, code: 20001, message: 'injected' }] });

    const started = await api.http
      .post('/api/v1/cleanup/proxy-sessions')
      .send({ statuses: ['closed'], markChannelInactive: false })
      .expect(202);
    const job = await waitForJob(api, started.body.id);

    const after = await scrape();
    const items = (outcome: string) => change(before, after, 'flex_sms_cleanup_job_items_total', { kind: 'proxy-sessions', outcome });
    expect(job.progress.failed).toBe(1);
    expect(job.progress.done).toBeGreaterThanOrEqual(2);
    expect(items('done')).toBe(job.progress.done);
    expect(items('failed')).toBe(1);
    expect(sampleValue(after, 'flex_sms_cleanup_jobs_running')).toBe(0);
  });

  it('exposes process metrics and labels requests by route pattern, never by a SID in the URL', async () => {
    await api.http.get('/api/v1/channels/CH00000000000000000000000000000000').expect(404);
    await api.http.get('/health').expect(200);

    const text = (await api.http.get('/metrics').expect(200)).text;
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes /m);
    const channelReads = sampleValue(parseSamples(text), 'flex_sms_http_requests_total', { route: '/api/v1/channels/:sid', status: '404' });
    expect(channelReads).toBeGreaterThanOrEqual(1);
    expect(text).not.toMatch(/CH0{32}/);
    expect(text).not.toMatch(/\+1415555\d{4}/);
  });

  describe('who may read them', () => {
    it('refuses callers without credentials, and operators', async () => {
      await api.anonymous.get('/metrics').expect(401);
      const operator = await createApiKey(api, 'operator');
      await api.anonymous.get('/metrics').auth(operator.key, { type: 'bearer' }).expect(403);
      await api.anonymous.get('/metrics').auth('not-the-metrics-token', { type: 'bearer' }).expect(401);
    });

    it('lets admins in, by API key or console session', async () => {
      const admin = await createApiKey(api, 'admin');
      await api.anonymous.get('/metrics').auth(admin.key, { type: 'bearer' }).expect(200);
      await createUser(api, 'metrics-admin', 'admin');
      await api.anonymous
        .get('/metrics')
        .set('Cookie', await signIn(api, 'metrics-admin'))
        .expect(200);
    });

    it('lets the scraper in with METRICS_TOKEN, on /metrics only', async () => {
      const response = await api.anonymous.get('/metrics').auth(METRICS_TOKEN, { type: 'bearer' }).expect(200);
      expect(response.text).toContain('flex_sms_sends_total');
      await api.anonymous.get('/api/v1/outbound').auth(METRICS_TOKEN, { type: 'bearer' }).expect(401);
    });
  });
});
