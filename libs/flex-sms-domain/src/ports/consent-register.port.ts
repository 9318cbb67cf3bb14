import { PhoneNumber } from '../value-objects/phone-number.value-object';

/**
 * Who may not be messaged from where. Twilio applies an opt-out to the sender the customer wrote STOP to: one
 * phone number (or WhatsApp sender), or every number of a Messaging Service when the number belongs to one with
 * Advanced Opt-Out; the scope is that number or the service's SID, so a check asks about the scope it sends from.
 */
export type ConsentSource = 'inbound-keyword' | 'twilio-21610' | 'manual' | 'import';

export const CONSENT_SOURCES: readonly ConsentSource[] = ['inbound-keyword', 'twilio-21610', 'manual', 'import'];

/** How the audit trail names Twilio as the actor of what a customer's keyword or Twilio's answer changed. */
export const TWILIO_ACTOR = 'twilio';

export interface OptOut {
  /** The customer's number (+E164; a WhatsApp opt-out is kept under the same number with scope whatsapp:+E164). */
  readonly recipient: string;
  /** The sender number (+E164 or whatsapp:+E164) or Messaging Service SID (MG…) the opt-out applies to. */
  readonly scope: string;
  readonly since: Date;
  readonly source: ConsentSource;
}

/** The register keys a customer by number (E.164); the scope (whatsapp:+E164 or +E164) says which channel. */
export function consentRecipientOf(address: string): string {
  const number = address.startsWith('whatsapp:') ? address.slice('whatsapp:'.length) : address;
  return PhoneNumber.tryParse(number)?.e164 ?? number;
}

export interface ConsentRegisterPort {
  /** The opt-out that forbids messaging `recipient` from `scope`, or null when the customer may be messaged. */
  optOutOf(recipient: string, scope: string): Promise<OptOut | null>;
}

/** One change to the register, as its audit trail keeps it: what, where, how, who asked and why. */
export interface ConsentChange {
  readonly recipient: string;
  readonly scope: string;
  readonly source: ConsentSource;
  /** Who made it: `api-key:<id>`, `user:<id>`, `bootstrap`, or `twilio` for what Twilio told us. */
  readonly actor: string;
  readonly reason: string | null;
  readonly at: Date;
}

/**
 * Writes to the register. Each change is audited, also one that changes nothing (a second STOP), so the trail shows
 * every time the customer said it; an opt-out already on file keeps its first `since`.
 */
export interface ConsentRecorderPort {
  /** Records the opt-out (or keeps the one on file) and returns it. */
  recordOptOut(change: ConsentChange): Promise<OptOut>;
  /** Lifts the opt-out; false when there was none (still audited). */
  recordOptIn(change: ConsentChange): Promise<boolean>;
}
