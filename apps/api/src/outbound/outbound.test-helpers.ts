import type { RetryPolicy } from '@flex-sms/domain';
import { createTwilioClient } from '@flex-sms/twilio-adapter';
import { DEMO_CONVERSATIONS_NUMBER, DEMO_NUMBERS, type LoggedRequest } from '@flex-sms/twilio-sandbox';
import type twilio from 'twilio';
import { OutboundEvents } from '../events/outbound-events';
import { TestApp, TestAppOptions, createTestApp } from '../testing/test-app';
import { TWILIO_RETRY_POLICY } from '../twilio/twilio.tokens';
import { FollowUpScheduler } from './follow-up-scheduler';
import { OUTBOUND_SMS_OPTIONS, OutboundSmsOptions } from './outbound-sms.tokens';

export const TWILIO_NUMBER = DEMO_NUMBERS[0];
export const OTHER_TWILIO_NUMBER = DEMO_NUMBERS[1];
export const CUSTOMER = '+14155550123';

/**
 * The outbound HTTP suites run once per mode (OUTBOUND_MODE): the same API, console contract and guarantees whether a
 * number uses Programmable Chat + Proxy or Conversations + Flex Interactions.
 */
export const OUTBOUND_MODES = ['chat-proxy', 'conversations'] as const;
export type OutboundModeName = (typeof OUTBOUND_MODES)[number];

/** The outbound tuning, and the retry policy of the API's Twilio calls. */
export interface OutboundTestOptions extends OutboundSmsOptions {
  retryPolicy: RetryPolicy;
}

/**
 * The shared suites (rollback, conflicts, retries, idempotency) run per mode and channel: WhatsApp goes through Flex
 * Conversations only, from the demo account's WhatsApp sender, with the customer inside the 24-hour window.
 */
export interface OutboundVariant {
  mode: OutboundModeName;
  channel: 'sms' | 'whatsapp';
  fromNumber: string;
}

export const OUTBOUND_VARIANTS: readonly OutboundVariant[] = [
  { mode: 'chat-proxy', channel: 'sms', fromNumber: TWILIO_NUMBER },
  { mode: 'conversations', channel: 'sms', fromNumber: TWILIO_NUMBER },
  { mode: 'conversations', channel: 'whatsapp', fromNumber: DEMO_CONVERSATIONS_NUMBER },
];

/** The request fields that put a send on the variant's channel (none for SMS, the default). */
export function channelFields(variant: OutboundVariant): Record<string, unknown> {
  return variant.channel === 'whatsapp' ? { channel: 'whatsapp' } : {};
}

/**
 * The customer wrote to the variant's WhatsApp sender `agoMs` ago, as the inbound webhook publishes it and as WhatsApp
 * counts it (the sandbox's window): free text may go. Nothing to do on SMS.
 */
export async function customerWroteFirst(api: TestApp, variant: OutboundVariant, customer: string, agoMs = 60_000): Promise<void> {
  if (variant.channel !== 'whatsapp') return;
  const at = new Date(Date.now() - agoMs);
  const sender = `whatsapp:${variant.fromNumber}`;
  await api.app.get(OutboundEvents).publishInbound({ from: `whatsapp:${customer}`, to: sender, body: 'Hi', channel: 'whatsapp', receivedAt: at });
  await api.controls.setWhatsAppWindow(customer, { sender, lastCustomerMessageAt: at.toISOString() });
}

/** Short backoff so fault tests take milliseconds; the same attempts as production. */
export const FAST_RETRIES: OutboundTestOptions = { retryPolicy: { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 50, budgetMs: 3_000 } };

export interface OutboundTestApp extends TestApp {
  /** The official SDK on the sandbox, to look at what the API did (tasks, channels, sessions). */
  twilio: twilio.Twilio;
  /** Resolves when the follow-up work of answered requests has run. */
  followUpsIdle(): Promise<void>;
}

/** The API over HTTP against its own sandbox, with fast retries. */
export async function createOutboundTestApp(options: TestAppOptions & { outbound?: OutboundTestOptions } = {}): Promise<OutboundTestApp> {
  const { retryPolicy, ...outbound } = options.outbound ?? FAST_RETRIES;
  const api = await createTestApp({
    logger: false,
    ...options,
    override: (builder) => {
      const overridden = builder.overrideProvider(TWILIO_RETRY_POLICY).useValue(retryPolicy);
      overridden.overrideProvider(OUTBOUND_SMS_OPTIONS).useValue(outbound);
      return options.override ? options.override(overridden) : overridden;
    },
  });
  const { accountSid, authToken } = api.sandbox.account;
  return {
    ...api,
    twilio: createTwilioClient({ accountSid, authToken, baseUrl: api.sandbox.url, timeoutMs: 5_000 }),
    followUpsIdle: () => api.app.get(FollowUpScheduler).idle(),
  };
}

/** Sequential round trips in a request log: the longest chain of requests each starting after the previous one ended. */
export function sequentialRoundTrips(requests: readonly LoggedRequest[]): number {
  const depth = new Map<number, number>();
  const ordered = [...requests].sort((a, b) => a.startedAt - b.startedAt);
  for (const request of ordered) {
    const before = ordered.filter((other) => other.finishedAt !== null && other.finishedAt <= request.startedAt);
    depth.set(request.id, 1 + Math.max(0, ...before.map((other) => depth.get(other.id) ?? 0)));
  }
  return Math.max(0, ...depth.values());
}

/** What the sandbox holds that an outbound request can create: for "nothing left behind" checks. */
export async function twilioResources(api: OutboundTestApp) {
  const { chatServiceSid, proxyServiceSid, workspaceSid } = api.sandbox.account;
  const [channels, sessions, tasks, conversations] = await Promise.all([
    api.twilio.chat.v2.services(chatServiceSid).channels.list({ limit: 1000 }),
    api.twilio.proxy.v1.services(proxyServiceSid).sessions.list({ limit: 1000 }),
    api.twilio.taskrouter.v1.workspaces(workspaceSid).tasks.list({ limit: 1000 }),
    api.twilio.conversations.v1.conversations.list({ limit: 1000 }),
  ]);
  return {
    channels: channels.map((channel) => channel.sid),
    openSessions: sessions.filter((session) => session.status !== 'closed').map((session) => session.sid),
    liveTasks: tasks.filter((task) => !['canceled', 'completed'].includes(task.assignmentStatus)).map((task) => task.sid),
    conversations: conversations.filter((conversation) => conversation.state !== 'closed').map((conversation) => conversation.sid),
  };
}
