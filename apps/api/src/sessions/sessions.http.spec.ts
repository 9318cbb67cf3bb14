import { AUTH_CLOCK } from '../auth/auth.tokens';
import { CONSOLE_ORIGIN, ManualClock, TEST_PASSWORD, createUser, signIn } from '../auth/auth.test-helpers';
import { TestApp, createTestApp } from '../testing/test-app';
import { LOGIN_DELAYS } from './login-throttle';

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
    for (const credentials of [
      { username: 'linus', password: 'wrong password!' },
      { username: 'nobody', password: TEST_PASSWORD },
    ]) {
      const response = await api.anonymous.post('/api/v1/auth/login').send(credentials).expect(401);
      expect(response.body.error).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'Wrong username or password.' });
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  // Found by the OpenAPI fuzz: the throttle's row for such a name was stored with U+FFFD and not found again (500).
  it('refuses a username holding a lone surrogate with 400 naming the field, before counting an attempt', async () => {
    const response = await api.anonymous
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username":"ada\\udc00","password":"x"}')
      .expect(400);
    expect(response.body.error.details).toEqual([{ field: 'username', message: expect.stringContaining('surrogate') }]);
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
      await api.anonymous
        .post('/api/v1/auth/login')
        .set('Origin', 'https://evil.test')
        .send({ username: 'csrf-admin', password: TEST_PASSWORD })
        .expect(403);
    });
  });

  describe('brute-force throttling: progressive delays, never a lockout', () => {
    // Each test signs in from an address of its own (the test app trusts loopback to state it), so the per-address
    // counts of one test do not hold up another.
    let address = 0;
    let from = '';
    beforeEach(() => {
      from = `203.0.113.${++address}`;
    });
    const login = (username: string, password: string) =>
      api.anonymous.post('/api/v1/auth/login').set('X-Forwarded-For', from).send({ username, password });
    const wrong = (username: string, i: number) => login(username, `guess number ${i}`);
    const retryAfter = (response: { headers: Record<string, string> }) => Number(response.headers['retry-after']);

    it('after 5 free failures each further one makes the next attempt wait longer (429 + Retry-After, no password check meanwhile)', async () => {
      await createUser(api, 'target', 'admin');
      for (let i = 0; i < LOGIN_DELAYS.perUsername.free; i++) await wrong('target', i).expect(401);
      const waits: number[] = [];
      for (let i = 0; i < 4; i++) {
        await wrong('TARGET', i).expect(401);
        const refused = await login('target', TEST_PASSWORD).expect(429);
        expect(refused.body.error.code).toBe('LOGIN_THROTTLED');
        waits.push(retryAfter(refused));
        clock.advance(waits[i] * 1000);
      }
      expect(waits).toEqual([1, 2, 4, 8]);
      // Other users of the same address are not held up by it.
      await createUser(api, 'bystander', 'operator');
      await login('bystander', TEST_PASSWORD).expect(200);
    });

    it('lets the owner in with the right password once the wait has passed (5 failures no longer lock an admin out)', async () => {
      await createUser(api, 'owner', 'admin');
      for (let i = 0; i < LOGIN_DELAYS.perUsername.free + 1; i++) await wrong('owner', i).expect(401);
      await login('owner', TEST_PASSWORD).expect(429);
      clock.advance(1_000);
      await login('owner', TEST_PASSWORD).expect(200);
      // A success forgets the count: the next mistake is free again.
      await wrong('owner', 99).expect(401);
      await login('owner', TEST_PASSWORD).expect(200);
    });

    it('counts parallel guesses one after another: only the free ones (and the one that starts the wait) reach the password check', async () => {
      await createUser(api, 'parallel', 'operator');
      const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => wrong('parallel', i)));
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 401)).toHaveLength(LOGIN_DELAYS.perUsername.free + 1);
      expect(statuses.filter((status) => status === 429)).toHaveLength(30 - LOGIN_DELAYS.perUsername.free - 1);
      clock.advance(1_000);
      await login('parallel', TEST_PASSWORD).expect(200);
    });

    it('slows a password spray from one address more and more, without locking its other users out', async () => {
      await createUser(api, 'victim', 'operator');
      const waits: number[] = [];
      for (let i = 0; i < 49; i++) {
        const response = await login(`spray-${i}`, 'password123456');
        if (response.status === 429) {
          waits.push(retryAfter(response));
          clock.advance(retryAfter(response) * 1000);
        } else expect(response.status).toBe(401);
      }
      // After the free ones, every guess that got through made the next one wait twice as long, up to 15 minutes.
      expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900, 900]);
      const held = await login('victim', TEST_PASSWORD).expect(429);
      expect(retryAfter(held)).toBe(900);
      clock.advance(900_000);
      await login('victim', TEST_PASSWORD).expect(200);
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
