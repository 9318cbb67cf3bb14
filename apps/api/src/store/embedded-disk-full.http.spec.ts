import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CUSTOMER, OutboundTestApp, TWILIO_NUMBER, createOutboundTestApp } from '../outbound/outbound.test-helpers';
import { until } from '../testing/built-api';
import { failingDiskUnder } from '../testing/failing-disk';

/** The API on the embedded database when its disk fills up (simulated where PGlite writes: testing/failing-disk.ts). */
describe('The embedded database on a full disk', () => {
  let dataDir: string;
  let disk: ReturnType<typeof failingDiskUnder>;
  let api: OutboundTestApp;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'flex-sms-disk-full-'));
    disk = failingDiskUnder(dataDir);
    // DATA_DIR, not memory://: PGlite on files. A short Twilio timeout, so recovery (which waits it out) settles soon.
    api = await createOutboundTestApp({ env: { DATABASE_URL: undefined, DATA_DIR: dataDir, TWILIO_REQUEST_TIMEOUT_MS: '1000' } });
  });
  afterAll(async () => {
    await api?.close();
    disk.restore();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const send = () =>
    api.http.post('/api/v1/outbound/message').set('Idempotency-Key', 'disk-full').send({ fromNumber: TWILIO_NUMBER, toNumber: CUSTOMER, toName: 'Ada', messageBody: 'Shipped' });

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After instead of crashing, and sends once the disk has room again', async () => {
    disk.fill();
    const refused = await send();
    expect({ status: refused.status, code: refused.body.error?.code, retryAfter: refused.headers['retry-after'] }).toEqual({ status: 503, code: 'DATABASE_UNAVAILABLE', retryAfter: '5' });
    expect(disk.refusedWrites).toBeGreaterThan(0);
    await api.anonymous.get('/health').expect(200);

    disk.recover();
    // The caller's retry with its key: 409 while what the refused attempt left in flight is being settled, then it runs.
    const sent = await until(async () => {
      const response = await send();
      return response.status === 409 ? undefined : response;
    }, 'the retry to run');
    expect(sent.status).toBe(201);
    const { body: history } = await api.http.get('/api/v1/outbound').query({ number: CUSTOMER }).expect(200);
    expect(history.items.map((item: { status: string }) => item.status).filter((status: string) => status !== 'failed' && status !== 'rolled_back')).toEqual(['succeeded']);
    expect((await api.controls.handsetThread(CUSTOMER)).map((sms) => sms.body)).toEqual(['Shipped']);
  });
});
