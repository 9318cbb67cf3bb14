import type { Clock } from '@flex-sms/domain';
import { AppConfig } from '../config/app-config';
import { sessionCookieName } from '../sessions/session-cookie';
import type { TestApp } from '../testing/test-app';
import type { Role } from './caller';

/** A clock the test moves: sessions expire and rate-limit windows end without waiting. */
export class ManualClock implements Clock {
  constructor(private current = Date.parse('2026-11-24T12:00:00Z')) {}

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }

  async sleep(ms: number): Promise<void> {
    this.current += ms;
  }
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** A console user created through the API with the bootstrap key. */
export async function createUser(api: TestApp, username: string, role: Role, password = TEST_PASSWORD): Promise<{ id: string; username: string }> {
  const { body } = await api.http.post('/api/v1/users').send({ username, password, role }).expect(201);
  return body;
}

/** An API key created through the API with the bootstrap key; `key` is the secret shown once. */
export async function createApiKey(
  api: TestApp,
  role: Role,
  extra: { name?: string; allowedFromNumbers?: string[] } = {},
): Promise<{ id: string; key: string; prefix: string }> {
  const { body } = await api.http
    .post('/api/v1/api-keys')
    .send({ name: extra.name ?? `${role} key`, role, ...extra })
    .expect(201);
  return { id: body.apiKey.id, key: body.key, prefix: body.apiKey.prefix };
}

/** Signs in and returns the session cookie (`__Host-flex_sms_session=…` with Twilio credentials) to send back. */
export async function signIn(api: TestApp, username: string, password = TEST_PASSWORD): Promise<string> {
  const response = await api.anonymous.post('/api/v1/auth/login').send({ username, password }).expect(200);
  const name = sessionCookieName(api.app.get(AppConfig).auth.sessionCookieSecure);
  const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((line) => line.startsWith(`${name}=`));
  if (!cookie) throw new Error('sign-in set no session cookie');
  return cookie.split(';')[0];
}

/** The console's origin in tests (the default CORS_ORIGIN). */
export const CONSOLE_ORIGIN = 'http://localhost:4200';
