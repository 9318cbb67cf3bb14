import { isoDate } from '../core/dates';
import type { SandboxState } from '../core/state';
import type { MessageStatus } from '../products/api2010/api2010.store';
import { asShown } from '../products/content/content-rendering';
import { TwilioError } from '../http/twilio-error';
import { addressOn, phoneOf, type MessageChannel } from '../messaging/channel-address';
import { setLastCustomerMessage, type CustomerServiceWindow } from '../messaging/whatsapp-window';
import { readDate } from '../core/twilio-encodings';
import { CARRIER_FILTERED_CODE, HANDSET_OUTCOMES, UNDELIVERED_CODES, type HandsetFate, type HandsetOutcome } from './handset.store';

/** One message (SMS or WhatsApp) as the customer's handset sees it, with the status Twilio gives it. */
export interface HandsetMessage {
  sid: string;
  /** `received`: reached the handset (sent by the account); `sent`: sent by the handset to the account. */
  direction: 'received' | 'sent';
  /** The app it shows in: `sms`, or `whatsapp` (its `from`/`to` then read `whatsapp:+1…`). */
  channel: MessageChannel;
  from: string;
  to: string;
  /** As the screen shows it: a template's text filled in, its quick-reply buttons below it (`[Confirm] [Reschedule]`). */
  body: string;
  /** Twilio's status of the message (`queued`, `sent`, `delivered`, `undelivered`, `failed`; `received` for the handset's own). */
  status: MessageStatus;
  errorCode: number | null;
  dateCreated: string | null;
}

export interface HandsetSummary {
  number: string;
  messages: number;
  received: number;
  sent: number;
  /** The senders (the account's numbers) this handset opted out of. */
  optedOutOf: string[];
  /** What a test made of the handset (undefined: messages to it are delivered). */
  fate?: HandsetFate;
}

/**
 * Customer numbers (any number that is not the account's) with their message counts, opt-outs and fate. A handset is
 * its phone number: its SMS and its WhatsApp messages (`whatsapp:+1…`) are one thread.
 */
export function listHandsets(state: SandboxState): HandsetSummary[] {
  const handsets = new Map<string, HandsetSummary>();
  const handset = (number: string) => {
    let summary = handsets.get(number);
    if (!summary) handsets.set(number, (summary = { number, messages: 0, received: 0, sent: 0, optedOutOf: [] }));
    return summary;
  };
  for (const message of state.api.messages.values()) {
    const inbound = message.direction === 'inbound';
    const summary = handset(phoneOf(inbound ? message.from : message.to));
    summary.messages++;
    if (inbound) summary.sent++;
    else summary.received++;
  }
  for (const optOut of state.api.optOuts.values()) handset(optOut.handset).optedOutOf.push(optOut.sender);
  for (const [number, fate] of state.handsets.fates) handset(number).fate = fate;
  return [...handsets.values()];
}

/** The handset's thread, SMS and WhatsApp, both directions, oldest first (`number` bare or `whatsapp:`). */
export function handsetThread(state: SandboxState, number: string): HandsetMessage[] {
  const phone = phoneOf(number);
  return state.api.messages
    .filter((message) => phoneOf(message.direction === 'inbound' ? message.from : message.to) === phone)
    .map((message) => ({
      sid: message.sid,
      direction: message.direction === 'inbound' ? 'sent' : 'received',
      channel: message.channel,
      from: message.from,
      to: message.to,
      body: asShown(message.body, message.content?.buttons ?? []),
      status: message.status,
      errorCode: message.errorCode ?? null,
      dateCreated: isoDate(message.dateCreated),
    }));
}

export interface HandsetFateRequest {
  outcome?: unknown;
  errorCode?: unknown;
  delayMs?: unknown;
}

/**
 * Sets what the carrier does with the next message (SMS or WhatsApp) to the handset: `delivered` (optionally slow: `delayMs` between
 * steps), `undelivered` (30003 by default, or 30005 / 30006), `carrier-filtered` (30007). Messages already on their
 * way keep the fate they left with.
 */
export function setHandsetFate(state: SandboxState, handset: string, input: HandsetFateRequest): HandsetFate {
  const outcome = (input.outcome ?? 'delivered') as HandsetOutcome;
  if (!HANDSET_OUTCOMES.includes(outcome)) throw new TwilioError(400, 20001, `outcome must be one of ${HANDSET_OUTCOMES.join(', ')}`);
  const delayMs = input.delayMs ?? null;
  if (delayMs !== null && (typeof delayMs !== 'number' || !Number.isInteger(delayMs) || delayMs < 0)) {
    throw new TwilioError(400, 20001, 'delayMs must be a whole number of milliseconds, 0 or more');
  }
  let errorCode: number | null = null;
  if (outcome === 'carrier-filtered') errorCode = CARRIER_FILTERED_CODE;
  if (outcome === 'undelivered') {
    errorCode = (input.errorCode ?? UNDELIVERED_CODES[0]) as number;
    if (!(UNDELIVERED_CODES as readonly unknown[]).includes(errorCode))
      throw new TwilioError(400, 20001, `errorCode of undelivered must be one of ${UNDELIVERED_CODES.join(', ')}`);
  } else if (input.errorCode !== undefined) {
    throw new TwilioError(400, 20001, `errorCode only goes with outcome undelivered`);
  }
  const fate: HandsetFate = { outcome, errorCode, delayMs };
  state.handsets.fates.set(phoneOf(handset), fate);
  return fate;
}

export interface WhatsAppWindowRequest {
  sender?: unknown;
  lastCustomerMessageAt?: unknown;
}

/**
 * Sets when the handset last wrote to one of the account's WhatsApp senders (an ISO 8601 date, or null: never), so a
 * test is inside or outside WhatsApp's 24-hour customer service window without waiting a day.
 */
export function setWhatsAppWindow(state: SandboxState, handset: string, input: WhatsAppWindowRequest): CustomerServiceWindow {
  const sender = input.sender;
  if (typeof sender !== 'string' || !state.api.whatsappSenders.has(sender)) {
    throw new TwilioError(400, 20001, `sender must be one of the account's WhatsApp senders: ${[...state.api.whatsappSenders].join(', ')}`);
  }
  const at = input.lastCustomerMessageAt;
  const parsed = typeof at === 'string' ? readDate(at) : undefined;
  if (at !== null && !parsed) throw new TwilioError(400, 20001, 'lastCustomerMessageAt must be an ISO 8601 date, or null');
  return setLastCustomerMessage(state, sender, addressOn('whatsapp', phoneOf(handset)), parsed?.date ?? null);
}
