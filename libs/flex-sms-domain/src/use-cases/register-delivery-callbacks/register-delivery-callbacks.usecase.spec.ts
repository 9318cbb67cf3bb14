import type { ConversationServiceWebhook, DeliveryCallbackRegistryPort } from '../../ports/message-delivery.port';
import { registerDeliveryCallbacks } from './register-delivery-callbacks.usecase';

const OURS = 'https://sms.example.com/api/v1/webhooks/twilio/proxy#rc=3&rp=5xx,ct,rt';
const OURS_CONVERSATIONS = 'https://sms.example.com/api/v1/webhooks/twilio/conversations#rc=3&rp=5xx,ct,rt';
const SERVICE = 'IS0123456789abcdef0123456789abcdef';

/** The two per-service settings, as Twilio would hold them. */
class FakeRegistry implements DeliveryCallbackRegistryPort {
  writes: string[] = [];
  constructor(
    public proxy: { callbackUrl: string | null } | null,
    public conversations: ConversationServiceWebhook = { postWebhookUrl: null, filters: [] },
  ) {}
  async fetchProxyCallbackUrl() {
    return this.proxy;
  }
  async setProxyCallbackUrl(url: string) {
    this.writes.push(`proxy ${url}`);
    this.proxy = { callbackUrl: url };
  }
  async fetchConversationServiceWebhook() {
    return this.conversations;
  }
  async setConversationServiceWebhook(_sid: string, webhook: { postWebhookUrl: string; filters: readonly string[] }) {
    this.writes.push(`conversations ${webhook.postWebhookUrl} ${webhook.filters.join(',')}`);
    this.conversations = { postWebhookUrl: webhook.postWebhookUrl, filters: [...webhook.filters] };
  }
}

describe('registerDeliveryCallbacks', () => {
  it('sets an empty Proxy CallbackUrl, and leaves it alone once it is ours', async () => {
    const registry = new FakeRegistry({ callbackUrl: null });
    expect(await registerDeliveryCallbacks(registry, { proxyCallbackUrl: OURS })).toEqual([
      { target: 'proxy-service', outcome: 'registered', url: OURS },
    ]);
    expect(await registerDeliveryCallbacks(registry, { proxyCallbackUrl: OURS })).toEqual([
      { target: 'proxy-service', outcome: 'already-registered', url: OURS },
    ]);
    expect(registry.writes).toEqual([`proxy ${OURS}`]);
  });

  it('never overwrites a callback URL another integration set, and says whose it is', async () => {
    const registry = new FakeRegistry(
      { callbackUrl: 'https://crm.example.com/twilio/proxy' },
      { postWebhookUrl: 'https://bot.example.com/hook', filters: ['onMessageAdded'] },
    );
    const registrations = await registerDeliveryCallbacks(registry, {
      proxyCallbackUrl: OURS,
      conversations: { chatServiceSid: SERVICE, url: OURS_CONVERSATIONS },
    });
    expect(registrations).toEqual([
      { target: 'proxy-service', outcome: 'held-by-another-url', url: 'https://crm.example.com/twilio/proxy' },
      { target: 'conversation-service', outcome: 'held-by-another-url', url: 'https://bot.example.com/hook' },
    ]);
    expect(registry.writes).toEqual([]);
  });

  it('moves its own route to a new PUBLIC_BASE_URL, and adds the events it needs to the filters kept', async () => {
    const registry = new FakeRegistry(
      { callbackUrl: 'https://old.example.com/api/v1/webhooks/twilio/proxy' },
      { postWebhookUrl: 'https://old.example.com/api/v1/webhooks/twilio/conversations', filters: ['onConversationAdded'] },
    );
    await registerDeliveryCallbacks(registry, { proxyCallbackUrl: OURS, conversations: { chatServiceSid: SERVICE, url: OURS_CONVERSATIONS } });
    expect(registry.proxy).toEqual({ callbackUrl: OURS });
    expect(registry.conversations).toEqual({
      postWebhookUrl: OURS_CONVERSATIONS,
      filters: ['onConversationAdded', 'onDeliveryUpdated', 'onMessageAdded'],
    });
  });

  it('reports a service Twilio cannot answer for as failed, and goes on with the other', async () => {
    const registry = new FakeRegistry(null);
    registry.fetchConversationServiceWebhook = async () => {
      throw new Error('Twilio answered 503');
    };
    expect(
      await registerDeliveryCallbacks(registry, { proxyCallbackUrl: OURS, conversations: { chatServiceSid: SERVICE, url: OURS_CONVERSATIONS } }),
    ).toEqual([
      { target: 'proxy-service', outcome: 'failed', url: null, error: 'the Proxy Service was not found' },
      { target: 'conversation-service', outcome: 'failed', url: null, error: 'Twilio answered 503' },
    ]);
  });
});
