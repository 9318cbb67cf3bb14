import { createTestApp, type TestApp } from '../testing/test-app';
import { listSessionSids, waitForJob, withCleanupOptions } from './cleanup.test-helpers';

const DELETE_SESSION = { method: 'DELETE', path: '/proxy/v1/Services/*/Sessions/*' };

describe('Proxy session clean-up jobs over HTTP', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await createTestApp({ override: withCleanupOptions() });
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    await api.controls.clearFaults();
    await api.controls.reset();
  });

  it('cleans 2,000 closed sessions through 429s and failing deletes, with exact counts, touching nothing else', async () => {
    const closed = (await api.controls.seedProxySessions({ count: 2000, status: 'closed' })).sessionSids;
    const open = (await api.controls.seedProxySessions({ count: 150, status: 'open' })).sessionSids;
    await api.controls.setFaults({
      // Retry-After 0: the job's retrier honours it at once, so the test stays fast while every 429 is still retried.
      endpoints: [{ path: '/proxy/**', rateLimitRate: 0.05, retryAfterSeconds: 0 }],
      failNext: [{ ...DELETE_SESSION, count: 40, status: 400, code: 20001, message: 'Injected: cannot delete' }],
    });

    const started = await api.http
      .post('/api/v1/cleanup/proxy-sessions')
      .send({ statuses: ['closed'], markChannelInactive: false })
      .expect(202);
    expect(started.headers.location).toBe(`/api/v1/cleanup/jobs/${started.body.id}`);
    const job = await waitForJob(api, started.body.id);
    // The checks below read the sandbox through Twilio's API too: the injected 429s were for the job, not for them.
    await api.controls.clearFaults();

    expect(job.status).toBe('completed');
    expect(job.progress).toMatchObject({ total: 2000, done: 1960, failed: 40, skipped: 0, pending: 0, percent: 100, etaSeconds: 0 });
    expect(job.errors[0].error).toMatchObject({ code: 'TWILIO_REQUEST_FAILED', message: expect.stringContaining('Injected: cannot delete') });
    const failedItems = (await api.http.get(`/api/v1/cleanup/jobs/${job.id}/items?status=failed&limit=100`).expect(200)).body.items as Array<{
      sid: string;
    }>;
    expect(failedItems).toHaveLength(40);

    const remaining = new Set(await listSessionSids(api));
    expect(remaining.size).toBe(150 + 40);
    expect(open.every((sid) => remaining.has(sid))).toBe(true);
    expect(failedItems.every((item) => remaining.has(item.sid) && closed.includes(item.sid))).toBe(true);
    const log = await api.controls.requests();
    expect(
      Object.entries(log.counts)
        .filter(([endpoint]) => endpoint.startsWith('DELETE'))
        .reduce((sum, [, count]) => sum + count, 0),
    ).toBeGreaterThanOrEqual(2000);
  }, 30_000);

  it('a dry run reports counts and a sample and changes nothing', async () => {
    await api.controls.seedProxySessions({ count: 30, status: 'closed' });
    await api.controls.seedProxySessions({ count: 10, status: 'open' });
    const before = await listSessionSids(api);
    await api.controls.clearRequests();

    const preview = await api.http
      .post('/api/v1/cleanup/proxy-sessions')
      .send({ statuses: ['closed', 'open'], dryRun: true })
      .expect(200);

    expect(preview.body).toMatchObject({ kind: 'proxy-sessions', dryRun: true, total: 40, byStatus: { closed: 30, open: 10 } });
    expect(preview.body.sample).toHaveLength(20);
    const log = await api.controls.requests();
    expect(Object.keys(log.counts).every((endpoint) => endpoint.startsWith('GET'))).toBe(true);
    expect(await listSessionSids(api)).toEqual(before);
    expect((await api.http.get('/api/v1/cleanup/jobs').expect(200)).body.every((job: { status: string }) => job.status !== 'selecting')).toBe(true);
  });

  it('selects by number and by explicit SIDs, closes open sessions and marks their channels INACTIVE', async () => {
    const sids = (await api.controls.seedProxySessions({ count: 6, status: 'open' })).sessionSids;
    const started = await api.http
      .post('/api/v1/cleanup/proxy-sessions')
      .send({ sessionSids: sids.slice(0, 4), number: api.sandbox.account.numbers[0] })
      .expect(202);
    const job = await waitForJob(api, started.body.id);

    // The seed alternates the pool's two numbers: sessions 0 and 2 are masked by the first one.
    expect(job.progress).toMatchObject({ total: 2, done: 2, failed: 0 });
    const remaining = await listSessionSids(api);
    expect(remaining).toEqual(expect.arrayContaining([sids[1], sids[3], sids[4], sids[5]]));
    expect(remaining).not.toContain(sids[0]);
    expect(remaining).not.toContain(sids[2]);
    const channels = (await (
      await fetch(`${api.sandbox.url}/chat/v2/Services/${api.account.chatServiceSid}/Channels?PageSize=100`, { headers: basicAuth(api) })
    ).json()) as { channels: Array<{ attributes: string }> };
    expect(channels.channels.map((channel) => JSON.parse(channel.attributes).status)).toEqual([
      'INACTIVE',
      'ACTIVE',
      'INACTIVE',
      'ACTIVE',
      'ACTIVE',
      'ACTIVE',
    ]);
  });

  it('cancel stops the job: items not reached stay untouched', async () => {
    await api.controls.seedProxySessions({ count: 400, status: 'closed' });
    // Slow Twilio down so the job is surely mid-way when cancelled.
    await api.controls.setFaults({ endpoints: [{ method: 'DELETE', path: '/proxy/**', latencyMs: 20 }] });
    const started = await api.http
      .post('/api/v1/cleanup/proxy-sessions')
      .send({ statuses: ['closed'], markChannelInactive: false })
      .expect(202);
    await waitForJob(api, started.body.id, (job) => job.progress.done >= 20);

    await api.http.post(`/api/v1/cleanup/jobs/${started.body.id}/cancel`).expect(202);
    const job = await waitForJob(api, started.body.id);

    expect(job.status).toBe('cancelled');
    expect(job.progress.cancelled).toBeGreaterThan(0);
    expect(job.progress.done + job.progress.cancelled).toBe(400);
    expect((await listSessionSids(api)).length).toBe(job.progress.cancelled);
    await api.http.post(`/api/v1/cleanup/jobs/${started.body.id}/cancel`).expect(409);
  });

  it('two jobs never clean the same session: the second skips what the first has claimed', async () => {
    await api.controls.seedProxySessions({ count: 300, status: 'closed' });
    await api.controls.setFaults({ endpoints: [{ method: 'DELETE', path: '/proxy/**', latencyMs: 10 }] });
    const first = await api.http
      .post('/api/v1/cleanup/proxy-sessions')
      .send({ statuses: ['closed'], markChannelInactive: false })
      .expect(202);
    await waitForJob(api, first.body.id, (job) => job.status === 'running' && job.progress.total === 300);
    const second = await api.http
      .post('/api/v1/cleanup/proxy-sessions')
      .send({ statuses: ['closed'], markChannelInactive: false })
      .expect(202);

    const [a, b] = await Promise.all([waitForJob(api, first.body.id), waitForJob(api, second.body.id)]);
    expect(a.progress).toMatchObject({ total: 300, done: 300, failed: 0 });
    // The second job lists what the first has not deleted yet: every one of those is the first's, so it skips them all.
    expect(b.progress.total).toBeGreaterThan(0);
    expect(b.progress).toMatchObject({ done: 0, failed: 0, skipped: b.progress.total });
    expect(b.errors).toEqual([]);
    const skipped = (await api.http.get(`/api/v1/cleanup/jobs/${b.id}/items?status=skipped&limit=1`).expect(200)).body.items;
    expect(skipped[0].error).toMatchObject({ code: 'CLAIMED_BY_ANOTHER_JOB', details: { jobId: a.id } });
    expect(await listSessionSids(api)).toEqual([]);
  });

  it('refuses an empty selection and invalid fields', async () => {
    const empty = await api.http.post('/api/v1/cleanup/proxy-sessions').send({ dryRun: true }).expect(400);
    expect(empty.body.error.code).toBe('INVALID_INPUT');
    const invalid = await api.http
      .post('/api/v1/cleanup/proxy-sessions')
      .send({ statuses: ['gone'], olderThanHours: -1, sessionSids: ['KC1'] })
      .expect(400);
    expect(invalid.body.error.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['olderThanHours', 'sessionSids', 'statuses']);
  });
});

function basicAuth(api: TestApp) {
  return { Authorization: `Basic ${Buffer.from(`${api.sandbox.account.accountSid}:${api.sandbox.account.authToken}`).toString('base64')}` };
}
