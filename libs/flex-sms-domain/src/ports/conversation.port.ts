import type { ResourcePage } from './page.port';

/** Conversations v1: the conversation that carries an SMS in Flex Conversations mode (its SID is a CH… chat channel). */
export type ConversationState = 'active' | 'inactive' | 'closed';

export interface Conversation {
  sid: string;
  /** The Conversation Service (IS…): in Flex, the Flex chat service. */
  chatServiceSid: string;
  friendlyName: string | null;
  uniqueName: string | null;
  state: ConversationState;
  attributes: Record<string, unknown>;
  dateCreated: Date;
}

export interface CreateConversationRequest {
  friendlyName: string;
  /** Deterministic per request, so a create that may or may not have happened is found before it is sent again. */
  uniqueName: string;
  attributes?: Record<string, unknown>;
}

/** A messaging participant: the customer (`address`) reached through the Twilio number (`proxyAddress`); `whatsapp:+1…` on WhatsApp. */
export interface SmsParticipantRequest {
  address: string;
  proxyAddress: string;
}

export interface ConversationParticipant {
  sid: string;
  conversationSid: string;
  /** Chat participants (agents in Flex UI). */
  identity: string | null;
  /** SMS participants. */
  address: string | null;
  proxyAddress: string | null;
}

export interface ConversationMessage {
  sid: string;
  conversationSid: string;
  author: string;
  body: string;
  index: number;
  attributes: Record<string, unknown>;
  dateCreated: Date;
}

export interface PostConversationMessageRequest {
  /** Free text; absent when a Content template is sent. */
  body?: string;
  /** A Content template (HX…) with its variables: what WhatsApp delivers outside the customer service window. */
  contentSid?: string;
  contentVariables?: Record<string, string>;
  /** Who the message is from, as agents see it in the transcript. */
  author: string;
  /** The domain puts its request id here to recognise its own message on a retry. */
  attributes?: Record<string, unknown>;
}

/** One page of the account's conversations, newest Twilio order; filters are applied by Twilio. */
export interface ListConversationsRequest {
  /** Only conversations in this state (Twilio's `State` filter). */
  state?: ConversationState;
  /** Only conversations created at or before this moment (Twilio's `EndDate` filter). */
  createdBefore?: Date;
  /** Twilio allows 1–1000. */
  pageSize: number;
  pageToken?: string | null;
}

export interface ConversationPort {
  createConversation(request: CreateConversationRequest): Promise<Conversation>;
  /** By SID or UniqueName (Conversations accepts either); `null` when there is none. */
  fetchConversation(sidOrUniqueName: string): Promise<Conversation | null>;
  /** Deletes the conversation with its participants, messages and webhooks; one already gone is not an error. */
  removeConversation(conversationSid: string): Promise<void>;
  /**
   * Adds the customer as an SMS participant. Conversations refuses a pair already bound in a conversation that is
   * not closed (50416): the adapter throws `ConversationAddressInUse` naming that conversation.
   */
  addSmsParticipant(conversationSid: string, participant: SmsParticipantRequest): Promise<ConversationParticipant>;
  listParticipants(conversationSid: string): Promise<ConversationParticipant[]>;
  /** A conversation-scoped webhook with target `studio`: the customer's replies go to the Studio flow. */
  attachStudioFlow(conversationSid: string, studioFlowSid: string): Promise<{ sid: string }>;
  /** Posts a message; Conversations sends it to the SMS participants. Not idempotent. */
  postMessage(conversationSid: string, message: PostConversationMessageRequest): Promise<ConversationMessage>;
  /** The newest `limit` messages, newest first: for lookup-before-repeat. */
  listRecentMessages(conversationSid: string, limit: number): Promise<ConversationMessage[]>;
  listConversations(request: ListConversationsRequest): Promise<ResourcePage<Conversation>>;
  /**
   * Moves the conversation to its final `closed` state, which frees its customer/number binding. Safe to repeat: one
   * already closed or gone is not an error (`false`: there was nothing to close).
   */
  closeConversation(conversationSid: string): Promise<boolean>;
}

/**
 * A Conversations Address Configuration: with AutoCreation enabled, an SMS to the number that belongs to no
 * conversation starts one (handed to the Studio flow or webhook it names) instead of reaching the number's
 * Programmable Chat Flex Flow. Flex UI 2.x accounts take inbound SMS this way.
 */
export interface AddressConfiguration {
  sid: string;
  /** `sms`, `whatsapp`, … */
  type: string;
  address: string;
  autoCreationEnabled: boolean;
  /** `studio`, `webhook` or `default`. */
  autoCreationType: string | null;
  studioFlowSid: string | null;
}

export interface AddressConfigurationPort {
  /** The account's `sms` Address Configuration of this number (E.164); `null` when there is none. */
  findSmsAddressConfiguration(address: string): Promise<AddressConfiguration | null>;
  /** Every Address Configuration of the account, of every type (one per address and channel). */
  listAddressConfigurations(): Promise<AddressConfiguration[]>;
}
