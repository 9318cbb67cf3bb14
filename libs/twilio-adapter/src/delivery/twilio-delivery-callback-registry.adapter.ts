import type { ConversationServiceWebhook, DeliveryCallbackRegistryPort } from '@flex-sms/domain';
import type twilio from 'twilio';
import { callTwilio, callTwilioOrNull } from '../errors/twilio-error.mapper';

/** The Proxy Service's `CallbackUrl` and the Conversation Service's post-event webhook configuration. */
export class TwilioDeliveryCallbackRegistryAdapter implements DeliveryCallbackRegistryPort {
  constructor(
    private readonly client: twilio.Twilio,
    private readonly proxyServiceSid: string | null,
  ) {}

  async fetchProxyCallbackUrl(): Promise<{ callbackUrl: string | null } | null> {
    const sid = this.proxyServiceSid;
    if (!sid) return null;
    const service = await callTwilioOrNull({ resource: 'Proxy Service', sid }, () => this.client.proxy.v1.services(sid).fetch());
    return service ? { callbackUrl: service.callbackUrl || null } : null;
  }

  async setProxyCallbackUrl(url: string): Promise<void> {
    const sid = this.proxyServiceSid;
    if (!sid) throw new Error('No Proxy Service is configured');
    await callTwilio({ resource: 'Proxy Service', sid }, () => this.client.proxy.v1.services(sid).update({ callbackUrl: url }));
  }

  async fetchConversationServiceWebhook(chatServiceSid: string): Promise<ConversationServiceWebhook> {
    const webhook = await callTwilio({ resource: 'Conversation Service webhooks', sid: chatServiceSid }, () =>
      this.client.conversations.v1.services(chatServiceSid).configuration.webhooks().fetch(),
    );
    return { postWebhookUrl: webhook.postWebhookUrl || null, filters: webhook.filters ?? [] };
  }

  async setConversationServiceWebhook(chatServiceSid: string, webhook: { postWebhookUrl: string; filters: readonly string[] }): Promise<void> {
    await callTwilio({ resource: 'Conversation Service webhooks', sid: chatServiceSid }, () =>
      this.client.conversations.v1
        .services(chatServiceSid)
        .configuration.webhooks()
        .update({ postWebhookUrl: webhook.postWebhookUrl, filters: [...webhook.filters], method: 'POST' }),
    );
  }
}
