export interface ChatMessage {
  sid: string;
  channelSid: string;
  body: string;
  /** Author identity; `system` when posted by the API without one. */
  from: string;
  index: number;
  attributes: Record<string, unknown>;
  dateCreated: Date;
}

export interface PostMessageRequest {
  body: string;
  /** Author identity; Chat defaults to `system`. */
  from?: string;
  /** Stored on the message; the domain puts its request id here to recognise its own message on a retry. */
  attributes?: Record<string, unknown>;
}

export interface MessagePort {
  /** Posts a message to the chat channel; Proxy relays it to the customer as SMS. Not idempotent. */
  postMessage(chatServiceSid: string, channelSid: string, message: PostMessageRequest): Promise<ChatMessage>;

  /** The newest `limit` messages of the channel, newest first (Chat `Order=desc`), for lookup-before-repeat. */
  listRecentMessages(chatServiceSid: string, channelSid: string, limit: number): Promise<ChatMessage[]>;
}
