import type { SandboxState } from '../core/state';
import { Api2010Store, type SmsMessage } from '../products/api2010/api2010.store';
import { optOutSender } from './delivery/carrier';
import { sendSms } from './delivery/outbound-sms';

/**
 * Twilio's default keyword handling on long codes (help.twilio.com "Twilio support for opt-out keywords (SMS STOP
 * filtering)"; docs "Advanced Opt-Out"): a message that is exactly one keyword, any case, surrounding spaces aside
 * ("STOP PLEASE" is no keyword).
 * - opt-out: STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT. Twilio keeps an opt-out for the pair
 *   (sender, handset) and every later send to the handset from that sender is refused with 21610;
 * - opt-in: START, YES, UNSTOP lift it;
 * - help: HELP, INFO.
 * Each gets Twilio's default reply, sent from the number the handset wrote to; the inbound message itself is still
 * passed on "to your webhook" (each product says what it does with it: Proxy drops opt-out keywords and UNSTOP).
 * A handset that opted out gets no HELP reply (as Twilio documents for toll-free numbers; it says nothing for long
 * codes).
 */
export const OPT_OUT_KEYWORDS = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'] as const;
export const OPT_IN_KEYWORDS = ['START', 'YES', 'UNSTOP'] as const;
export const HELP_KEYWORDS = ['HELP', 'INFO'] as const;

export type KeywordKind = 'opt-out' | 'opt-in' | 'help';

/** Twilio's default replies, verbatim. */
export const DEFAULT_KEYWORD_REPLIES: Readonly<Record<KeywordKind, string>> = {
  'opt-out': 'You have successfully been unsubscribed. You will not receive any more messages from this number. Reply START to resubscribe.',
  'opt-in':
    'You have successfully been re-subscribed to messages from this number. Reply HELP for help. Reply STOP to unsubscribe. Msg&Data Rates May Apply.',
  help: 'Reply STOP to unsubscribe. Msg&Data Rates May Apply.',
};

export interface KeywordHandled {
  kind: KeywordKind;
  /** As Twilio matched it, upper case. */
  keyword: string;
  /** The SID of Twilio's reply to the handset, when one was sent. */
  replySid?: string;
}

export function keywordOf(body: string): { kind: KeywordKind; keyword: string } | undefined {
  const word = body.trim().toUpperCase();
  if ((OPT_OUT_KEYWORDS as readonly string[]).includes(word)) return { kind: 'opt-out', keyword: word };
  if ((OPT_IN_KEYWORDS as readonly string[]).includes(word)) return { kind: 'opt-in', keyword: word };
  if ((HELP_KEYWORDS as readonly string[]).includes(word)) return { kind: 'help', keyword: word };
  return undefined;
}

/** What Twilio itself does with a keyword from a handset, before any product sees the message. */
export function handleKeyword(state: SandboxState, sms: SmsMessage): KeywordHandled | undefined {
  const found = keywordOf(sms.body);
  if (!found) return undefined;
  const sender = optOutSender(state, sms.to);
  const key = Api2010Store.optOutKey(sender, sms.from);
  const optedOut = state.api.optOuts.has(key);
  if (found.kind === 'opt-out') state.api.optOuts.set(key, { sender, handset: sms.from, keyword: found.keyword, dateCreated: state.now() });
  if (found.kind === 'opt-in') state.api.optOuts.delete(key);
  if (found.kind === 'help' && optedOut) return found;
  const reply = sendSms(state, {
    from: sms.to,
    to: sms.from,
    body: DEFAULT_KEYWORD_REPLIES[found.kind],
    direction: 'outbound-reply',
    honourOptOut: false,
  });
  return { ...found, replySid: reply.sid };
}
