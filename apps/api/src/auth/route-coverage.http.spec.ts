// Every route the API serves, found from Nest's own registry and checked against Express's router, is probed for
// authentication and authorisation. A route added tomorrow is covered without anyone listing it here: if it is
// not explicitly @Public(), it must refuse a caller without credentials.
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DEMO_API_KEY } from '../config/app-config';
import { loadAppConfig } from '../config/load-app-config';
import { createApp } from '../create-app';
import { createTestApp } from '../testing/test-app';
import type { TwilioClient } from '../twilio/twilio-account';
import { TWILIO_CLIENT } from '../twilio/twilio.tokens';
import { ControllerRoute, concretePath, controllerRoutes, expressRoutes } from './route-inventory.test-helpers';

const SENDS_PER_MINUTE = 2;

/**
 * The only routes open without credentials. Making another one public means adding it here, in review. Twilio's
 * webhook routes take no credentials but a signature only the auth token makes (X-Twilio-Signature; 403 without).
 */
const PUBLIC_ROUTES = [
  'GET /health',
  'GET /health/ready',
  'POST /api/v1/auth/login',
  'POST /api/v1/webhooks/twilio/conversations',
  'POST /api/v1/webhooks/twilio/proxy',
  'POST /api/v1/webhooks/twilio/messages',
];

/** The routes that send SMS: rate-limited per caller and bound by a key's sender numbers. */
const SENDING_ROUTES = [
  'POST /api/v1/outbound/task',
  'POST /api/v1/outbound/message',
  'POST /flex-initiate-outbound-sms-task',
  'POST /flex-initiate-outbound-sms',
];

/**
 * The routes open to a key restricted to sender numbers besides the sending ones, each keeping it to its numbers'
 * data (sender-restriction.http.spec.ts shows how) or holding none. Opening another one means adding it here, in
 * review, with a test that it shows no other number's data.
 */
const CONFINED_ROUTES = [
  'GET /api/v1/outbound',
  'GET /api/v1/outbound/:id',
  // System callbacks' delivery log: 404 for another number's request, as GET /outbound/:id.
  'GET /api/v1/outbound/:id/callbacks',
  'GET /api/v1/channels/:sid',
  'GET /api/v1/conversations/:sid',
  'GET /api/v1/auth/me',
  // Senders: a restricted key sees its numbers only, and another number's window is a 403 (senders.http.spec.ts).
  'GET /api/v1/senders',
  'GET /api/v1/senders/:from/window',
  'POST /api/v1/auth/logout',
  // Campaigns: a restricted key creates campaigns from its numbers only, and sees only those (campaigns.http.spec.ts).
  'POST /api/v1/campaigns',
  'GET /api/v1/campaigns',
  'GET /api/v1/campaigns/:id',
  'POST /api/v1/campaigns/:id/pause',
  'POST /api/v1/campaigns/:id/resume',
  'POST /api/v1/campaigns/:id/cancel',
  'GET /api/v1/campaigns/:id/recipients',
  'GET /api/v1/campaigns/:id/recipients.csv',
];

interface RunningApi {
  app: NestExpressApplication;
  url: string;
  bootstrapKey: string;
  close(): Promise<void>;
}

async function withTwilioCredentials(): Promise<RunningApi> {
  const api = await createTestApp({ logger: false, env: { SEND_RATE_LIMIT_PER_MINUTE: String(SENDS_PER_MINUTE) } });
  return { app: api.app, url: api.url, bootstrapKey: api.apiKey, close: () => api.close() };
}

