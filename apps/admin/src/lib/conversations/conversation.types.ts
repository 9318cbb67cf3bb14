// GET /api/v1/conversations/{sid} (apps/api/src/conversation/conversation.dto.ts).
export interface Conversation {
  sid: string;
  chatServiceSid: string;
  friendlyName: string | null;
  uniqueName: string | null;
  state: string;
  attributes: Record<string, unknown>;
  dateCreated: string;
}

export interface ConversationParticipant {
  sid: string;
  conversationSid: string;
  identity: string | null;
  address: string | null;
  proxyAddress: string | null;
}

export interface ConversationMessage {
  sid: string;
  conversationSid: string;
  /** The API caller for our messages, the customer's number for their SMS. */
  author: string;
  body: string;
  index: number;
  attributes: Record<string, unknown>;
  dateCreated: string;
}

export interface ConversationView {
  conversation: Conversation;
  participants: ConversationParticipant[];
  /** The newest messages, oldest first. */
  messages: ConversationMessage[];
}
