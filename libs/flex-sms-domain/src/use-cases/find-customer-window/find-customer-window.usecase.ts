import { customerWindowOf } from '../../outbound/customer-window';
import type { Clock } from '../../ports/clock.port';
import type { CustomerWindowPort } from '../../ports/customer-window.port';
import { PhoneNumber } from '../../value-objects/phone-number.value-object';

/** Where a sender and a customer stand in WhatsApp's 24-hour window, as a caller reads it before sending. */
export interface CustomerWindowView {
  sender: string;
  customer: string;
  lastInboundAt: string | null;
  openUntil: string | null;
  open: boolean;
  /** The API's clock when it answered: "wrote 3 h ago" is counted from it, not from the caller's clock. */
  checkedAt: string;
}

/**
 * `GET /api/v1/senders/{from}/window?to=…`: the window a WhatsApp send from `from` to `to` would be checked against
 * (customerWindowOf, the reading the send's WHATSAPP_TEMPLATE_REQUIRED comes from). Reads no Twilio resource.
 */
export class FindCustomerWindow {
  constructor(private readonly deps: { customerWindows?: CustomerWindowPort; clock: Clock }) {}

  async execute(query: { fromNumber: string; toNumber: string }): Promise<CustomerWindowView> {
    const fromNumber = PhoneNumber.parse(query.fromNumber, { field: 'from' });
    const toNumber = PhoneNumber.parse(query.toNumber, { field: 'to' });
    const checkedAt = this.deps.clock.now();
    const window = await customerWindowOf(this.deps.customerWindows, { now: () => checkedAt }, fromNumber, toNumber);
    return {
      sender: window.sender,
      customer: window.customer,
      lastInboundAt: window.lastInboundAt?.toISOString() ?? null,
      openUntil: window.openUntil?.toISOString() ?? null,
      open: window.open,
      checkedAt: new Date(checkedAt).toISOString(),
    };
  }
}
