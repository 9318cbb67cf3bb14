import type { OutboundRequestRecord } from '@flex-sms/domain';
import { SqlApiKeyStore } from '../api-keys/sql-api-key-store';
import { SqlDeliveryLog } from '../delivery/sql-delivery-log';
import { SqlJournal } from '../journal/sql-journal';
import { migrateToLatest } from '../store/migrator';
import { DatabaseTarget, TestDatabase, describePostgres, sqliteTarget } from '../testing/test-databases';
import { SystemCallbackOutbox, outboxInsert } from './system-callback-outbox';

const T0 = new Date('2026-12-05T12:00:00.000Z');
let sequence = 0;

/** A change and its system callback are one write: recorded without the callback (or the other way round) never. */
function outboxContract(target: DatabaseTarget) {
  let handle: TestDatabase;
  let keyId: string;
  /** An operator key with a callback URL and a signing secret: one whose requests report back. */
  const insertKey = (key: { id: string; name: string; prefix: string; callbackUrl: string }) =>
    new SqlApiKeyStore(handle.db).insert(
      { ...key, role: 'operator', hasSigningSecret: true, createdBy: 'bootstrap', createdAt: T0, lastUsedAt: null, revokedAt: null },
      'not-a-real-hash',
      'signing-secret',
    );
  beforeAll(async () => {
    handle = await target.open();
    await migrateToLatest(handle.db);
    keyId = `key_outbox${target.name.length}`;
    await insertKey({ id: keyId, name: 'CRM', prefix: 'fsk_outbox', callbackUrl: 'https://crm.example.com/sms' });
  });
  afterAll(() => handle.close());

  const request = (): OutboundRequestRecord => ({
    kind: 'system_sms',
    caller: `api-key:${keyId}`,
    fromNumber: '+15550100001',
    toNumber: `+1415557${String(++sequence).padStart(4, '0')}`,
    toName: 'Ada',
    channel: 'sms',
    body: 'Hi',
    idempotencyKey: null,
    input: {},
  });
  /** The real outbox, counting the times it was told a callback was queued (what wakes the sender). */
  const countingOutbox = () => {
    const outbox = new SystemCallbackOutbox();
    const told = { count: 0 };
    outbox.onQueued(() => told.count++);
    return { outbox, told };
  };
  const callbacksOf = (requestId: string) =>
    handle.db.query<{ event: string; body: string; status: string }>(
      'SELECT event, body, status FROM system_callback WHERE request_id = $1 ORDER BY created_at',
      [requestId],
    );

  it("queues the request's state callback in the finish itself: nothing after it (a publish, a process still alive) is needed", async () => {
    const { outbox, told } = countingOutbox();
    const journal = new SqlJournal(handle.db, outbox);
    const requestId = await journal.begin(request(), T0);
    await journal.finish(requestId, { status: 'succeeded', finishedAt: T0, result: {} });

    const [callback] = await callbacksOf(requestId);
    expect(callback).toMatchObject({ event: 'request.state', status: 'pending' });
    expect(JSON.parse(callback.body)).toMatchObject({ event: 'request.state', requestId, state: 'succeeded', at: T0.toISOString() });
    expect(told.count).toBe(1);
  });

  it('says nothing to the sender when the request has nowhere to report to: no row, no wake (no claim statement)', async () => {
    const { outbox, told } = countingOutbox();
    const journal = new SqlJournal(handle.db, outbox);
    // A console user's request: no API key, so no callback URL and no secret to sign with.
    const requestId = await journal.begin({ ...request(), caller: 'user:ada' }, T0);
    await journal.finish(requestId, { status: 'succeeded', finishedAt: T0, result: {} });

    expect(await journal.get(requestId)).toMatchObject({ status: 'succeeded' });
    expect(await callbacksOf(requestId)).toEqual([]);
    expect(told.count).toBe(0);
  });

  it('queues the callback of the API key that made the request, found by its id, and none for another kind of caller', async () => {
    const otherKeyId = `${keyId}_2`;
    await insertKey({ id: otherKeyId, name: 'Billing', prefix: 'fsk_outbox2', callbackUrl: 'https://billing.example.com/sms' });
    const journal = new SqlJournal(handle.db, new SystemCallbackOutbox());
    const urlsOf = async (caller: string) => {
      const requestId = await journal.begin({ ...request(), caller }, T0);
      await journal.finish(requestId, { status: 'succeeded', finishedAt: T0, result: {} });
      const rows = await handle.db.query<{ url: string; api_key_id: string }>('SELECT url, api_key_id FROM system_callback WHERE request_id = $1', [
        requestId,
      ]);
      return rows.map((row) => `${row.api_key_id} ${row.url}`);
    };

    expect(await urlsOf(`api-key:${otherKeyId}`)).toEqual([`${otherKeyId} https://billing.example.com/sms`]);
    expect(await urlsOf(`api-key:${keyId}`)).toEqual([`${keyId} https://crm.example.com/sms`]);
    expect(await urlsOf(`user:${keyId}`)).toEqual([]);
    expect(await urlsOf(`API-KEY:${keyId}`)).toEqual([]);
    expect(await urlsOf('bootstrap')).toEqual([]);
  });

  it('records no outcome when its callback cannot be queued: one transaction', async () => {
    // An outbox whose write fails (as a database refusing it would): the finish must fail whole.
    const { outbox, told } = countingOutbox();
    const failing = {
      insert: (...args: Parameters<typeof outboxInsert>) => {
        const insert = outboxInsert(...args);
        return { ...insert, sql: insert.sql.replace('INSERT INTO system_callback', 'INSERT INTO no_such_outbox') };
      },
      queued: () => outbox.queued(),
    };
    const journal = new SqlJournal(handle.db, failing);
    const requestId = await journal.begin(request(), T0);
    await expect(journal.finish(requestId, { status: 'succeeded', finishedAt: T0, result: {} })).rejects.toThrow();

    expect(await journal.get(requestId)).toMatchObject({ status: 'in_flight', finishedAt: null });
    expect(await callbacksOf(requestId)).toEqual([]);
    expect(told.count).toBe(0);
  });

  it("queues a delivery change's callback in the transaction that moves the status, once per change", async () => {
    const { outbox, told } = countingOutbox();
    const journal = new SqlJournal(handle.db, outbox);
    const requestId = await journal.begin(request(), T0);
    const messageSid = `IM${String(sequence).padStart(32, '0')}`;
    await journal.finish(
      requestId,
      { status: 'succeeded', finishedAt: T0, result: { message: { sid: messageSid } } },
      { steps: [{ name: 'message', outcome: 'created', sids: { messageSid }, startedAt: T0, finishedAt: T0 }] },
    );
    const log = new SqlDeliveryLog(handle.db, outbox);
    const report = {
      messageSid,
      channelMessageSid: 'SM1',
      status: 'delivered' as const,
      errorCode: null,
      errorMessage: null,
      reportedAt: T0,
      source: 'callback' as const,
    };
    await log.record(requestId, report);
    await log.record(requestId, report);

    const callbacks = await callbacksOf(requestId);
    expect(callbacks.map((callback) => callback.event)).toEqual(['request.state', 'delivery']);
    expect(JSON.parse(callbacks[1].body)).toMatchObject({ requestId, delivery: { messageSid, status: 'delivered', errorCode: null } });
    // The finish's and the first record's; the second record changed nothing and queued nothing.
    expect(told.count).toBe(2);
  });
}

describe('system callback outbox on the embedded SQLite', () => outboxContract(sqliteTarget));
describePostgres('system callback outbox on PostgreSQL', (target) => outboxContract(target));
