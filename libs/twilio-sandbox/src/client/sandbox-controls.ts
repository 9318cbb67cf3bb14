import type { FaultConfig } from '../faults/fault-config';
import type { LoggedRequest } from '../faults/request-log';
import type { LoggedCallback } from '../callbacks/callback-dispatcher';
import type { AccountFlags } from '../controls/controls';
import type { HandsetMessage, HandsetSummary } from '../controls/handset';
import type { HandsetFate, HandsetOutcome } from '../controls/handset.store';
import type { DeliverySettings } from '../messaging/delivery/delivery-runtime';
import type { InboundSms, InboundSmsOutcome } from '../messaging/inbound-sms';
import type { DemoAccount } from '../seed/demo-account';
import type { CustomerServiceWindow } from '../messaging/whatsapp-window';
import type { ApprovalStatus, WhatsAppApproval } from '../products/content/content.store';

export interface RequestLogSnapshot {
  requests: LoggedRequest[];
  /** Requests per endpoint (`METHOD /<domain>/<route pattern>`) since the last clear. */
  counts: Record<string, number>;
  total: number;
}

export type { HandsetSummary };

/** What to make of a handset: see `/_sandbox/handset/:number/fate`. */
export interface HandsetFateInput {
  outcome?: HandsetOutcome;
  /** For `undelivered`: 30003 (default), 30005 or 30006. */
  errorCode?: number;
  /** A slow handset: milliseconds between each delivery step. */
  delayMs?: number;
}

/** When a handset last wrote to a WhatsApp sender: see `/_sandbox/handset/:number/whatsapp-window`. */
export interface WhatsAppWindowInput {
  /** The account's WhatsApp sender, `whatsapp:+1…`. */
  sender: string;
  /** ISO 8601; null: the customer never wrote (the window is closed). */
  lastCustomerMessageAt: string | null;
}

/** WhatsApp's decision on a submitted Content template. */
export interface ContentApprovalInput {
  status: Exclude<ApprovalStatus, 'unsubmitted'>;
  /** For `rejected` (default `INVALID_FORMAT`). */
  rejectionReason?: string;
}

/** A small client of the sandbox's `/_sandbox/*` controls, for tests and tools. */
export class SandboxControls {
  private readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  account(): Promise<DemoAccount> {
    return this.call('GET', '/_sandbox/account');
  }

  /** Back to the seeded demo account (faults and the request log are left as they are). */
  async reset(): Promise<void> {
    await this.call('POST', '/_sandbox/reset');
  }

  setFaults(config: FaultConfig): Promise<FaultConfig> {
    return this.call('PUT', '/_sandbox/faults', config);
  }

  faults(): Promise<FaultConfig> {
    return this.call('GET', '/_sandbox/faults');
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', '/_sandbox/faults');
  }

  requests(): Promise<RequestLogSnapshot> {
    return this.call('GET', '/_sandbox/requests');
  }

  async clearRequests(): Promise<void> {
    await this.call('DELETE', '/_sandbox/requests');
  }

  /** Resources not over (closed, canceled…) per `<store>.<collection>`: compare two to see what was left behind. */
  async resources(): Promise<Record<string, number>> {
    return (await this.call<{ resources: Record<string, number> }>('GET', '/_sandbox/resources')).resources;
  }

  async handsets(): Promise<HandsetSummary[]> {
    return (await this.call<{ handsets: HandsetSummary[] }>('GET', '/_sandbox/handset')).handsets;
  }

  async handsetThread(number: string): Promise<HandsetMessage[]> {
    return (await this.call<{ messages: HandsetMessage[] }>('GET', `/_sandbox/handset/${encodeURIComponent(number)}`)).messages;
  }

  /** The customer texts one of the account's numbers, or writes to a WhatsApp sender (`whatsapp:` on both addresses). */
  sendInboundSms(sms: InboundSms): Promise<InboundSmsOutcome> {
    return this.call('POST', '/_sandbox/handset/inbound', sms);
  }

  /** The handset's WhatsApp customer service window with each of the account's WhatsApp senders. */
  async whatsappWindows(number: string): Promise<CustomerServiceWindow[]> {
    return (await this.call<{ windows: CustomerServiceWindow[] }>('GET', `/_sandbox/handset/${encodeURIComponent(number)}/whatsapp-windows`)).windows;
  }

  /** Puts the handset inside or outside a sender's 24-hour window: when it last wrote (null: never). */
  setWhatsAppWindow(number: string, input: WhatsAppWindowInput): Promise<CustomerServiceWindow> {
    return this.call('PUT', `/_sandbox/handset/${encodeURIComponent(number)}/whatsapp-window`, input);
  }

  /** WhatsApp's review of a submitted Content template: approves, rejects, pauses… it. */
  setContentApproval(contentSid: string, input: ContentApprovalInput): Promise<WhatsAppApproval & { contentSid: string }> {
    return this.call('PUT', `/_sandbox/content/${encodeURIComponent(contentSid)}/approval`, input);
  }

  /** Makes the carrier deliver, fail (`undelivered` 30003/30005/30006, `carrier-filtered` 30007) or slow the handset's next SMS. */
  setHandsetFate(number: string, fate: HandsetFateInput): Promise<HandsetFate> {
    return this.call('PUT', `/_sandbox/handset/${encodeURIComponent(number)}/fate`, fate);
  }

  async clearHandsetFate(number: string): Promise<void> {
    await this.call('DELETE', `/_sandbox/handset/${encodeURIComponent(number)}/fate`);
  }

  delivery(): Promise<DeliverySettings> {
    return this.call('GET', '/_sandbox/delivery');
  }

  /** Milliseconds between an SMS's delivery steps (0: as soon as possible). */
  setDelivery(settings: DeliverySettings): Promise<DeliverySettings> {
    return this.call('PUT', '/_sandbox/delivery', settings);
  }

  /** The callbacks the sandbox sent (status callbacks, webhooks) with each attempt's answer, oldest first. */
  async callbacks(): Promise<LoggedCallback[]> {
    return (await this.call<{ callbacks: LoggedCallback[] }>('GET', '/_sandbox/callbacks')).callbacks;
  }

  async clearCallbacks(): Promise<void> {
    await this.call('DELETE', '/_sandbox/callbacks');
  }

  accountFlags(): Promise<AccountFlags> {
    return this.call('GET', '/_sandbox/account-flags');
  }

  setAccountFlags(flags: AccountFlags): Promise<AccountFlags> {
    return this.call('PUT', '/_sandbox/account-flags', flags);
  }

  seedProxySessions(input: { count: number; status?: 'open' | 'in-progress' | 'closed' }): Promise<{ created: number; sessionSids: string[] }> {
    return this.call('POST', '/_sandbox/seed/proxy-sessions', input);
  }

  seedFlexFlows(input: { count: number }): Promise<{ created: number; flexFlowSids: string[] }> {
    return this.call('POST', '/_sandbox/seed/flex-flows', input);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`Sandbox control ${method} ${path} failed: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
