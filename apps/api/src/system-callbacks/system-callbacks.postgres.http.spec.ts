import { startSandbox, type RunningSandbox } from '@flex-sms/twilio-sandbox';
import request from 'supertest';
import { TWILIO_NUMBER } from '../outbound/outbound.test-helpers';
import { until } from '../testing/built-api';
import { TEST_DATABASE_URL, createTestSchema, describePostgres } from '../testing/test-databases';
import { TestApp, createTestApp } from '../testing/test-app';
import { SystemCallbackSender } from './system-callback-sender';
import { callbackBody } from './system-callback';
import { CallbackReceiver, FAST_CALLBACKS, startCallbackReceiver } from './system-callbacks.test-helpers';

const CALLBACKS = 40;

describePostgres('system callbacks with two API instances on one PostgreSQL', () => {
  let sandbox: RunningSandbox;
  let receiver: CallbackReceiver;
  let schema: { url: string; drop(): Promise<void> };
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, host: '127.0.0.1' });
    receiver = await startCallbackReceiver();
    schema = await createTestSchema(TEST_DATABASE_URL as string);
    const env = { ...FAST_CALLBACKS, DATABASE_URL: schema.url };
    first = await createTestApp({ sandbox, env, logger: false });
    second = await createTestApp({ sandbox, env, logger: false });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await schema?.drop();
    await receiver?.close();
    await sandbox?.close();
  });

  it('sends every queued callback once, whichever instance claims it, while both poll at once', async () => {
    const created = await first.http
      .post('/api/v1/api-keys')
      .send({ name: 'CRM', role: 'operator', callbackUrl: `${receiver.url}/crm` })
      .expect(201);
    const sent = await request(first.url)
      .post('/api/v1/outbound/message')
      .auth(created.body.key, { type: 'bearer' })
      .send({ fromNumber: TWILIO_NUMBER, toNumber: '+14155557001', toName: 'Ada', messageBody: 'Hi' })
      .expect(201);
    const requestId: string = sent.body.id;
    await until(async () => (receiver.at('/crm').length > 0 ? true : undefined), 'the request’s own callback');

    // Many callbacks due at once, as after an outage of the receiver: both instances' senders race for them.
    const now = new Date();
    for (let index = 0; index < CALLBACKS; index++) {
      const eventId = `evt_race${String(index).padStart(4, '0')}`;
      const event = {
        kind: 'delivery' as const,
        requestId,
        messageSid: `SM${String(index).padStart(32, '0')}`,
        status: 'delivered',
        errorCode: null,
        at: now,
      };
      await first.db.query(
        `INSERT INTO system_callback (id, request_id, event, dedupe_key, url, api_key_id, body, status, attempts, next_attempt_at, created_at)
         VALUES ($1, $2, 'delivery', $3, $4, $5, $6, 'pending', 0, $7, $7)`,
        [eventId, requestId, `race:${index}`, `${receiver.url}/crm`, created.body.apiKey.id, callbackBody(eventId, event), now],
      );
    }
    first.app.get(SystemCallbackSender).wake();
    second.app.get(SystemCallbackSender).wake();

    await until(async () => {
      const [{ pending }] = await first.db.query<{ pending: number }>(`SELECT count(*) AS pending FROM system_callback WHERE status <> 'delivered'`);
      return pending === 0 ? true : undefined;
    }, 'every callback delivered');
    const raced = receiver.at('/crm').filter((post) => String(post.headers['x-flex-sms-event-id']).startsWith('evt_race'));
    expect(raced).toHaveLength(CALLBACKS);
    expect(new Set(raced.map((post) => post.headers['x-flex-sms-event-id'])).size).toBe(CALLBACKS);
    const attempts = await first.db.query<{ callback_id: string; attempts: number }>(
      `SELECT callback_id, count(*) AS attempts FROM system_callback_attempt WHERE callback_id LIKE 'evt_race%' GROUP BY callback_id HAVING count(*) <> 1`,
    );
    expect(attempts).toEqual([]);
  });

  it('sends a callback claimed by an instance that died, once its lease has passed', async () => {
    const created = await second.http
      .post('/api/v1/api-keys')
      .send({ name: 'CRM 2', role: 'operator', callbackUrl: `${receiver.url}/orphan` })
      .expect(201);
    const sent = await request(second.url)
      .post('/api/v1/outbound/message')
      .auth(created.body.key, { type: 'bearer' })
      .send({ fromNumber: TWILIO_NUMBER, toNumber: '+14155557002', toName: 'Ada', messageBody: 'Hi' })
      .expect(201);
    const eventId = 'evt_orphanedonpostgres';
    const now = Date.now();
    const event = {
      kind: 'delivery' as const,
      requestId: sent.body.id,
      messageSid: `SM${'c'.repeat(32)}`,
      status: 'sent',
      errorCode: null,
      at: new Date(now),
    };
    await second.db.query(
      `INSERT INTO system_callback (id, request_id, event, dedupe_key, url, api_key_id, body, status, attempts, next_attempt_at, claim_token, claimed_until, created_at)
       VALUES ($1, $2, 'delivery', $3, $4, $5, $6, 'pending', 0, $7, 'dead-instance', $8, $7)`,
      [
        eventId,
        sent.body.id,
        `orphan:${eventId}`,
        `${receiver.url}/orphan`,
        created.body.apiKey.id,
        callbackBody(eventId, event),
        new Date(now),
        new Date(now + 300),
      ],
    );
    await until(async () => {
      const [row] = await second.db.query<{ status: string }>('SELECT status FROM system_callback WHERE id = $1', [eventId]);
      return row.status === 'delivered' ? true : undefined;
    }, 'the orphaned callback delivered');
    expect(receiver.at('/orphan').filter((post) => post.headers['x-flex-sms-event-id'] === eventId)).toHaveLength(1);
  });
});
