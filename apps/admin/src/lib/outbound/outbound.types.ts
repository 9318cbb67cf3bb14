// The API's outbound answers (apps/api/src/outbound/dto/outbound-sms.response.dto.ts and
// outbound/history/outbound-request.response.dto.ts), as the console reads them.

export interface OutboundSmsResult {
  /** The journal id: GET /api/v1/outbound/{id}. */
  id: string;
  status: 'succeeded';
  /** Programmable Chat + Proxy (`legacy`) or Conversations + Flex Interactions; absent in answers older than the mode. */
  mode?: 'legacy' | 'conversations';
  reused: { channel: boolean; session: boolean; conversation?: boolean };
  flexFlow: { sid: string; friendlyName: string; integrationType: string; enabled: boolean; chatServiceSid: string };
  channel: { sid: string; chatServiceSid: string; identity: string; userSid: string | null; dateCreated: string };
  /** Legacy mode only. */
  proxySession?: { sid: string; uniqueName: string | null; status: string; mode: string };
  /** Conversations mode: the conversation the SMS went through. */
  conversation?: { sid: string; chatServiceSid: string; state: string; dateCreated: string };
  /** Conversations mode, agent flow: the Flex Interaction that created the task. */
  interaction?: { sid: string; channelSid: string };
  task?: { sid: string; workspaceSid: string | null };
  message?: { sid: string; body: string; index: number; dateCreated: string };
  pendingSteps: string[];
}

export const OUTBOUND_STATUSES = ['in_flight', 'succeeded', 'failed', 'rolled_back'] as const;
export type OutboundStatus = (typeof OUTBOUND_STATUSES)[number];
export const OUTBOUND_KINDS = ['agent_sms', 'system_sms'] as const;
export type OutboundKind = (typeof OUTBOUND_KINDS)[number];

export interface ErrorRecord {
  code: string;
  message: string;
  twilioCode?: number;
  details?: Record<string, unknown>;
}

export interface OutboundRequestSummary {
  id: string;
  kind: OutboundKind;
  status: OutboundStatus;
  /** `api-key:<id>`, `user:<id>` or `bootstrap`. */
  caller: string;
  /** The username, the API key's name or "bootstrap key"; null once that user or key is deleted. */
  callerName: string | null;
  fromNumber: string;
  toNumber: string;
  toName: string;
  body: string | null;
  idempotencyKey: string | null;
  input: Record<string, unknown>;
  startedAt: string;
  finishedAt: string | null;
  /** The 201 answer, when it succeeded. */
  result: Partial<OutboundSmsResult> | null;
  error: ErrorRecord | null;
}

export interface OutboundStep {
  name: string;
  outcome: string;
  sids: Record<string, string>;
  data?: Record<string, unknown>;
  startedAt: string;
  finishedAt: string;
  error?: ErrorRecord;
}

export interface PendingStep {
  name: string;
  payload: Record<string, unknown>;
  recordedAt: string;
  status: 'pending' | 'done' | 'failed';
  attempts: number;
  settledAt?: string;
  error?: ErrorRecord;
}

export interface UndoneAction {
  action: string;
  sid: string;
  ok: boolean;
  error?: ErrorRecord;
}

export interface OutboundRequest extends OutboundRequestSummary {
  steps: OutboundStep[];
  pendingSteps: PendingStep[];
  undone: UndoneAction[];
}

export interface OutboundHistoryPage {
  items: OutboundRequestSummary[];
  page: number;
  pageSize: number;
  total: number;
}

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
