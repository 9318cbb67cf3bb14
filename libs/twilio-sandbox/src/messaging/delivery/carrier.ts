import type { SandboxState } from '../../core/state';
import type { PlannedOutcome } from '../../products/api2010/api2010.store';
import { phoneOf } from '../channel-address';

/**
 * Twilio's magic `To` numbers and the error each one gets (docs "Test Credentials", Test SMS messages, `To`):
 * +15005550001 invalid (21211), +15005550002 not routable (21612), +15005550003 no international permission
 * (21408), +15005550004 blocked for the account (21610), +15005550009 not SMS-capable (21614); any other number is
 * validated normally. Twilio refuses these when the Message is created (a 400). When another product sends the SMS
 * for a resource that was already created (a Conversations message, a chat message relayed by Proxy) there is no
 * REST answer left to refuse, and the docs say nothing of these numbers there: the sandbox fails that SMS with the
 * same code, and the failure shows where the product shows delivery (receipt, interaction, the message's status).
 */
export const MAGIC_RECIPIENTS: Readonly<Record<string, number>> = {
  '+15005550001': 21211,
  '+15005550002': 21612,
  '+15005550003': 21408,
  '+15005550004': 21610,
  '+15005550009': 21614,
};

/**
 * Whom an opt-out is kept for (Twilio's "Support for opt-out keywords (SMS STOP filtering)"): the sending number for
 * long codes and toll-free numbers; the whole Messaging Service when the number belongs to one ("When a user opts out
 * of a phone number that belongs to a Messaging Service, the user is also opted out of all messages sent from that
 * Messaging Service"). The sandbox has no Messaging Services, so the sender is always the number.
 */
export function optOutSender(_state: SandboxState, from: string): string {
  return from;
}

/** The Twilio error code that stops an SMS from `from` to `to` before it goes out, if any. */
export function refusalCode(state: SandboxState, from: string, to: string, options: { honourOptOut: boolean }): number | undefined {
  const magic = MAGIC_RECIPIENTS[to];
  if (magic !== undefined) return magic;
  if (options.honourOptOut && state.api.optOutOf(optOutSender(state, from), to)) return 21610;
  return undefined;
}

/**
 * How a message to the handset will end: as a test set the handset's fate (`/_sandbox/handset/:number/fate`), else
 * delivered. The fate is the phone's: its SMS and its WhatsApp messages share it.
 */
export function plannedOutcomeFor(state: SandboxState, to: string): PlannedOutcome {
  const fate = state.handsets.fates.get(phoneOf(to));
  if (!fate || fate.outcome === 'delivered') return { status: 'delivered', errorCode: null, delayMs: fate?.delayMs ?? null };
  return { status: 'undelivered', errorCode: fate.errorCode, delayMs: fate.delayMs };
}
