import { isoDate } from '../core/dates';
import type { SandboxState } from '../core/state';

/** One SMS as the customer's handset sees it. */
export interface HandsetMessage {
  sid: string;
  /** `received`: reached the handset (sent by the account); `sent`: sent by the handset to the account. */
  direction: 'received' | 'sent';
  from: string;
  to: string;
  body: string;
  dateCreated: string | null;
}

/** Customer numbers (any number that is not the account's) with their message counts. */
export function listHandsets(state: SandboxState) {
  const handsets = new Map<string, { number: string; messages: number; received: number; sent: number }>();
  for (const message of state.api.messages.values()) {
    const inbound = message.direction === 'inbound';
    const number = inbound ? message.from : message.to;
    const handset = handsets.get(number) ?? { number, messages: 0, received: 0, sent: 0 };
    handset.messages++;
    if (inbound) handset.sent++;
    else handset.received++;
    handsets.set(number, handset);
  }
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
      dateCreated: isoDate(message.dateCreated),
    }));
}
