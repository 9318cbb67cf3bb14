import type { PhoneNumber } from '../value-objects/phone-number.value-object';

/** The messaging channels a send can go out on. The original Functions (and the drop-in routes) are SMS only. */
export const OUTBOUND_CHANNELS = ['sms', 'whatsapp'] as const;
export type OutboundChannel = (typeof OUTBOUND_CHANNELS)[number];

/**
 * How Twilio writes a number's address on a channel: SMS with the bare E.164 number, WhatsApp with it prefixed
 * `whatsapp:` (Conversations participants' `MessagingBinding.Address`/`ProxyAddress`, Interactions' participants).
 */
export function channelAddress(channel: OutboundChannel, number: PhoneNumber): string {
  return channel === 'whatsapp' ? `whatsapp:${number.e164}` : number.e164;
}
