import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ApplyConsentKeyword, TWILIO_ACTOR, TWILIO_UNSUBSCRIBED_RECIPIENT, consentRecipientOf, type Journal } from '@flex-sms/domain';
import { OutboundEvents, type OutboundEvent } from '../events/outbound-events';
import { JOURNAL } from '../journal/journal.module';
import { SqlConsentRegister } from './sql-consent-register';

/**
 * What the register learns without an admin: a customer's STOP/START from the inbound webhooks, and a delivery that
 * Twilio failed with 21610 after accepting it (Conversations and Proxy send the SMS after answering, so the refusal
 * arrives as the message's status, not as the send's answer).
 */
@Injectable()
export class ConsentListeners implements OnModuleInit {
  constructor(
    private readonly events: OutboundEvents,
    private readonly register: SqlConsentRegister,
    @Inject(JOURNAL) private readonly journal: Journal,
  ) {}

  onModuleInit(): void {
    this.events.onInbound(new ApplyConsentKeyword(this.register));
    this.events.onOutbound({ onOutboundEvent: (event) => this.learnFromDelivery(event) });
  }

  private async learnFromDelivery(event: OutboundEvent): Promise<void> {
    if (event.kind !== 'delivery' || event.errorCode !== TWILIO_UNSUBSCRIBED_RECIPIENT) return;
    const request = await this.journal.get(event.requestId);
    if (!request) return;
    await this.register.recordOptOut({
      recipient: consentRecipientOf(request.toNumber),
      scope: request.fromNumber,
      source: 'twilio-21610',
      actor: TWILIO_ACTOR,
      reason: `Twilio failed message ${event.messageSid} with 21610 (the customer had opted out)`,
      at: event.at,
    });
  }
}
