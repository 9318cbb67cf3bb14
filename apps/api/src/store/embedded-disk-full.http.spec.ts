import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CUSTOMER, FAST_RETRIES, OutboundTestApp, TWILIO_NUMBER, createOutboundTestApp, twilioResources } from '../outbound/outbound.test-helpers';
import { until } from '../testing/built-api';
import { breakDisk, fillDisk } from '../testing/embedded-disk-faults';
import { embeddedDatabaseFile } from './open-database';

/** The API on the embedded database (SQLite in DATA_DIR) when its disk fills up or fails (for real: testing/embedded-disk-faults.ts). */
describe('The embedded database on a full or failing disk', () => {
  let dataDir: string;
  let api: OutboundTestApp;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'flex-sms-disk-full-'));
    // DATA_DIR, not memory://: SQLite on a file. Recovery waits a short Twilio timeout out, so it settles soon.
    api = await createOutboundTestApp({
      env: { DATABASE_URL: undefined, DATA_DIR: dataDir, TWILIO_REQUEST_TIMEOUT_MS: '3000' },
      outbound: { ...FAST_RETRIES, inFlightSettleMs: 3_000 },
    });
    // No OUTBOUND_MODE: the number's mode is read from the account (cached) before a send is journaled. Warm, as on
    // every send after the first, so "nothing reached Twilio" below is about the send itself.
    await api.http.get('/api/v1/doctor').query({ number: TWILIO_NUMBER }).expect(200);
  });
  afterAll(async () => {
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const send = (toNumber: string, key: string, messageBody: string) =>
    api.http.post('/api/v1/outbound/message').set('Idempotency-Key', key).send({ fromNumber: TWILIO_NUMBER, toNumber, toName: 'Ada', messageBody });

  /** The caller's retry with its key: 409 while what the refused attempt left in flight is being settled, then it runs. */
  const retryUntilRun = (toNumber: string, key: string, messageBody: string) =>
    until(
      async () => {
        const response = await send(toNumber, key, messageBody);
        return response.status === 409 ? undefined : response;
      },
      'the retry to run',
      30_000,
    );

  const outcome = (response: { status: number; body: { error?: { code: string } }; headers: Record<string, string> }) => ({
    status: response.status,
    code: response.body.error?.code,
    retryAfter: response.headers['retry-after'],
  });

  async function journaledStatuses(customer: string): Promise<string[]> {
    const { body: history } = await api.http.get('/api/v1/outbound').query({ number: customer }).expect(200);
    return history.items.map((item: { status: string }) => item.status).filter((status: string) => status !== 'failed' && status !== 'rolled_back');
  }

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After when the disk is full, instead of crashing, and sends once there is room again', async () => {
    // The longest SMS (1,600 characters) in a three-byte script: its journal entry needs pages of its own.
    const longSms = '配送済み。'.repeat(320);
    const disk = await fillDisk(api.db);
    await api.controls.clearRequests();
    let refused;
    try {
      refused = await send(CUSTOMER, 'disk-full', longSms);
      await api.anonymous.get('/health').expect(200);
    } finally {
      await disk.makeRoom();
    }
    expect(outcome(refused)).toEqual({ status: 503, code: 'DATABASE_UNAVAILABLE', retryAfter: '5' });
    // Journal first: refused before Twilio heard of it.
    expect((await api.controls.requests()).requests).toEqual([]);

    const sent = await retryUntilRun(CUSTOMER, 'disk-full', longSms);
    expect(sent.status).toBe(201);
    expect(await journaledStatuses(CUSTOMER)).toEqual(['succeeded']);
    expect((await api.controls.handsetThread(CUSTOMER)).map((sms) => sms.body)).toEqual([longSms]);
  });

  it('answers 503 when the disk fails in the middle of a send, undoes it, and sends once, without a restart, when the disk is repaired', async () => {
    const customer = '+14155550188';
    // The Proxy Session create takes a while, so the disk can fail while it is out: the step after it cannot be journaled.
    await api.controls.setFaults({ endpoints: [{ method: 'POST', path: '/proxy/v1/Services/*/Sessions', latencyMs: 1_000 }] });
    await api.controls.clearRequests();
    const sending = send(customer, 'disk-failed', 'Shipped').then((response) => response);
    await until(
      async () =>
        (await api.controls.requests()).requests.some((request) => request.endpoint === 'POST /proxy/v1/Services/:ServiceSid/Sessions')
          ? true
          : undefined,
      'the Proxy Session create to be out',
    );
    const disk = breakDisk(embeddedDatabaseFile(dataDir));
    let refused;
    try {
      refused = await sending;
    } finally {
      disk.repair();
    }
    await api.controls.clearFaults();
    expect(outcome(refused)).toEqual({ status: 503, code: 'DATABASE_UNAVAILABLE', retryAfter: '5' });

    // The database answering again sets recovery going (InFlightRecovery): it settles the interrupted send, freeing its key.
    const sent = await retryUntilRun(customer, 'disk-failed', 'Shipped');
    expect(sent.status).toBe(201);
    expect(await journaledStatuses(customer)).toEqual(['succeeded']);
    const { body: inFlight } = await api.http.get('/api/v1/outbound').query({ status: 'in_flight' }).expect(200);
    expect(inFlight.total).toBe(0);
    expect((await api.controls.handsetThread(customer)).map((sms) => sms.body)).toEqual(['Shipped']);
    // One conversation per customer, each with its live Proxy Session: nothing left behind by the failed attempt.
    const resources = await twilioResources(api);
    expect({ channels: resources.channels.length, openSessions: resources.openSessions.length }).toEqual({ channels: 2, openSessions: 2 });
  }, 60_000);
});
