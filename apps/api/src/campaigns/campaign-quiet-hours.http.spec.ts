import { DEMO_NUMBERS } from '@flex-sms/twilio-sandbox';
import { FakeClock } from '@flex-sms/domain/testing';
import { FAST_RETRIES } from '../outbound/outbound.test-helpers';
import { OUTBOUND_SMS_OPTIONS } from '../outbound/outbound-sms.tokens';
import { TestApp, createTestApp } from '../testing/test-app';
import { CAMPAIGN_OPTIONS, DEFAULT_CAMPAIGN_OPTIONS } from './campaigns.tokens';
import { ANY_TIME, customers, received, waitForCampaign } from './campaigns.test-helpers';

const [SENDER] = DEMO_NUMBERS;
const LONDON = '+447700900123';

describe('Campaign quiet hours and Twilio pushback (fake clock, sandbox over HTTP)', () => {
  let api: TestApp;
  // 23:30 in London (BST).
  const clock = new FakeClock(Date.parse('2026-06-01T22:30:00Z'));

  beforeAll(async () => {
    api = await createTestApp({
      logger: false,
      override: (builder) =>
        builder
          .overrideProvider(OUTBOUND_SMS_OPTIONS)
          .useValue(FAST_RETRIES)
          .overrideProvider(CAMPAIGN_OPTIONS)
          .useValue({ ...DEFAULT_CAMPAIGN_OPTIONS, idlePollMs: 20, housekeepingMs: 200, clock }),
    });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('holds a message until the recipient’s local morning, then sends it once', async () => {
    const created = await api.http
      .post('/api/v1/campaigns')
      .send({ name: 'Night', body: 'Good morning', senders: [SENDER], pacingPerSecond: 10, recipients: [{ number: LONDON }] })
      .expect(201);
    expect(created.body.quietHours).toEqual({ sendFrom: '08:00', sendUntil: '21:00' });

    let deferred: { state: string; notBefore: string } | undefined;
    for (let attempt = 0; attempt < 600 && deferred?.notBefore !== '2026-06-02T07:00:00.000Z'; attempt++) {
      [deferred] = (await api.http.get(`/api/v1/campaigns/${created.body.id}/recipients`).expect(200)).body.recipients;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(deferred).toMatchObject({ state: 'pending', notBefore: '2026-06-02T07:00:00.000Z' });
    expect(await received(api.controls, LONDON, 'Good morning')).toHaveLength(0);

    clock.advance(Date.parse('2026-06-02T07:00:00Z') - clock.now());
    const done = await waitForCampaign(api, created.body.id, (campaign) => campaign.status === 'completed');
    expect(done.counts.sent).toBe(1);
    expect(await received(api.controls, LONDON, 'Good morning')).toHaveLength(1);
  });

  it('starts a scheduled campaign at its start time', async () => {
    const [number] = customers(1, 700);
    const startAt = new Date(clock.now() + 3_600_000).toISOString();
    const created = await api.http
      .post('/api/v1/campaigns')
      .send({ name: 'Later', body: 'Scheduled', senders: [SENDER], startAt, ...ANY_TIME, recipients: [{ number }] })
      .expect(201);
    expect(created.body).toMatchObject({ status: 'scheduled', startAt });
    clock.advance(3_600_000);
    await waitForCampaign(api, created.body.id, (campaign) => campaign.status === 'completed');
    expect(await received(api.controls, number, 'Scheduled')).toHaveLength(1);
  });

  it('slows down on 429 instead of failing the recipient, then sends it once', async () => {
    const numbers = customers(3, 800);
    // More 429s than the send's own retries absorb (FAST_RETRIES): the campaign must back off.
    await api.controls.setFaults({
      failNext: [{ method: 'POST', path: '/flex-api/v1/Channels', count: 12, status: 429, code: 20429, retryAfterSeconds: 1 }],
    });
    try {
      const created = await api.http
        .post('/api/v1/campaigns')
        .send({
          name: 'Pushback',
          body: 'Despite 429',
          senders: [SENDER],
          pacingPerSecond: 10,
          ...ANY_TIME,
          recipients: numbers.map((number) => ({ number })),
        })
        .expect(201);
      // The backoff pauses in the campaign's (fake) time: it passes as the test looks.
      const done = await waitForCampaign(api, created.body.id, (campaign) => {
        clock.advance(250);
        return campaign.status === 'completed';
      });
      expect(done.counts).toMatchObject({ sent: 3, failed: 0 });
      for (const number of numbers) expect(await received(api.controls, number, 'Despite 429')).toHaveLength(1);
      const attempts = await api.db.query<{ idempotency_key: string; status: string }>(
        `SELECT idempotency_key, status FROM outbound_request WHERE idempotency_key LIKE $1 ORDER BY started_at`,
        [`campaign:${created.body.id}:%`],
      );
      // Tries refused past the send's own retries were journaled as failed; each went again under the same key,
      // and each recipient succeeded once.
      expect(attempts.filter((attempt) => attempt.status !== 'succeeded').length).toBeGreaterThan(0);
      const succeeded = attempts.filter((attempt) => attempt.status === 'succeeded').map((attempt) => attempt.idempotency_key);
      expect(succeeded.sort()).toEqual([0, 1, 2].map((position) => `campaign:${created.body.id}:${position}`));
    } finally {
      await api.controls.clearFaults();
    }
  });
});
