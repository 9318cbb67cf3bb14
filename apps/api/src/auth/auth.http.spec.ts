import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { IsString } from 'class-validator';
import { TestApp, createTestApp } from '../testing/test-app';
import { AUTH_CLOCK } from './auth.tokens';
import { CONSOLE_ORIGIN, ManualClock, createApiKey, createUser, signIn } from './auth.test-helpers';
import type { Caller } from './caller';
import { CurrentCaller } from './current-caller.decorator';
import { Public } from './public.decorator';
import { Roles } from './roles.decorator';
import { SendsSms } from './sends-sms.decorator';
import { assertMaySendFrom } from './sender-restriction';

class SendProbeDto {
  @IsString()
  fromNumber!: string;
}

@Controller('auth-probe')
class AuthProbeController {
  @Get('admin')
  admin() {
    return { admin: true };
  }

  @Roles('operator')
  @Get('operator')
  operator(@CurrentCaller() caller: Caller) {
    return caller;
  }

  @Roles('operator')
  @SendsSms({ kind: 'system_sms' })
  @Post('send')
  send(@Body() body: SendProbeDto, @CurrentCaller() caller: Caller) {
    assertMaySendFrom(caller, body.fromNumber);
    return { sent: true };
  }

  @Public()
  @Get('open')
  open() {
    return { open: true };
  }
}

@Module({ controllers: [AuthProbeController] })
class AuthProbeModule {}

const SENDS_PER_MINUTE = 3;

