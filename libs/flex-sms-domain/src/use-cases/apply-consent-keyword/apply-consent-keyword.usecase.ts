import { TWILIO_ACTOR, consentRecipientOf, type ConsentRecorderPort } from '../../ports/consent-register.port';
import type { InboundMessage, InboundMessageObserver } from '../../ports/inbound-message.port';
import { consentKeywordOf } from './consent-keywords';

/**
 * A customer's STOP-family message opts them out of the sender they wrote to, a START-family one opts them back in,
 * as Twilio itself does for that sender; the register keeps the same, so a send is refused here before Twilio would
 * refuse it with 21610 (and where Twilio does not: Proxy relays to opted-out handsets by default).
 */
export class ApplyConsentKeyword implements InboundMessageObserver {
  constructor(private readonly consent: ConsentRecorderPort) {}

  async onInboundMessage(message: InboundMessage): Promise<void> {
    const found = consentKeywordOf(message.body);
    if (!found || found.kind === 'help') return;
    const change = {
      recipient: consentRecipientOf(message.from),
      scope: message.to,
      source: 'inbound-keyword' as const,
      actor: TWILIO_ACTOR,
      reason: `Customer texted ${found.keyword}`,
      at: message.receivedAt,
    };
    if (found.kind === 'opt-out') await this.consent.recordOptOut(change);
    else await this.consent.recordOptIn(change);
  }
}
