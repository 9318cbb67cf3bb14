import { createTwilioClient } from '@flex-sms/twilio-adapter';
import type twilio from 'twilio';
import { createTestApp, type TestApp } from '../testing/test-app';

interface Check {
  id: string;
  status: 'ok' | 'warning' | 'error';
  detail: string;
  fix?: string;
}

/** The set-up doctor against the sandbox: all ok on the seeded account, and each problem found when broken on purpose. */
describe('GET /api/v1/doctor', () => {
  let api: TestApp;
  let client: twilio.Twilio;
  let number: string;
  const diagnose = async () =>
    (await api.http.get('/api/v1/doctor').query({ number }).expect(200)).body as {
      number: string;
      status: string;
      mode?: { mode: string; source: string; channels: string[] };
      checks: Check[];
    };
  const check = (checks: Check[], id: string) => checks.find((candidate) => candidate.id === id);
  const flowOf = async (integrationType: string) =>
    (await client.flexApi.v1.flexFlow.list()).find((flow) => flow.contactIdentity === number && flow.integrationType === integrationType)!;

  beforeAll(async () => {
    api = await createTestApp({ deliveryCallbacks: true });
    const { accountSid, authToken } = api.sandbox.account;
    client = createTwilioClient({ accountSid, authToken, baseUrl: api.sandbox.url });
    number = api.sandbox.account.numbers[0];
  });
  afterAll(() => api.close());
  beforeEach(() => api.controls.reset());

  it('is all ok on the seeded account', async () => {
    const diagnosis = await diagnose();
    expect(diagnosis.status).toBe('ok');
    expect(diagnosis.mode).toMatchObject({ mode: 'chat-proxy', source: 'flex-flow', channels: ['sms'] });
    expect(diagnosis.checks.map((item) => [item.id, item.status])).toEqual([
      ['number-in-account', 'ok'],
      ['outbound-mode', 'ok'],
      ['task-flex-flow', 'ok'],
      ['studio-flex-flow', 'ok'],
      ['chat-service', 'ok'],
      ['task-workflow', 'ok'],
      ['task-channel', 'ok'],
      ['proxy-service', 'ok'],
      ['proxy-pool', 'ok'],
      ['task-flow-lifecycle', 'ok'],
      ['studio-flow-lifecycle', 'ok'],
      ['delivery-callbacks', 'ok'],
    ]);
  });

  it('reports a missing Task flow, with the request that creates it', async () => {
    await client.flexApi.v1.flexFlow((await flowOf('task')).sid).remove();
    const diagnosis = await diagnose();
    expect(diagnosis.status).toBe('error');
    expect(check(diagnosis.checks, 'task-flex-flow')).toMatchObject({ status: 'error', fix: expect.stringContaining('"integrationType":"task"') });
    expect(check(diagnosis.checks, 'task-workflow')).toBeUndefined();
  });

  it('reports a disabled Studio flow', async () => {
    await client.flexApi.v1.flexFlow((await flowOf('studio')).sid).update({ enabled: false });
    expect(check((await diagnose()).checks, 'studio-flex-flow')).toMatchObject({ status: 'error', detail: expect.stringContaining('disabled') });
  });

  it('reports the number missing from the Proxy pool', async () => {
    const pool = client.proxy.v1.services(api.sandbox.account.proxyServiceSid).phoneNumbers;
    const entry = (await pool.list()).find((candidate) => candidate.phoneNumber === number)!;
    await pool(entry.sid).remove();
    const diagnosis = await diagnose();
    expect(check(diagnosis.checks, 'proxy-pool')).toMatchObject({ status: 'error', fix: expect.stringContaining('PhoneNumbers') });
    expect(check(diagnosis.checks, 'number-in-account')?.status).toBe('ok');
  });

  it('reports the wrong task channel on the Task flow', async () => {
    await client.flexApi.v1.flexFlow((await flowOf('task')).sid).update({ 'integration.channel': api.sandbox.account.taskChannelSids.voice });
    expect(check((await diagnose()).checks, 'task-channel')).toMatchObject({ status: 'error', detail: expect.stringContaining("'voice'") });
  });

  it('reports a number the account does not own', async () => {
    const numbers = client.api.v2010.accounts(api.account.accountSid).incomingPhoneNumbers;
    const [own] = await numbers.list({ phoneNumber: number });
    await numbers(own.sid).remove();
    const diagnosis = await diagnose();
    expect(check(diagnosis.checks, 'number-in-account')?.status).toBe('error');
    expect(check(diagnosis.checks, 'proxy-pool')?.status).toBe('error');
  });

  it('reports what LongLived / Janitor settings imply', async () => {
    await client.flexApi.v1.flexFlow((await flowOf('task')).sid).update({ longLived: true });
    await client.flexApi.v1.flexFlow((await flowOf('studio')).sid).update({ janitorEnabled: false });
    const diagnosis = await diagnose();
    expect(diagnosis.status).toBe('warning');
    expect(check(diagnosis.checks, 'task-flow-lifecycle')).toMatchObject({ status: 'warning', fix: expect.stringContaining('long-lived') });
    expect(check(diagnosis.checks, 'studio-flow-lifecycle')).toMatchObject({
      status: 'warning',
      detail: expect.stringContaining('JanitorEnabled=false'),
    });
  });

  it("registers the Proxy Service's CallbackUrl for delivery statuses, and never overwrites one the customer set", async () => {
    const service = () => client.proxy.v1.services(api.sandbox.account.proxyServiceSid);
    expect(check((await diagnose()).checks, 'delivery-callbacks')).toMatchObject({ status: 'ok' });
    expect((await service().fetch()).callbackUrl).toBe(`${api.url}/api/v1/webhooks/twilio/proxy#rc=3&rp=5xx,ct,rt`);

    await service().update({ callbackUrl: 'https://crm.example.com/twilio/proxy' });
    const diagnosis = await diagnose();
    expect(diagnosis.status).toBe('warning');
    expect(check(diagnosis.checks, 'delivery-callbacks')).toMatchObject({
      status: 'warning',
      detail: expect.stringContaining('https://crm.example.com/twilio/proxy'),
      fix: expect.stringContaining('reconciliation'),
    });
    expect((await service().fetch()).callbackUrl).toBe('https://crm.example.com/twilio/proxy');
    expect((await api.anonymous.get('/health/ready').expect(200)).body.checks.twilio.delivery).toMatchObject({
      callbacks: 'off',
      reason: expect.stringContaining('another integration'),
    });
  });

  it('says delivery callbacks are off without PUBLIC_BASE_URL', async () => {
    const other = await createTestApp({ sandbox: api.sandbox, logger: false });
    try {
      const response = await other.http.get('/api/v1/doctor').query({ number }).expect(200);
      expect(check(response.body.checks, 'delivery-callbacks')).toMatchObject({
        status: 'warning',
        detail: expect.stringContaining('PUBLIC_BASE_URL is not set'),
        fix: expect.stringContaining('PUBLIC_BASE_URL'),
      });
    } finally {
      await other.close();
    }
  });

  it('validates the number', async () => {
    const response = await api.http.get('/api/v1/doctor').query({ number: '555-0100' }).expect(400);
    expect(response.body.error.details[0].field).toBe('number');
  });
});
