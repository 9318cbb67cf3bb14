import type { DeliveryReceipt, MessageDeliveryPort, RelayedSms, SmsMessage } from '@flex-sms/domain';
import type twilio from 'twilio';
import { callTwilio, callTwilioOrNull } from '../errors/twilio-error.mapper';

/** A Proxy session holds a handful of interactions per message exchanged; a delivery is looked up among the latest. */
const INTERACTION_LOOKUP_LIMIT = 200;

/**
 * Delivery read back from Twilio: the API 2010 Message, a Conversations message's delivery receipts, and the SMS a
 * Proxy session relayed for a chat message (its interaction's outbound resource).
 */
export class TwilioMessageDeliveryAdapter implements MessageDeliveryPort {
  constructor(
    private readonly client: twilio.Twilio,
    private readonly options: { accountSid: string; proxyServiceSid: string | null },
  ) {}

  async fetchSmsMessage(sid: string): Promise<SmsMessage | null> {
    const message = await callTwilioOrNull({ resource: 'Message', sid }, () =>
      this.client.api.v2010.accounts(this.options.accountSid).messages(sid).fetch(),
    );
    if (!message) return null;
    return {
      sid: message.sid,
      from: message.from,
      to: message.to,
      body: message.body ?? '',
      status: message.status,
      errorCode: message.errorCode ?? null,
      errorMessage: message.errorMessage ?? null,
    };
  }

  async listDeliveryReceipts(conversationSid: string, messageSid: string): Promise<DeliveryReceipt[]> {
    const receipts = await callTwilio({ resource: 'Conversation message receipts', sid: messageSid }, () =>
      this.client.conversations.v1.conversations(conversationSid).messages(messageSid).deliveryReceipts.list({ limit: 50 }),
    );
    return receipts.map((receipt) => ({
      channelMessageSid: receipt.channelMessageSid ?? null,
      status: receipt.status,
      errorCode: receipt.errorCode || null,
    }));
  }

  async findRelayedSms(proxySessionSid: string, chatMessageSid: string): Promise<RelayedSms | null> {
    const proxyServiceSid = this.options.proxyServiceSid;
    if (!proxyServiceSid) return null;
    const interactions = await callTwilioOrNull({ resource: 'Proxy interactions', sid: proxySessionSid }, () =>
      this.client.proxy.v1.services(proxyServiceSid).sessions(proxySessionSid).interactions.list({ limit: INTERACTION_LOOKUP_LIMIT }),
    );
    const relayed = interactions?.find((interaction) => interaction.inboundResourceSid === chatMessageSid && interaction.outboundResourceSid);
    return relayed ? { smsSid: relayed.outboundResourceSid, status: relayed.outboundResourceStatus } : null;
  }
}
