/**
 * The messaging channels the sandbox carries and how Twilio writes their addresses: SMS with E.164 numbers, WhatsApp
 * with the number prefixed `whatsapp:` (Messages resource, `To`/`From`: "channel address, e.g.
 * whatsapp:+15552229999"; Conversations participants: `MessagingBinding.Address` "a phone or WhatsApp number").
 */
export type MessageChannel = 'sms' | 'whatsapp';

const WHATSAPP_PREFIX = 'whatsapp:';

export const E164 = /^\+[1-9]\d{6,14}$/;

export function channelOf(address: string): MessageChannel {
  return address.startsWith(WHATSAPP_PREFIX) ? 'whatsapp' : 'sms';
}

/** The phone behind an address: `whatsapp:+15557770001` and `+15557770001` reach the same handset. */
export function phoneOf(address: string): string {
  return address.startsWith(WHATSAPP_PREFIX) ? address.slice(WHATSAPP_PREFIX.length) : address;
}

export function addressOn(channel: MessageChannel, phone: string): string {
  return channel === 'whatsapp' ? `${WHATSAPP_PREFIX}${phone}` : phone;
}

/** An E.164 number, bare (SMS) or `whatsapp:`-prefixed. */
export function isChannelAddress(address: string): boolean {
  return E164.test(phoneOf(address));
}
