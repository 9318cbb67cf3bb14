import type { CustomerWindowPort, InboundMessage, InboundMessageObserver } from '@flex-sms/domain';
import type { Database } from '../store/database';

/**
 * When each customer last wrote to each sender, kept from the inbound messages the webhooks publish: WhatsApp's
 * 24-hour customer service window is counted from it. A redelivered or late webhook never moves the time back.
 */
export class SqlCustomerWindow implements CustomerWindowPort, InboundMessageObserver {
  constructor(private readonly db: Database) {}

  async onInboundMessage(message: InboundMessage): Promise<void> {
    await this.db.query(
      `INSERT INTO customer_last_inbound (customer_address, sender_address, last_inbound_at) VALUES ($1, $2, $3)
       ON CONFLICT (customer_address, sender_address) DO UPDATE SET last_inbound_at =
         CASE WHEN excluded.last_inbound_at > customer_last_inbound.last_inbound_at THEN excluded.last_inbound_at ELSE customer_last_inbound.last_inbound_at END`,
      [message.from, message.to, message.receivedAt],
    );
  }

  async lastInboundAt(customer: string, sender: string): Promise<Date | null> {
    const rows = await this.db.query<{ last_inbound_at: Date }>(
      'SELECT last_inbound_at FROM customer_last_inbound WHERE customer_address = $1 AND sender_address = $2',
      [customer, sender],
    );
    return rows[0]?.last_inbound_at ?? null;
  }
}
