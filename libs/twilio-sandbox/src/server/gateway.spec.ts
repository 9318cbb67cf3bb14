import { createTwilioClientForTest, startSandboxFixture, twilioErrorOf, type SandboxFixture } from '../testing/sandbox-fixture';

/** Auth, the request log and fault injection, seen from the official SDK. */
describe('sandbox gateway: auth, request log and faults', () => {
  let fx: SandboxFixture;

  beforeAll(async () => {
    fx = await startSandboxFixture();
  });
  afterAll(() => fx.sandbox.close());
  beforeEach(async () => {
    await fx.controls.clearFaults();
    await fx.controls.clearRequests();
  });

  it('rejects a wrong auth token with 401 / 20003 Authenticate', async () => {
    const intruder = createTwilioClientForTest(fx, { authToken: 'f'.repeat(32) });
    const error = await twilioErrorOf(intruder.flexApi.v1.flexFlow.list());
    expect(error).toMatchObject({ status: 401, code: 20003, message: 'Authenticate', moreInfo: 'https://www.twilio.com/docs/errors/20003' });
  });

  it('rejects another account SID in an API 2010 path with 20003', async () => {
    const otherAccount = createTwilioClientForTest(fx, { accountSid: `AC${'1'.repeat(32)}` });
    expect((await twilioErrorOf(otherAccount.messages.list())).code).toBe(20003);
    const foreign = await fetch(`${fx.sandbox.url}/api/2010-04-01/Accounts/AC${'2'.repeat(32)}/Messages.json`, {
      headers: { authorization: basic(fx) },
    });
    expect(foreign.status).toBe(401);
  });

  it('logs each request with sub-millisecond start and finish times and counts per endpoint', async () => {
    await fx.twilio.flexApi.v1.flexFlow.list();
    await fx.twilio.proxy.v1.services(fx.account.proxyServiceSid).sessions.list();
    const log = await fx.controls.requests();
    expect(log.counts).toEqual({ 'GET /flex-api/v1/FlexFlows': 1, 'GET /proxy/v1/Services/:ServiceSid/Sessions': 1 });
    const [first, second] = log.requests;
    expect(first).toMatchObject({ method: 'GET', domain: 'flex-api', path: '/v1/FlexFlows', status: 200 });
    expect(second.startedAt).toBeGreaterThanOrEqual(first.finishedAt!);
  });

  it('answers 429 with Retry-After for an injected rate limit', async () => {
    await fx.controls.setFaults({ rateLimitRate: 1, retryAfterSeconds: 7 });
    const response = await fetch(`${fx.sandbox.url}/flex-api/v1/FlexFlows`, { headers: { authorization: basic(fx) } });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await response.json()).toMatchObject({ code: 20429, status: 429 });
    expect((await twilioErrorOf(fx.twilio.flexApi.v1.flexFlow.list())).code).toBe(20429);
  });

  it('adds latency to matching endpoints only', async () => {
    await fx.controls.setFaults({ endpoints: [{ method: 'GET', path: '/studio/v2/Flows', latencyMs: 150 }] });
    let started = performance.now();
    await fx.twilio.studio.v2.flows.list();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    started = performance.now();
    await fx.twilio.flexApi.v1.flexFlow.list();
    expect(performance.now() - started).toBeLessThan(140);
  });

  it('drops the connection without an answer: the SDK call rejects', async () => {
    await fx.controls.setFaults({ endpoints: [{ path: '/chat/**', dropRate: 1 }] });
    await expect(fx.twilio.chat.v2.services.list()).rejects.toThrow();
    const [logged] = (await fx.controls.requests()).requests;
    expect(logged).toMatchObject({ dropped: true, status: null });
  });

  it('fails the next N matching requests with the status and code asked for', async () => {
    await fx.controls.setFaults({ failNext: [{ method: 'POST', path: '/proxy/v1/Services/*/Sessions', count: 2, status: 503, code: 20503 }] });
    const sessions = fx.twilio.proxy.v1.services(fx.account.proxyServiceSid).sessions;
    expect(await twilioErrorOf(sessions.create({ uniqueName: 'a' }))).toMatchObject({ status: 503, code: 20503 });
    expect((await twilioErrorOf(sessions.create({ uniqueName: 'a' }))).status).toBe(503);
    expect((await sessions.create({ uniqueName: 'a' })).uniqueName).toBe('a');
    expect((await fx.controls.faults()).failNext).toEqual([]);
  });

  it('caps concurrent requests of the account: the ones beyond the cap get 429 20429', async () => {
    await fx.controls.setFaults({ concurrencyLimit: 2, latencyMs: 120 });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => fx.twilio.flexApi.v1.flexFlow.list()));
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(2);
    expect(rejected.map((result) => (result.reason as { code: number }).code)).toEqual([20429, 20429, 20429]);
    const { requests } = await fx.controls.requests();
    const overlapping = requests.filter((a) => requests.some((b) => a !== b && a.startedAt < b.finishedAt! && b.startedAt < a.finishedAt!));
    expect(overlapping.length).toBeGreaterThanOrEqual(2);
  });

  it('answers an unknown path with 20404 and controls never need auth', async () => {
    const response = await fetch(`${fx.sandbox.url}/flex-api/v1/Nothing`, { headers: { authorization: basic(fx) } });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 20404, message: 'The requested resource /v1/Nothing was not found' });
    expect((await fx.controls.account()).accountSid).toBe(fx.account.accountSid);
  });
});

function basic(fx: SandboxFixture): string {
  return `Basic ${Buffer.from(`${fx.account.accountSid}:${fx.account.authToken}`).toString('base64')}`;
}
