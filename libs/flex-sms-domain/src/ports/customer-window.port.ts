/**
 * When a customer last wrote to one of the account's senders (from the inbound messages the webhooks publish). It is
 * what WhatsApp's 24-hour customer service window is counted from, and it is read without asking Twilio, so a send
 * refused for being outside the window makes no Twilio request.
 */
export interface CustomerWindowPort {
  /** Addresses as Twilio writes them (`whatsapp:+1…`); `null` when the customer never wrote to the sender. */
  lastInboundAt(customer: string, sender: string): Promise<Date | null>;
}
