import { invalidParameter } from '../../http/twilio-error';
import type { Conversation, ConversationTimers } from './conversations.store';

/** "Minimum value for this timer is 1 minute" (Timers.Inactive) and "… 10 minutes" (Timers.Closed), per Twilio. */
const MIN_INACTIVE_MS = 60_000;
const MIN_CLOSED_MS = 600_000;

const DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** An ISO 8601 duration as Conversations takes it (`PT5M`, `P1DT2H`), in milliseconds. */
export function parseIsoDuration(name: string, value: string): number {
  const match = DURATION.exec(value);
  if (!match || value === 'P' || value.endsWith('T')) throw invalidParameter(name, `'${value}' is not an ISO 8601 duration`);
  const [days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
  return (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000;
}

export interface TimerRequest {
  inactive?: string;
  closed?: string;
}

export function noTimers(): ConversationTimers {
  return { inactiveAfterMs: null, closedAfterMs: null, dateInactive: null, dateClosed: null };
}

/** Reads `Timers.Inactive` / `Timers.Closed` into durations, keeping the ones not sent. */
export function readTimers(current: ConversationTimers, request: TimerRequest): ConversationTimers {
  const timers = { ...current };
  if (request.inactive !== undefined) {
    timers.inactiveAfterMs = parseIsoDuration('Timers.Inactive', request.inactive);
    if (timers.inactiveAfterMs < MIN_INACTIVE_MS) throw invalidParameter('Timers.Inactive', 'must be at least 1 minute');
  }
  if (request.closed !== undefined) {
    timers.closedAfterMs = parseIsoDuration('Timers.Closed', request.closed);
    if (timers.closedAfterMs < MIN_CLOSED_MS) throw invalidParameter('Timers.Closed', 'must be at least 10 minutes');
  }
  return timers;
}

/** Timers count from the conversation's last activity: each new message (or state change) starts them again. */
export function restartTimers(conversation: Conversation, now: Date): void {
  const { timers } = conversation;
  const after = (ms: number | null) => (ms === null ? null : new Date(now.getTime() + ms));
  timers.dateInactive = conversation.state === 'active' ? after(timers.inactiveAfterMs) : null;
  timers.dateClosed = conversation.state === 'closed' ? null : after(timers.closedAfterMs);
}

/** The state the timers have moved the conversation to by `now` (the same state when none fell due). */
export function stateAfterTimers(conversation: Conversation, now: Date): Conversation['state'] {
  const { timers, state } = conversation;
  if (state === 'closed') return state;
  if (timers.dateClosed && timers.dateClosed <= now) return 'closed';
  if (state === 'active' && timers.dateInactive && timers.dateInactive <= now) return 'inactive';
  return state;
}
