import { AUTH_CLOCK } from '../auth/auth.tokens';
import { CONSOLE_ORIGIN, ManualClock, TEST_PASSWORD, createUser, signIn } from '../auth/auth.test-helpers';
import { TestApp, createTestApp } from '../testing/test-app';

const SESSION_TTL_MINUTES = 30;

describe('Console sign-in and sessions', () => {
  let api: TestApp;
  const clock = new ManualClock();
  beforeAll(async () => {
    api = await createTestApp({
      logger: false,
      env: { SESSION_TTL_MINUTES: String(SESSION_TTL_MINUTES), ADMIN_USERNAME: 'first-admin', ADMIN_PASSWORD: 'first admin password' },
      override: (builder) => builder.overrideProvider(AUTH_CLOCK).useValue(clock),
    });
  });
  afterAll(() => api.close());

  const asSession = (cookie: string) => ({ Cookie: cookie, Origin: CONSOLE_ORIGIN });

  it('creates the first admin from ADMIN_USERNAME/ADMIN_PASSWORD', async () => {
    const cookie = await signIn(api, 'first-admin', 'first admin password');
    const { body } = await api.anonymous.get('/api/v1/auth/me').set('Cookie', cookie).expect(200);
    expect(body).toMatchObject({ kind: 'user', name: 'first-admin', role: 'admin' });
  });

  it('signs in with an httpOnly, SameSite=Strict session cookie that expires with the session', async () => {
    const { id } = await createUser(api, 'ada', 'operator');
    const response = await api.anonymous.post('/api/v1/auth/login').send({ username: 'ada', password: TEST_PASSWORD }).expect(200);
    const expiresAt = new Date(clock.now() + SESSION_TTL_MINUTES * 60_000);
    expect(response.body).toEqual({ user: { kind: 'user', id, name: 'ada', role: 'operator' }, sessionExpiresAt: expiresAt.toISOString() });
    const [cookie] = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    // Test apps run with Twilio credentials, where the cookie is Secure (HTTPS only) unless SESSION_COOKIE_SECURE=false,
    // and so takes the __Host- prefix: no Domain, path /, set over HTTPS only.
    expect(cookie).toMatch(/^__Host-flex_sms_session=[\w-]{43}; Path=\/; Expires=.+; HttpOnly; Secure; SameSite=Strict$/);
    expect(cookie).toContain(`Expires=${expiresAt.toUTCString()}`);
  });

  it('accepts the Secure session only under its __Host- name: an unprefixed cookie may have been planted', async () => {
    await createUser(api, 'hedy', 'operator');
    const cookie = await signIn(api, 'hedy');
    const token = cookie.slice(cookie.indexOf('=') + 1);
    await api.anonymous.get('/api/v1/auth/me').set('Cookie', `__Host-flex_sms_session=${token}`).expect(200);
    const unprefixed = await api.anonymous.get('/api/v1/auth/me').set('Cookie', `flex_sms_session=${token}`).expect(401);
    expect(unprefixed.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('tells who is signed in, with the role and when the session ends', async () => {
    await createUser(api, 'grace', 'admin');
    const cookie = await signIn(api, 'GRACE');
    const { body } = await api.anonymous.get('/api/v1/auth/me').set('Cookie', cookie).expect(200);
    expect(body).toEqual({ kind: 'user', id: expect.stringMatching(/^usr_/), name: 'grace', role: 'admin', sessionExpiresAt: expect.any(String) });
  });

  it('refuses a wrong password or an unknown user with the same 401, and sets no cookie', async () => {
    await createUser(api, 'linus', 'operator');
    for (const credentials of [{ username: 'linus', password: 'wrong password!' }, { username: 'nobody', password: TEST_PASSWORD }]) {
      const response = await api.anonymous.post('/api/v1/auth/login').send(credentials).expect(401);
      expect(response.body.error).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'Wrong username or password.' });
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('logout ends the session on the server: the old cookie no longer works', async () => {
    await createUser(api, 'margaret', 'operator');
    const cookie = await signIn(api, 'margaret');
    await api.anonymous.get('/api/v1/auth/me').set('Cookie', cookie).expect(200);
    const response = await api.anonymous.post('/api/v1/auth/logout').set(asSession(cookie)).expect(204);
    expect(([] as string[]).concat(response.headers['set-cookie'] ?? [])[0]).toMatch(/^__Host-flex_sms_session=; Path=\/; Expires=Thu, 01 Jan 1970/);
    const after = await api.anonymous.get('/api/v1/auth/me').set('Cookie', cookie).expect(401);
    expect(after.body.error.code).toBe('SESSION_EXPIRED');
  });

  it('sessions expire', async () => {
    await createUser(api, 'edsger', 'operator');
    const cookie = await signIn(api, 'edsger');
    clock.advance(SESSION_TTL_MINUTES * 60_000 - 1_000);
    await api.anonymous.get('/api/v1/auth/me').set('Cookie', cookie).expect(200);
    clock.advance(1_000);
    await api.anonymous.get('/api/v1/auth/me').set('Cookie', cookie).expect(401);
  });

  it('an operator session gets 403 on admin routes', async () => {
    await createUser(api, 'barbara', 'operator');
    const cookie = await signIn(api, 'barbara');
    await api.anonymous.get('/api/v1/users').set('Cookie', cookie).expect(403);
    await api.anonymous.post('/api/v1/api-keys').set(asSession(cookie)).send({ name: 'mine', role: 'admin' }).expect(403);
  });

  describe('CSRF: a state-changing request signed in by cookie must come from the console', () => {
    let cookie: string;
    beforeAll(async () => {
      await createUser(api, 'csrf-admin', 'admin');
      cookie = await signIn(api, 'csrf-admin');
    });

    it('refuses another origin, and a request without any origin', async () => {
      const body = { name: 'from a form', role: 'operator' };
      const evil = await api.anonymous.post('/api/v1/api-keys').set('Cookie', cookie).set('Origin', 'https://evil.test').send(body).expect(403);
      expect(evil.body.error.code).toBe('UNTRUSTED_ORIGIN');
      await api.anonymous.post('/api/v1/api-keys').set('Cookie', cookie).set('Referer', 'https://evil.test/page').send(body).expect(403);
      await api.anonymous.post('/api/v1/api-keys').set('Cookie', cookie).send(body).expect(403);
      await api.anonymous.post('/api/v1/api-keys').set(asSession(cookie)).send(body).expect(201);
      await api.anonymous.post('/api/v1/api-keys').set('Cookie', cookie).set('Referer', `${CONSOLE_ORIGIN}/api-keys`).send(body).expect(201);
    });

    it('lets reads through without an origin, and API keys (not sent by browsers on their own) need none', async () => {
      await api.anonymous.get('/api/v1/users').set('Cookie', cookie).expect(200);
      await api.http.post('/api/v1/api-keys').send({ name: 'script', role: 'operator' }).expect(201);
    });

    it('refuses a sign-in posted from another origin (login CSRF)', async () => {
      await api.anonymous.post('/api/v1/auth/login').set('Origin', 'https://evil.test').send({ username: 'csrf-admin', password: TEST_PASSWORD }).expect(403);
    });
  });

  describe('brute-force throttling', () => {
    it('after 5 failures for a username, refuses it (even the right password) with 429 and Retry-After, until the window ends', async () => {
      await createUser(api, 'target', 'admin');
      for (let i = 0; i < 5; i++) await api.anonymous.post('/api/v1/auth/login').send({ username: 'target', password: `guess number ${i}` }).expect(401);
      const throttled = await api.anonymous.post('/api/v1/auth/login').send({ username: 'TARGET', password: TEST_PASSWORD }).expect(429);
      expect(throttled.body.error.code).toBe('LOGIN_THROTTLED');
      expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
      // Other users of the same address are not locked out by it.
      await createUser(api, 'bystander', 'operator');
      await signIn(api, 'bystander');
      clock.advance(15 * 60_000);
      await signIn(api, 'target');
    });

    it('after 50 failures from one address, refuses every username from it', async () => {
      await createUser(api, 'victim', 'operator');
      for (let i = 0; i < 50; i++) {
        await api.anonymous.post('/api/v1/auth/login').send({ username: `spray-${i}`, password: 'password123456' }).expect(401);
      }
      await api.anonymous.post('/api/v1/auth/login').send({ username: 'victim', password: TEST_PASSWORD }).expect(429);
      clock.advance(15 * 60_000);
      await signIn(api, 'victim');
    });
  });

  describe('users', () => {
    it('never returns a password or its hash', async () => {
      const created = await api.http.post('/api/v1/users').send({ username: 'alan', password: TEST_PASSWORD, role: 'operator' }).expect(201);
      const listed = await api.http.get('/api/v1/users').expect(200);
      for (const body of [created.body, listed.body]) {
        expect(JSON.stringify(body)).not.toMatch(/scrypt|password|correct horse/i);
      }
      expect(Object.keys(created.body).sort()).toEqual(['createdAt', 'id', 'role', 'updatedAt', 'username']);
    });

    it('refuses a second user with the same name in another case, and short passwords', async () => {
      await api.http.post('/api/v1/users').send({ username: 'Alan', password: TEST_PASSWORD, role: 'admin' }).expect(409);
      const response = await api.http.post('/api/v1/users').send({ username: 'x', password: 'short', role: 'admin' }).expect(400);
      expect(response.body.error.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['password', 'username']);
    });

    it('a new password ends the user’s sessions; a role change applies to the open session at once', async () => {
      const { id } = await createUser(api, 'kathleen', 'operator');
      const cookie = await signIn(api, 'kathleen');
      await api.http.patch(`/api/v1/users/${id}`).send({ role: 'admin' }).expect(200);
      expect((await api.anonymous.get('/api/v1/auth/me').set('Cookie', cookie).expect(200)).body.role).toBe('admin');
      await api.http.patch(`/api/v1/users/${id}`).send({ password: 'a brand new password' }).expect(200);
      await api.anonymous.get('/api/v1/auth/me').set('Cookie', cookie).expect(401);
      await signIn(api, 'kathleen', 'a brand new password');
    });

    it('never demotes or deletes the last admin', async () => {
      const admins = (await api.http.get('/api/v1/users').expect(200)).body.filter((user: { role: string }) => user.role === 'admin');
      for (const admin of admins.slice(1)) await api.http.delete(`/api/v1/users/${admin.id}`).expect(204);
      const last = admins[0];
      expect((await api.http.patch(`/api/v1/users/${last.id}`).send({ role: 'operator' }).expect(409)).body.error.code).toBe('LAST_ADMIN');
      await api.http.delete(`/api/v1/users/${last.id}`).expect(409);
      await api.http.delete('/api/v1/users/usr_missing').expect(404);
    });

    it('deleting a user ends their sessions', async () => {
      const { id } = await createUser(api, 'dennis', 'operator');
      const cookie = await signIn(api, 'dennis');
      await api.http.delete(`/api/v1/users/${id}`).expect(204);
      await api.anonymous.get('/api/v1/auth/me').set('Cookie', cookie).expect(401);
    });
  });
});
