import type { PendingStepName } from '../ports/journal.port';
import type { ProxySessionMode, ProxySessionStatus } from '../ports/proxy-session.port';

/** What a successful outbound SMS request answers: the SIDs a person or system needs, and what was reused. */
export interface OutboundSmsResult {
  /** The journal id of the request. */
  id: string;
  status: 'succeeded';
  reused: { channel: boolean; session: boolean };
  flexFlow: { sid: string; friendlyName: string; integrationType: string; enabled: boolean; chatServiceSid: string };
  channel: { sid: string; chatServiceSid: string; identity: string; userSid: string | null; dateCreated: string };
  proxySession: { sid: string; uniqueName: string | null; status: ProxySessionStatus; mode: ProxySessionMode };
  /** Agent flow: the task Flex created (or the channel's existing task when the channel was reused). */
  task?: { sid: string; workspaceSid: string | null };
  message?: { sid: string; body: string; index: number; dateCreated: string };
  /** Work recorded in the journal to finish after answering (CompletePendingSteps). */
  pendingSteps: PendingStepName[];
}
