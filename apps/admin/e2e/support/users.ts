// Console users for the browser tests. The API runs in sandbox mode, where it creates the documented demo admin
// on first start (apps/api/src/config/app-config.ts DEMO_ADMIN).
import type { APIRequestContext } from '@playwright/test';
import { randomBytes } from 'node:crypto';

export interface Credentials {
  username: string;
  password: string;
}

export const DEMO_ADMIN: Credentials = { username: 'admin', password: 'flex-sms-demo-admin' };

/** Signs `request` (a browser context's request, sharing its cookies) in through the console's proxy. */
export async function signIn(request: APIRequestContext, credentials: Credentials): Promise<void> {
  const response = await request.post('/api/v1/auth/login', { data: credentials });
  if (!response.ok()) throw new Error(`Signing in as ${credentials.username} failed: ${response.status()} ${await response.text()}`);
}

/**
 * A new console user, created by the demo admin through the console's proxy (so it passes the API's Origin check
 * like the browser would). Unique per call: tests run in parallel.
 */
export async function createUser(adminRequest: APIRequestContext, origin: string, role: 'operator' | 'admin'): Promise<Credentials> {
  const credentials = { username: `${role}-${randomBytes(4).toString('hex')}`, password: `pw-${randomBytes(8).toString('hex')}` };
  const response = await adminRequest.post('/api/v1/users', { data: { ...credentials, role }, headers: { origin } });
  if (response.status() !== 201) throw new Error(`Creating ${credentials.username} failed: ${response.status()} ${await response.text()}`);
  return credentials;
}
