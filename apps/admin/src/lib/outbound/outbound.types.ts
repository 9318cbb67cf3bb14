// The API's outbound answers: the 201 of both flows, and the journal's history of requests.
import type { Schema } from '../api/wire';

/** The 201 answer of both flows (also kept as a history entry's `result`). */
export type OutboundSmsResult = Schema<'OutboundSmsResponseDto'>;
export type InitiateAgentSmsRequest = Schema<'InitiateAgentSmsRequestDto'>;
export type SendSystemSmsRequest = Schema<'SendSystemSmsRequestDto'>;

export type OutboundHistoryPage = Schema<'OutboundHistoryPageDto'>;
/** A history row: a request without its step lists. */
export type OutboundRequestSummary = OutboundHistoryPage['items'][number];
export type OutboundStatus = OutboundRequestSummary['status'];
export type OutboundKind = OutboundRequestSummary['kind'];
export type ErrorRecord = NonNullable<OutboundRequestSummary['error']>;
export type OutboundRequest = Schema<'OutboundRequestDto'>;
export type OutboundStep = OutboundRequest['steps'][number];

export const STATUS_LABEL: Record<OutboundStatus, string> = {
  in_flight: 'In flight',
  succeeded: 'Succeeded',
  failed: 'Failed',
  rolled_back: 'Rolled back',
};

export const KIND_LABEL: Record<OutboundKind, string> = {
  agent_sms: 'Agent-initiated (task)',
  system_sms: 'Fire-and-forget',
};

/** The filters' choices: every status and kind the API has (a label each, so a new one fails the type check). */
export const OUTBOUND_STATUSES = Object.keys(STATUS_LABEL) as OutboundStatus[];
export const OUTBOUND_KINDS = Object.keys(KIND_LABEL) as OutboundKind[];
