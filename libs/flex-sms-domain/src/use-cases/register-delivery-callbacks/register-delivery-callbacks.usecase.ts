import type { DeliveryCallbackRegistryPort } from '../../ports/message-delivery.port';

/** The Conversations events the product reads: delivery receipts, and customers' messages (consent, the WhatsApp window). */
export const CONVERSATION_EVENTS = ['onDeliveryUpdated', 'onMessageAdded'] as const;

export type DeliveryCallbackTarget = 'proxy-service' | 'conversation-service';

export interface DeliveryCallbackRegistration {
  readonly target: DeliveryCallbackTarget;
  /**
   * `registered`: set now (or moved to the current URL); `already-registered`: it was ours; `held-by-another-url`:
   * the customer's own integration owns it, left alone (delivery is then learnt by reconciliation only);
   * `failed`: Twilio could not be asked or refused.
   */
  readonly outcome: 'registered' | 'already-registered' | 'held-by-another-url' | 'failed';
  /** What the service holds now (ours, or the one found). */
  readonly url: string | null;
  readonly error?: string;
}

export interface RegisterDeliveryCallbacksRequest {
  /** The Proxy route's URL, with its connection overrides; unset = no Proxy Service in use. */
  readonly proxyCallbackUrl?: string;
  /** The Conversations route's URL and the service it listens to; unset = no number in Conversations mode. */
  readonly conversations?: { readonly chatServiceSid: string; readonly url: string };
}

/**
 * Tells Twilio where to report what the product sends: the Proxy Service's `CallbackUrl` and the Conversation
 * Service's post-event webhook. Both are one URL per service that another integration may already use, so one is
 * only written when it is empty or already ours (the same route, perhaps under an earlier PUBLIC_BASE_URL).
 */
export async function registerDeliveryCallbacks(
  registry: DeliveryCallbackRegistryPort,
  request: RegisterDeliveryCallbacksRequest,
): Promise<DeliveryCallbackRegistration[]> {
  const registrations: DeliveryCallbackRegistration[] = [];
  if (request.proxyCallbackUrl) registrations.push(await attempt('proxy-service', () => registerProxy(registry, request.proxyCallbackUrl as string)));
  if (request.conversations) {
    const { chatServiceSid, url } = request.conversations;
    registrations.push(await attempt('conversation-service', () => registerConversations(registry, chatServiceSid, url)));
  }
  return registrations;
}

async function registerProxy(registry: DeliveryCallbackRegistryPort, url: string): Promise<Omit<DeliveryCallbackRegistration, 'target'>> {
  const service = await registry.fetchProxyCallbackUrl();
  if (!service) return { outcome: 'failed', url: null, error: 'the Proxy Service was not found' };
  if (service.callbackUrl === url) return { outcome: 'already-registered', url };
  if (service.callbackUrl && !sameRoute(service.callbackUrl, url)) return { outcome: 'held-by-another-url', url: service.callbackUrl };
  await registry.setProxyCallbackUrl(url);
  return { outcome: 'registered', url };
}

async function registerConversations(
  registry: DeliveryCallbackRegistryPort,
  chatServiceSid: string,
  url: string,
): Promise<Omit<DeliveryCallbackRegistration, 'target'>> {
  const webhook = await registry.fetchConversationServiceWebhook(chatServiceSid);
  const filtersHeld = CONVERSATION_EVENTS.every((event) => webhook.filters.includes(event));
  if (webhook.postWebhookUrl === url && filtersHeld) return { outcome: 'already-registered', url };
  if (webhook.postWebhookUrl && !sameRoute(webhook.postWebhookUrl, url)) return { outcome: 'held-by-another-url', url: webhook.postWebhookUrl };
  await registry.setConversationServiceWebhook(chatServiceSid, {
    postWebhookUrl: url,
    filters: [...new Set([...webhook.filters, ...CONVERSATION_EVENTS])],
  });
  return { outcome: 'registered', url };
}

async function attempt(
  target: DeliveryCallbackTarget,
  register: () => Promise<Omit<DeliveryCallbackRegistration, 'target'>>,
): Promise<DeliveryCallbackRegistration> {
  try {
    return { target, ...(await register()) };
  } catch (error) {
    return { target, outcome: 'failed', url: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The same webhook route of ours, whatever host it was registered under: the path, without query or overrides. */
function sameRoute(registered: string, ours: string): boolean {
  try {
    return new URL(registered).pathname === new URL(ours).pathname;
  } catch {
    return false;
  }
}