describe('Authentication and authorisation (API keys)', () => {
  let api: TestApp;
  const clock = new ManualClock();
  beforeAll(async () => {
    api = await createTestApp({
      imports: [AuthProbeModule],
      logger: false,
      env: { SEND_RATE_LIMIT_PER_MINUTE: String(SENDS_PER_MINUTE) },
      override: (builder) => builder.overrideProvider(AUTH_CLOCK).useValue(clock),
    });
  });
  afterAll(() => api.close());

  const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

  describe('no or bad credentials: 401 in the error shape', () => {
    it('denies a route without credentials, saying what to send', async () => {
      const response = await api.anonymous.get('/api/v1/auth-probe/operator').expect(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(response.body).toEqual({
        error: {
          status: 401,
          code: 'UNAUTHENTICATED',
          message: expect.stringContaining('Authorization: Bearer'),
          requestId: response.headers['x-request-id'],
        },
      });
    });

    it('denies a wrong key, a key of another scheme, and a key with extra or missing characters', async () => {
      const { key } = await createApiKey(api, 'admin');
      for (const header of [
        'Bearer not-the-key',
        `Basic ${api.apiKey}`,
        `Bearer ${api.apiKey}x`,
        `Bearer ${api.apiKey.slice(0, -1)}`,
        `Bearer ${key.slice(0, -1)}a`,
        `Bearer ${key}x`,
      ]) {
        const response = await api.anonymous.get('/api/v1/auth-probe/operator').set('Authorization', header).expect(401);
        expect(response.body.error.code).toBe('UNAUTHENTICATED');
      }
    });

    it('leaves @Public() routes and the health probes open', async () => {
      await api.anonymous.get('/api/v1/auth-probe/open').expect(200, { open: true });
      await api.anonymous.get('/health').expect(200);
    });
  });

  describe('the bootstrap key', () => {
    it('is an admin', async () => {
      await api.http.get('/api/v1/auth-probe/admin').expect(200, { admin: true });
      const { body } = await api.http.get('/api/v1/auth/me').expect(200);
      expect(body).toEqual({ kind: 'bootstrap', id: 'bootstrap', name: 'Bootstrap API key', role: 'admin' });
    });
  });

  describe('API keys', () => {
    it('are shown once at creation and listed by prefix only: never the key, never its hash', async () => {
      const created = await api.http.post('/api/v1/api-keys').send({ name: '  CRM reminders ', role: 'operator' }).expect(201);
      expect(created.body.key).toMatch(/^fsk_[A-Za-z0-9]{8}_[A-Za-z0-9]{40}$/);
      expect(created.body.apiKey).toEqual({
        id: expect.stringMatching(/^key_/),
        name: 'CRM reminders',
        prefix: created.body.key.slice(0, 12),
        role: 'operator',
        callbackUrl: null,
        hasSigningSecret: true,
        createdBy: 'bootstrap',
        createdAt: expect.any(String),
        lastUsedAt: null,
        revokedAt: null,
      });
      expect(created.body.signingSecret).toMatch(/^fss_/);

      const listed = await api.http.get('/api/v1/api-keys').expect(200);
      const text = JSON.stringify(listed.body);
      expect(listed.body.find((key: { id: string }) => key.id === created.body.apiKey.id)).toEqual(created.body.apiKey);
      expect(text).not.toContain(created.body.key);
      expect(text).not.toContain(created.body.signingSecret);
      expect(text).not.toContain('scrypt');
      const [row] = await api.db.query<{ key_hash: string }>('SELECT key_hash FROM api_key WHERE id = $1', [created.body.apiKey.id]);
      expect(row.key_hash).toMatch(/^scrypt\$/);
      expect(row.key_hash).not.toContain(created.body.key.slice(13));
    });

    it('authenticate with their role, record when they were last used, and name the caller', async () => {
      const { id, key } = await createApiKey(api, 'operator', { name: 'Studio' });
      const { body } = await api.anonymous.get('/api/v1/auth-probe/operator').set(bearer(key)).expect(200);
      expect(body).toEqual({ kind: 'api-key', id, name: 'Studio', role: 'operator' });
      const listed = (await api.http.get('/api/v1/api-keys').expect(200)).body.find((k: { id: string }) => k.id === id);
      expect(listed.lastUsedAt).toBe(new Date(clock.now()).toISOString());
    });

    it('an operator key gets 403 on admin routes, an admin key gets through', async () => {
      const operator = await createApiKey(api, 'operator');
      const response = await api.anonymous.get('/api/v1/auth-probe/admin').set(bearer(operator.key)).expect(403);
      expect(response.body.error).toMatchObject({
        code: 'FORBIDDEN',
        message: 'This endpoint needs the admin role.',
        context: { requiredRole: 'admin' },
      });
      await api.anonymous.get('/api/v1/api-keys').set(bearer(operator.key)).expect(403);
      const admin = await createApiKey(api, 'admin');
      await api.anonymous.get('/api/v1/auth-probe/admin').set(bearer(admin.key)).expect(200);
      await api.anonymous.get('/api/v1/api-keys').set(bearer(admin.key)).expect(200);
    });

    it('revoked, a key is refused on its very next request, although its verification was cached', async () => {
      const { id, key } = await createApiKey(api, 'admin');
      await api.anonymous.get('/api/v1/auth-probe/admin').set(bearer(key)).expect(200);
      await api.anonymous.get('/api/v1/auth-probe/admin').set(bearer(key)).expect(200);
      const revoked = await api.http.delete(`/api/v1/api-keys/${id}`).expect(200);
      expect(revoked.body.revokedAt).toBe(new Date(clock.now()).toISOString());
      const response = await api.anonymous.get('/api/v1/auth-probe/admin').set(bearer(key)).expect(401);
      expect(response.body.error.message).toBe('The API key is not valid, or has been revoked.');
      await api.http.delete('/api/v1/api-keys/key_missing').expect(404);
    });

    it('refuses invalid key requests with every problem at once', async () => {
      const response = await api.http
        .post('/api/v1/api-keys')
        .send({ name: '', role: 'root', allowedFromNumbers: ['5550100'] })
        .expect(400);
      expect(response.body.error.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['allowedFromNumbers', 'name', 'role']);
    });
  });

  describe('sender restrictions', () => {
    it('a key restricted to sender numbers may send from those only (403 otherwise)', async () => {
      const { key } = await createApiKey(api, 'operator', { allowedFromNumbers: ['+15550100001'] });
      await api.anonymous.post('/api/v1/auth-probe/send').set(bearer(key)).send({ fromNumber: '+15550100001' }).expect(201, { sent: true });
      const response = await api.anonymous.post('/api/v1/auth-probe/send').set(bearer(key)).send({ fromNumber: '+15550100002' }).expect(403);
      expect(response.body.error).toMatchObject({
        code: 'FROM_NUMBER_NOT_ALLOWED',
        context: { fromNumber: '+15550100002', allowedFromNumbers: ['+15550100001'] },
      });
    });

    it('an unrestricted key may send from any number', async () => {
      const { key } = await createApiKey(api, 'operator');
      await api.anonymous.post('/api/v1/auth-probe/send').set(bearer(key)).send({ fromNumber: '+15550100002' }).expect(201);
    });
  });

  describe('send rate limit', () => {
    it(`allows ${SENDS_PER_MINUTE} sends a minute per key, then 429 with Retry-After; other keys are not affected`, async () => {
      const busy = await createApiKey(api, 'operator');
      const other = await createApiKey(api, 'operator');
      for (let i = 0; i < SENDS_PER_MINUTE; i++) {
        const ok = await api.anonymous.post('/api/v1/auth-probe/send').set(bearer(busy.key)).send({ fromNumber: '+15550100001' }).expect(201);
        expect(ok.headers['ratelimit-remaining']).toBe(String(SENDS_PER_MINUTE - 1 - i));
      }
      clock.advance(15_000);
      const limited = await api.anonymous.post('/api/v1/auth-probe/send').set(bearer(busy.key)).send({ fromNumber: '+15550100001' }).expect(429);
      expect(limited.headers['retry-after']).toBe('45');
      expect(limited.body.error).toMatchObject({ status: 429, code: 'RATE_LIMITED', context: { retryAfterSeconds: 45 } });
      await api.anonymous.post('/api/v1/auth-probe/send').set(bearer(other.key)).send({ fromNumber: '+15550100001' }).expect(201);
      // Reads are not sends.
      await api.anonymous.get('/api/v1/auth-probe/operator').set(bearer(busy.key)).expect(200);

      clock.advance(45_000);
      await api.anonymous.post('/api/v1/auth-probe/send').set(bearer(busy.key)).send({ fromNumber: '+15550100001' }).expect(201);
    });

    it(`counts a signed-in user's sends per user: ${SENDS_PER_MINUTE} a minute whichever session they use`, async () => {
      await createUser(api, 'busy-operator', 'operator');
      const sessions = [await signIn(api, 'busy-operator'), await signIn(api, 'busy-operator')];
      const send = (cookie: string) =>
        api.anonymous.post('/api/v1/auth-probe/send').set({ Cookie: cookie, Origin: CONSOLE_ORIGIN }).send({ fromNumber: '+15550100001' });
      for (let i = 0; i < SENDS_PER_MINUTE; i++) expect((await send(sessions[i % 2])).status).toBe(201);
      const limited = await send(sessions[1]).expect(429);
      expect(limited.body.error.message).toBe(`Too many SMS sends: at most ${SENDS_PER_MINUTE} a minute for this user.`);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    });
  });
});
