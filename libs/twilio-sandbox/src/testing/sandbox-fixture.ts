// Test-only (src/testing is not part of the build): the suite drives the sandbox through the very client factory the
// product uses, so the sandbox is proven against the real SDK wiring. The sandbox itself depends on nothing of ours.
import { createTwilioClient } from '@flex-sms/twilio-adapter';
import type { Twilio } from 'twilio';
import { SandboxControls } from '../client/sandbox-controls';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../server/start-sandbox';
import type { DemoAccount } from '../seed/demo-account';

export interface SandboxFixture {
  sandbox: RunningSandbox;
  account: DemoAccount;
  /** The official SDK, pointed at the sandbox exactly as the product points it. */
  twilio: Twilio;
  controls: SandboxControls;
}

/** One sandbox per test file (port 0), driven only through the official SDK and the `/_sandbox/*` controls. */
export async function startSandboxFixture(options: SandboxOptions = {}): Promise<SandboxFixture> {
  const sandbox = await startSandbox({ port: 0, ...options });
  const account = sandbox.account;
  const twilio = createTwilioClient({ accountSid: account.accountSid, authToken: account.authToken, baseUrl: sandbox.url, timeoutMs: 5_000 });
  return { sandbox, account, twilio, controls: new SandboxControls(sandbox.url) };
}

/** An SDK client for the fixture's sandbox with other credentials (auth failure tests). */
export function createTwilioClientForTest(fx: SandboxFixture, credentials: { accountSid?: string; authToken?: string }): Twilio {
  return createTwilioClient({
    accountSid: credentials.accountSid ?? fx.account.accountSid,
    authToken: credentials.authToken ?? fx.account.authToken,
    baseUrl: fx.sandbox.url,
    timeoutMs: 5_000,
  });
}

/** The Twilio error an SDK call rejected with (fails the test when it resolved). */
export async function twilioErrorOf(call: Promise<unknown>): Promise<{ status: number; code: number; message: string; moreInfo: string }> {
  try {
    await call;
  } catch (error) {
    return error as { status: number; code: number; message: string; moreInfo: string };
  }
  throw new Error('Expected the Twilio call to fail');
}
