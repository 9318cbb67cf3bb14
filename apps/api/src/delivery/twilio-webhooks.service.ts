import { Inject, Injectable } from '@nestjs/common';
import { recordDeliveryStatus, type DeliveryLog, type ConversationPort, type MessageDeliveryPort } from '@flex-sms/domain';
import { parseConversationsWebhook, parseMessageStatusCallback, parseProxyInteraction, type WebhookForm } from '@flex-sms/twilio-adapter';
import { OutboundEvents } from '../events/outbound-events';
import { TWILIO_PORT } from '../twilio/twilio.tokens';
import { PublishingDeliveryObserver } from './delivery-observer';
import { MESSAGE_DELIVERY } from './delivery.tokens';
import { SqlDeliveryLog } from './sql-delivery-log';

/**
 * What Twilio's webhooks tell, into the journal and onto OutboundEvents. Anything that fails throws, so the route
 * answers 5xx and Twilio sends the callback again (the URL asks for it, public-url.ts); every step is safe to repeat.
 */
@Injectable()
export class TwilioWebhooks {
  private readonly log: DeliveryLog;

  constructor(
    log: SqlDeliveryLog,
    private readonly observer: PublishingDeliveryObserver,
    private readonly events: OutboundEvents,
    @Inject(MESSAGE_DELIVERY) private readonly twilio: MessageDeliveryPort,
    @Inject(TWILIO_PORT.conversations) private readonly conversations: ConversationPort,
  ) {
    this.log = log;
  }

  async conversationsEvent(form: WebhookForm): Promise<void> {
    const event = parseConversationsWebhook(form, new Date());
    if (event.kind === 'delivery') await recordDeliveryStatus({ log: this.log, observer: this.observer }, event.report);
    // Messages posted through the REST API or an SDK are the product's and the agents' own, never a customer's.
    if (event.kind === 'message-added' && !['API', 'SDK'].includes(event.source.toUpperCase())) {
      // A customer's message is one whose author is the address of one of the conversation's SMS or WhatsApp participants.
      const participants = await this.conversations.listParticipants(event.conversationSid);
      const customer = participants.find((participant) => participant.address === event.author && participant.proxyAddress);
      if (!customer?.proxyAddress) return;
      await this.events.publishInbound({
        from: event.author,
        to: customer.proxyAddress,
        body: event.body,
        channel: channelOf(event.author),
        receivedAt: event.at,
      });
    }
  }

  async messageStatus(form: WebhookForm): Promise<void> {
    const report = parseMessageStatusCallback(form, new Date());
    if (report) await recordDeliveryStatus({ log: this.log, observer: this.observer }, report);
  }

  async proxyInteraction(form: WebhookForm): Promise<void> {
    const event = parseProxyInteraction(form, new Date());
    if (event.kind === 'relayed') {
      // Proxy reports the status alone: a failed SMS's error code is on its Message resource.
      const failed = event.status === 'undelivered' || event.status === 'failed';
      const sms = failed ? await this.twilio.fetchSmsMessage(event.smsSid) : null;
      await recordDeliveryStatus(
        { log: this.log, observer: this.observer },
        {
          messageSid: event.chatMessageSid,
          channelMessageSid: event.smsSid,
          status: event.status,
          errorCode: sms?.errorCode ?? null,
          errorMessage: sms?.errorMessage ?? null,
          reportedAt: event.at,
          source: 'callback',
        },
      );
    }
    if (event.kind === 'customer-sms') {
      const sms = await this.twilio.fetchSmsMessage(event.smsSid);
      if (!sms) return;
      await this.events.publishInbound({ from: sms.from, to: sms.to, body: sms.body, channel: channelOf(sms.from), receivedAt: event.at });
    }
  }
}

function channelOf(address: string): 'sms' | 'whatsapp' {
  return address.startsWith('whatsapp:') ? 'whatsapp' : 'sms';
}
