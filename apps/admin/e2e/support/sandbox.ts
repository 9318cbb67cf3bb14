// Test set-up through the embedded sandbox's /_sandbox/* controls (the config reserved its port in
// E2E_SANDBOX_PORT). Only the tests use this; the console itself never talks to the sandbox.
import { randomInt } from 'node:crypto';

function sandboxUrl(path: string): string {
  const port = process.env.E2E_SANDBOX_PORT;
  if (!port) throw new Error('E2E_SANDBOX_PORT is not set: run the tests through playwright.config.ts');
  return `http://127.0.0.1:${port}${path}`;
}

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(sandboxUrl(path), {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`Sandbox ${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Flex-like Proxy sessions, each with its own customer and chat channel. */
export function seedProxySessions(count: number, status: 'open' | 'in-progress' | 'closed'): Promise<{ sessionSids: string[] }> {
  return control('POST', '/_sandbox/seed/proxy-sessions', { count, status });
}

/** The demo account's numbers (see libs/twilio-sandbox/src/seed/demo-account.ts). */
export const ACCOUNT_NUMBERS = ['+15550100001', '+15550100002'] as const;

/**
 * A customer number no other test uses, so parallel tests never meet in one Proxy session (which the API would
 * refuse as PARTICIPANT_CONFLICT). 415-555-01xx… are fictional numbers.
 */
export function uniqueCustomerNumber(): string {
  return `+1415555${String(randomInt(0, 10_000)).padStart(4, '0')}`;
}
