import type { ConversationState } from '../ports/conversation.port';
import type { PendingStepName } from '../ports/journal.port';
import type { ProxySessionMode, ProxySessionStatus } from '../ports/proxy-session.port';
import type { OutboundMode } from './outbound-mode';

/** What a successful outbound SMS request answers: the SIDs a person or system needs, and what was reused. */
export interface OutboundSmsResult {
  /** The journal id of the request. */
  id: string;
  status: 'succeeded';
  /** How the number carries the conversation: Chat + Proxy (`chat-proxy`) or Conversations + Interactions. */
  mode: OutboundMode;
  /** `conversation`: conversations mode only (the customer's active conversation was reused). */
  reused: { channel: boolean; session: boolean; conversation?: boolean };
  /** `sms` or `whatsapp`. */
  channelType: 'sms' | 'whatsapp';
  /** Null for a Conversations number without Flex Flows (its Address Configuration and Flex's workspace route it). */
  flexFlow: { sid: string; friendlyName: string; integrationType: string; enabled: boolean; chatServiceSid: string } | null;
  /**
   * The chat channel of the conversation. In conversations mode the conversation is one (a CH… on the Flex
   * Conversation Service), so existing consumers keep a channel SID; `userSid` is then null.
   */
  channel: { sid: string; chatServiceSid: string; identity: string; userSid: string | null; dateCreated: string };
  /** Chat + Proxy mode only: Conversations relays SMS itself, without Proxy. */
  proxySession?: { sid: string; uniqueName: string | null; status: ProxySessionStatus; mode: ProxySessionMode };
  /** Conversations mode: the conversation the SMS went through. */
  conversation?: { sid: string; chatServiceSid: string; state: ConversationState; dateCreated: string };
  /** Conversations mode, agent flow: the Flex Interaction and its channel. */
  interaction?: { sid: string; channelSid: string };
  /** Agent flow: the task Flex created (or the reused channel’s task). */
  task?: { sid: string; workspaceSid: string | null };
  /** `contentSid`: the message went out as this Content template (`body` is its filled-in text). */
  message?: { sid: string; body: string; index: number; dateCreated: string; contentSid?: string };
  /** Work recorded in the journal to finish after answering (CompletePendingSteps). */
  pendingSteps: PendingStepName[];
}
