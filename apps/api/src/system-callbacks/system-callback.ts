import type { OutboundEvent } from '../events/outbound-events';

export const SYSTEM_CALLBACK_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type SystemCallbackStatus = (typeof SYSTEM_CALLBACK_STATUSES)[number];
export const ATTEMPT_OUTCOMES = ['delivered', 'retry', 'failed'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/** The headers of a callback: what a receiver verifies and deduplicates with. */
export const SIGNATURE_HEADER = 'X-Flex-Sms-Signature';
export const EVENT_ID_HEADER = 'X-Flex-Sms-Event-Id';
export const TIMESTAMP_HEADER = 'X-Flex-Sms-Timestamp';

/** One attempt to deliver a callback, as the delivery log shows it. */
export interface SystemCallbackAttempt {
  attempt: number;
  startedAt: Date;
  durationMs: number;
  /** The receiver's HTTP status; null when it did not answer (refused, timed out, reset). */
  statusCode: number | null;
  outcome: AttemptOutcome;
  error: string | null;
}

/** A callback of a request: one change, to one URL, with its attempts. */
export interface SystemCallback {
  /** Also X-Flex-Sms-Event-Id. */
  id: string;
  requestId: string;
  event: OutboundEvent['kind'];
  url: string;
  status: SystemCallbackStatus;
  attempts: number;
  /** When the next attempt is due; null once delivered or given up. */
  nextAttemptAt: Date | null;
  createdAt: Date;
  settledAt: Date | null;
  lastError: string | null;
  attemptLog: SystemCallbackAttempt[];
}

/**
 * What is POSTed: `{ eventId, event, requestId, state | delivery, at }`, `at` being when the change happened. The
 * same bytes go out on every attempt (they are stored), so the signature and the event id never change.
 */
export function callbackBody(eventId: string, event: OutboundEvent): string {
  const change =
    event.kind === 'request.state'
      ? { state: event.state }
      : { delivery: { messageSid: event.messageSid, status: event.status, errorCode: event.errorCode } };
  return JSON.stringify({ eventId, event: event.kind, requestId: event.requestId, ...change, at: event.at.toISOString() });
}

/** What makes a change the same change when it is published again (a webhook redelivered, a recovery re-run). */
export function dedupeKeyOf(event: OutboundEvent): string {
  return event.kind === 'request.state'
    ? `request.state:${event.requestId}:${event.state}`
    : `delivery:${event.requestId}:${event.messageSid}:${event.status}`;
}
