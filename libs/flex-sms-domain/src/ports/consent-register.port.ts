/**
 * Who may not be messaged from where. Twilio applies an opt-out to the sender the customer wrote STOP to: one
 * phone number (or WhatsApp sender), or every number of a Messaging Service when the number belongs to one with
 * Advanced Opt-Out; the scope is that number or the service's SID, so a check asks about the scope it sends from.
 */
export type ConsentSource = 'inbound-keyword' | 'twilio-21610' | 'manual' | 'import';

export interface OptOut {
  /** The customer's number (+E164; a WhatsApp opt-out is kept under the same number with scope whatsapp:+E164). */
  readonly recipient: string;
  /** The sender number (+E164 or whatsapp:+E164) or Messaging Service SID (MG…) the opt-out applies to. */
  readonly scope: string;
  readonly since: Date;
  readonly source: ConsentSource;
}

export interface ConsentRegisterPort {
  /** The opt-out that forbids messaging `recipient` from `scope`, or null when the customer may be messaged. */
  optOutOf(recipient: string, scope: string): Promise<OptOut | null>;
}
