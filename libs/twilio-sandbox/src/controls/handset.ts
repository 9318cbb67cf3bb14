import { isoDate } from '../core/dates';
import type { SandboxState } from '../core/state';
import type { MessageStatus } from '../products/api2010/api2010.store';
import { TwilioError } from '../http/twilio-error';
import { CARRIER_FILTERED_CODE, HANDSET_OUTCOMES, UNDELIVERED_CODES, type HandsetFate, type HandsetOutcome } from './handset.store';

/** One SMS as the customer's handset sees it, with the status Twilio gives it. */
export interface HandsetMessage {
  sid: string;
  /** `received`: reached the handset (sent by the account); `sent`: sent by the handset to the account. */
  direction: 'received' | 'sent';
  from: string;
  to: string;
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

/** Customer numbers (any number that is not the account's) with their message counts, opt-outs and fate. */
export function listHandsets(state: SandboxState): HandsetSummary[] {
  const handsets = new Map<string, HandsetSummary>();
  const handset = (number: string) => {
    let summary = handsets.get(number);
    if (!summary) handsets.set(number, (summary = { number, messages: 0, received: 0, sent: 0, optedOutOf: [] }));
    return summary;
  };
  for (const message of state.api.messages.values()) {
    const inbound = message.direction === 'inbound';
    const summary = handset(inbound ? message.from : message.to);
    summary.messages++;
    if (inbound) summary.sent++;
    else summary.received++;
  }
  for (const optOut of state.api.optOuts.values()) handset(optOut.handset).optedOutOf.push(optOut.sender);
  for (const [number, fate] of state.handsets.fates) handset(number).fate = fate;
  return [...handsets.values()];
}

/** The handset's SMS thread, both directions, oldest first. */
export function handsetThread(state: SandboxState, number: string): HandsetMessage[] {
  return state.api.messages
    .filter((message) => (message.direction === 'inbound' ? message.from : message.to) === number)
    .map((message) => ({
      sid: message.sid,
      direction: message.direction === 'inbound' ? 'sent' : 'received',
      from: message.from,
      to: message.to,
      body: message.body,
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
 * Sets what the carrier does with the next SMS to the handset: `delivered` (optionally slow: `delayMs` between
 * steps), `undelivered` (30003 by default, or 30005 / 30006), `carrier-filtered` (30007). Messages already on their
 * way keep the fate they left with.
 */
export function setHandsetFate(state: SandboxState, number: string, input: HandsetFateRequest): HandsetFate {
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
    if (!(UNDELIVERED_CODES as readonly unknown[]).includes(errorCode)) throw new TwilioError(400, 20001, `errorCode of undelivered must be one of ${UNDELIVERED_CODES.join(', ')}`);
  } else if (input.errorCode !== undefined) {
    throw new TwilioError(400, 20001, `errorCode only goes with outcome undelivered`);
  }
  const fate: HandsetFate = { outcome, errorCode, delayMs };
  state.handsets.fates.set(number, fate);
  return fate;
}