/** Sandbox mode mounts routes of its own (the sandbox handset), so the inventory is taken there too. */
async function inSandboxMode(): Promise<RunningApi> {
  const app = await createApp(loadAppConfig({ SANDBOX_PORT: '0', DATABASE_URL: 'memory://', SEND_RATE_LIMIT_PER_MINUTE: String(SENDS_PER_MINUTE) }), {
    logger: false,
  });
  await app.listen(0, '127.0.0.1');
  return {
    app,
    url: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`,
    bootstrapKey: DEMO_API_KEY,
    close: () => app.close(),
  };
}

const label = (route: { method: string; path: string }) => `${route.method} ${route.path}`;
const statusAndCode = async (call: PromiseLike<{ status: number; body: { error?: { code?: string } } }>) => {
  const response = await call;
  return `${response.status} ${response.body.error?.code}`;
};

describe.each([
  ['with Twilio credentials', withTwilioCredentials],
  ['in sandbox mode', inSandboxMode],
])('Every route %s', (_mode, start) => {
  let api: RunningApi;
  let routes: ControllerRoute[];
  let protectedRoutes: ControllerRoute[];

  const send = (route: { method: string; path: string }, headers: Record<string, string> = {}, body?: object) => {
    const call = request(api.url)[route.method.toLowerCase() as 'get'](concretePath(route.path)).set(headers);
    return body === undefined ? call : call.send(body);
  };
  const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
  const newKey = async (role: 'operator' | 'admin', allowedFromNumbers?: string[]) =>
    (
      await request(api.url)
        .post('/api/v1/api-keys')
        .set(bearer(api.bootstrapKey))
        .send({ name: 'route probe', role, allowedFromNumbers })
        .expect(201)
    ).body as { key: string; apiKey: { id: string } };

  beforeAll(async () => {
    api = await start();
    routes = controllerRoutes(api.app);
    protectedRoutes = routes.filter((route) => !route.isPublic);
  });
  afterAll(() => api.close());

  it("finds every route Express serves in Nest's controllers (only Swagger UI is mounted beside them)", () => {
    const fromControllers = new Set(routes.map(label));
    const outside = expressRoutes(api.app).filter((route) => !fromControllers.has(label(route)));
    expect(outside.filter((route) => !/^\/docs(-json|-yaml|\/|$)/.test(route.path))).toEqual([]);
    expect(routes.length).toBeGreaterThan(40);
  });

  it("opens only the health probes, sign-in and Twilio's signed webhooks to callers without credentials", () => {
    expect(
      routes
        .filter((route) => route.isPublic)
        .map(label)
        .sort(),
    ).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('marks every route that sends SMS, and only those', () => {
    expect(
      routes
        .filter((route) => route.sendsSms)
        .map(label)
        .sort(),
    ).toEqual([...SENDING_ROUTES].sort());
  });

  it('marks the routes that confine a key restricted to sender numbers, and only those', () => {
    expect(
      routes
        .filter((route) => route.confinedToSenders)
        .map(label)
        .sort(),
    ).toEqual([...CONFINED_ROUTES].sort());
  });

  it('answers 403 to a key restricted to sender numbers on every route that neither sends (from its numbers) nor confines it', async () => {
    const { key } = await newKey('operator', ['+15550100001']);
    const probed = protectedRoutes.filter((route) => !route.sendsSms && !route.confinedToSenders);
    const answers = await Promise.all(probed.map(async (route) => `${label(route)} → ${await statusAndCode(send(route, bearer(key)))}`));
    // Admin routes refuse the operator role first; every other one refuses the restriction.
    expect(answers).toEqual(probed.map((route) => `${label(route)} → 403 ${route.role === 'admin' ? 'FORBIDDEN' : 'SENDER_RESTRICTED'}`));
  });

  it('refuses a sender restriction on an admin key (an admin could create itself an unrestricted one)', async () => {
    const response = await request(api.url)
      .post('/api/v1/api-keys')
      .set(bearer(api.bootstrapKey))
      .send({ name: 'restricted admin', role: 'admin', allowedFromNumbers: ['+15550100001'] });
    expect(`${response.status} ${response.body.error?.details?.[0]?.field}`).toBe('400 allowedFromNumbers');
  });

  it('answers 403 on the Twilio webhook routes to a request without a valid X-Twilio-Signature, even with credentials', async () => {
    const webhooks = routes.filter((route) => route.path.includes('/webhooks/twilio/'));
    const answers = await Promise.all(
      webhooks.map(async (route) => `${label(route)} → ${await statusAndCode(send(route, bearer(api.bootstrapKey)))}`),
    );
    expect(answers).toEqual(webhooks.map((route) => `${label(route)} → 403 INVALID_TWILIO_SIGNATURE`));
  });

  it('answers 401 to a request without credentials on every other route', async () => {
    const answers = await Promise.all(protectedRoutes.map(async (route) => `${label(route)} → ${(await send(route)).status}`));
    expect(answers).toEqual(protectedRoutes.map((route) => `${label(route)} → 401`));
  });

  it('answers 401 to a revoked API key on every protected route', async () => {
    const { key, apiKey } = await newKey('admin');
    await request(api.url).delete(`/api/v1/api-keys/${apiKey.id}`).set(bearer(api.bootstrapKey)).expect(200);
    const answers = await Promise.all(protectedRoutes.map(async (route) => `${label(route)} → ${(await send(route, bearer(key))).status}`));
    expect(answers).toEqual(protectedRoutes.map((route) => `${label(route)} → 401`));
  });

  it('answers 403 to an operator on every admin route, and lets operators through on the others', async () => {
    const { key } = await newKey('operator');
    // Sends are left to the next tests: an operator reaching them would count against the send rate limit.
    const probed = protectedRoutes.filter((route) => !route.sendsSms);
    const answers = await Promise.all(
      probed.map(async (route) => ({ route: label(route), role: route.role, status: (await send(route, bearer(key))).status })),
    );
    expect(answers.filter((answer) => answer.role === 'admin' && answer.status !== 403)).toEqual([]);
    expect(answers.filter((answer) => answer.role === 'operator' && [401, 403].includes(answer.status))).toEqual([]);
  });

  it('lets a key restricted to a sender number send from no other, on every sending route', async () => {
    const { key } = await newKey('operator', ['+15550100001']);
    for (const route of routes.filter((candidate) => candidate.sendsSms)) {
      const response = await send(route, bearer(key), { [route.sendsSms!.fromField]: '+15550100002' });
      expect(`${label(route)} → ${response.status} ${response.body.error?.code}`).toBe(`${label(route)} → 403 FROM_NUMBER_NOT_ALLOWED`);
    }
  });

  it(`throttles every sending route at ${SENDS_PER_MINUTE} sends a minute per caller: 429 with Retry-After`, async () => {
    for (const route of routes.filter((candidate) => candidate.sendsSms)) {
      const { key } = await newKey('operator');
      // Invalid bodies (400) still count: the limit is on attempts, so it also brakes a script probing for a valid one.
      for (let i = 0; i < SENDS_PER_MINUTE; i++) expect((await send(route, bearer(key), {})).status).not.toBe(429);
      const throttled = await send(route, bearer(key), {});
      expect(`${label(route)} → ${throttled.status}`).toBe(`${label(route)} → 429`);
      expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it("never returns a password hash, an API key hash or Twilio's auth token", async () => {
    await request(api.url)
      .post('/api/v1/users')
      .set(bearer(api.bootstrapKey))
      .send({ username: 'hash-probe', password: 'a password to hash', role: 'admin' })
      .expect(201);
    await newKey('operator');
    const authToken = (api.app.get(TWILIO_CLIENT) as TwilioClient).password as string;
    const reads = routes.filter((route) => route.method === 'GET');
    for (const route of reads) {
      const response = await send(route, bearer(api.bootstrapKey));
      expect(`${label(route)}: ${/scrypt\$/.test(response.text) ? 'hash' : 'clean'}`).toBe(`${label(route)}: clean`);
      expect(response.text.includes(authToken)).toBe(false);
    }
  });
});
