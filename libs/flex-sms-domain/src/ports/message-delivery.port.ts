/** An API 2010 Message (SM…): the SMS Twilio sent or received, as the Message resource reports it. */
export interface SmsMessage {
  readonly sid: string;
  readonly from: string;
  readonly to: string;
  readonly body: string;
  /** Twilio's word: queued, sent, delivered, undelivered, failed, received… */
  readonly status: string;
  readonly errorCode: number | null;
  readonly errorMessage: string | null;
}

/** A Conversations delivery receipt: one SMS leg of a conversation message. */
export interface DeliveryReceipt {
  readonly channelMessageSid: string | null;
  readonly status: string;
  /** 0 or null when there is none (Conversations writes 0). */
  readonly errorCode: number | null;
}

/** The SMS a Proxy session sent for a chat message (the interaction whose inbound resource is that message). */
export interface RelayedSms {
  readonly smsSid: string;
  readonly status: string;
}

/** Where the delivery of what the product sent can be read back from Twilio (reconciliation, Proxy callbacks). */
export interface MessageDeliveryPort {
  /** `null` when there is no such message. */
  fetchSmsMessage(sid: string): Promise<SmsMessage | null>;
  listDeliveryReceipts(conversationSid: string, messageSid: string): Promise<DeliveryReceipt[]>;
  /** Null when the session relayed no SMS for it (yet), or is gone. */
  findRelayedSms(proxySessionSid: string, chatMessageSid: string): Promise<RelayedSms | null>;
}

/** A Conversation Service's post-event webhook (`/v1/Services/{ChatServiceSid}/Configuration/Webhooks`). */
export interface ConversationServiceWebhook {
  readonly postWebhookUrl: string | null;
  readonly filters: readonly string[];
}

/**
 * Where Twilio sends the callbacks the product reads: the Proxy Service's `CallbackUrl` (interactions, Chat + Proxy
 * mode) and the Conversation Service's post-event webhook (Conversations mode). Each is one per service, so they
 * are read before they are written: another integration of the customer may own them.
 */
export interface DeliveryCallbackRegistryPort {
  /** Null when the product has no Proxy Service (every number in Conversations mode). */
  fetchProxyCallbackUrl(): Promise<{ callbackUrl: string | null } | null>;
  setProxyCallbackUrl(url: string): Promise<void>;
  fetchConversationServiceWebhook(chatServiceSid: string): Promise<ConversationServiceWebhook>;
  setConversationServiceWebhook(chatServiceSid: string, webhook: { postWebhookUrl: string; filters: readonly string[] }): Promise<void>;
}
