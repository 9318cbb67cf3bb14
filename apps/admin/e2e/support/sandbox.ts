// Test set-up through a deployment's embedded sandbox: its /_sandbox/* controls, and its Twilio routes with the
// demo account's credentials where no control exists. Only the tests use this; the console itself never talks to
// the sandbox.
import { randomInt } from 'node:crypto';

export class Sandbox {
  constructor(private readonly url: string) {}

  /** Flex-like Proxy sessions, each with its own customer and chat channel. */
  seedProxySessions(count: number, status: 'open' | 'in-progress' | 'closed'): Promise<{ sessionSids: string[] }> {
    return this.control('POST', '/_sandbox/seed/proxy-sessions', { count, status });
  }

  /** Conversations created straight on the sandbox's Conversations API, as Flex leaves them when nobody writes. */
  async seedConversations(count: number, state: 'active' | 'inactive'): Promise<string[]> {
    const account = await this.control<{ accountSid: string; authToken: string }>('GET', '/_sandbox/account');
    const authorization = `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64')}`;
    const sids: string[] = [];
    for (let index = 0; index < count; index++) {
      const response = await fetch(`${this.url}/conversations/v1/Conversations`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ FriendlyName: `Stale conversation ${index + 1}`, State: state }),
      });
      if (!response.ok) throw new Error(`Creating a conversation: ${response.status} ${await response.text()}`);
      sids.push(((await response.json()) as { sid: string }).sid);
    }
    return sids;
  }

  private async control<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`Sandbox ${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
}

/** The demo account's numbers (see libs/twilio-sandbox/src/seed/demo-account.ts). */
export const ACCOUNT_NUMBERS = ['+15550100001', '+15550100002'] as const;
/** The demo account's WhatsApp sender: its Flex Conversations number, +15550100003, on WhatsApp. */
export const WHATSAPP_SENDER = 'whatsapp:+15550100003';

/**
 * A customer number no other test uses, so parallel tests never meet in one Proxy session or conversation (which
 * the API would refuse as a conflict). 415-555-01xx… are fictional numbers.
 */
export function uniqueCustomerNumber(): string {
  return `+1415555${String(randomInt(0, 10_000)).padStart(4, '0')}`;
}
