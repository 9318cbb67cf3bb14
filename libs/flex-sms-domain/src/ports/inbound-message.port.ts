/**
 * A message a customer sent to one of the account's senders, as a Twilio webhook reported it (a Conversations
 * onMessageAdded from a customer's address, a Proxy inbound interaction). Consent (STOP/START) and the WhatsApp
 * 24-hour window both learn from these, so the webhook that hears one does not need to know who listens.
 */
export interface InboundMessage {
  /** The customer's address: +E164, or whatsapp:+E164. */
  readonly from: string;
  /** The account's sender it was written to: +E164, or whatsapp:+E164. */
  readonly to: string;
  readonly body: string;
  readonly channel: 'sms' | 'whatsapp';
  readonly receivedAt: Date;
}

export interface InboundMessageObserver {
  onInboundMessage(message: InboundMessage): Promise<void>;
}
