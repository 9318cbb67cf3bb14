import type { Clock } from '../ports/clock.port';
import type { CustomerWindowPort } from '../ports/customer-window.port';
import type { PhoneNumber } from '../value-objects/phone-number.value-object';
import { channelAddress } from './outbound-channel';

/** WhatsApp's customer service window: 24 hours from the customer's latest message (Twilio error 63016's docs). */
export const WHATSAPP_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Where a sender and a customer stand in WhatsApp's customer service window. */
export interface CustomerWindow {
  /** Addresses as Twilio writes them on WhatsApp (`whatsapp:+1…`). */
  sender: string;
  customer: string;
  /** When the customer last wrote to the sender; `null` when they never did (as far as the inbound webhooks told us). */
  lastInboundAt: Date | null;
  /** Until when free text may be sent; `null` when the customer never wrote. */
  openUntil: Date | null;
  /** Whether free text may be sent now; outside the window only an approved Content template may. */
  open: boolean;
}

/**
 * The one reading of the window: the send's refusal (WHATSAPP_TEMPLATE_REQUIRED) and the console's hint both come
 * from here, so the hint never says "allowed" for a send the API would refuse. Without a port nobody is in a window.
 */
export async function customerWindowOf(
  windows: CustomerWindowPort | undefined,
  clock: Pick<Clock, 'now'>,
  fromNumber: PhoneNumber,
  toNumber: PhoneNumber,
): Promise<CustomerWindow> {
  const sender = channelAddress('whatsapp', fromNumber);
  const customer = channelAddress('whatsapp', toNumber);
  const lastInboundAt = windows ? await windows.lastInboundAt(customer, sender) : null;
  const openUntil = lastInboundAt ? new Date(lastInboundAt.getTime() + WHATSAPP_WINDOW_MS) : null;
  return { sender, customer, lastInboundAt, openUntil, open: openUntil !== null && clock.now() < openUntil.getTime() };
}
