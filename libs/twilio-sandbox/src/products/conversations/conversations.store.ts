import { Collection } from '../../core/collection';
import type { MessageChannel } from '../../messaging/channel-address';

export const CONVERSATION_STATES = ['active', 'inactive', 'closed'] as const;
export type ConversationState = (typeof CONVERSATION_STATES)[number];

/** Timer durations as asked for (milliseconds) and the dates they fall due, counted from the last activity. */
export interface ConversationTimers {
  inactiveAfterMs: number | null;
  closedAfterMs: number | null;
  dateInactive: Date | null;
  dateClosed: Date | null;
}

export interface Conversation {
  sid: string;
  chatServiceSid: string;
  friendlyName: string | null;
  uniqueName: string | null;
  attributes: string;
  state: ConversationState;
  timers: ConversationTimers;
  dateCreated: Date;
  dateUpdated: Date;
}

/**
 * How a non-chat participant is reached: its own address and the account's address masking it, both on the binding's
 * channel (`+1…` for SMS, `whatsapp:+1…` for WhatsApp, the proxy address then being a WhatsApp sender of the account).
 */
export interface MessagingBinding {
  type: MessageChannel;
  address: string;
  proxyAddress: string;
}

export interface ConversationParticipant {
  sid: string;
  conversationSid: string;
  /** A chat (SDK) participant has an identity; an SMS participant has a messaging binding instead. */
  identity: string | null;
  messagingBinding: MessagingBinding | null;
  attributes: string;
  dateCreated: Date;
  dateUpdated: Date;
}

export interface ConversationMessage {
  sid: string;
  conversationSid: string;
  index: number;
  author: string;
  /** For a template, its text filled in (the sandbox's choice: Twilio documents only that `Body` is then ignored). */
  body: string | null;
  /** The Content template it was sent as (`ContentSid`) and the variables sent with it. */
  content?: { sid: string; variables: Record<string, string> };
  attributes: string;
  participantSid: string | null;
  /** Messages sent to the conversation's SMS and WhatsApp participants for this one: the delivery summary's `total`. */
  deliveredSmsCount: number;
  dateCreated: Date;
  dateUpdated: Date | null;
}

export const WEBHOOK_TARGETS = ['webhook', 'trigger', 'studio'] as const;
export type WebhookTarget = (typeof WEBHOOK_TARGETS)[number];

/** A conversation-scoped webhook; `studio` hands each new message to a Studio flow. */
export interface ConversationWebhook {
  sid: string;
  conversationSid: string;
  target: WebhookTarget;
  url: string | null;
  method: string | null;
  filters: string[];
  triggers: string[];
  flowSid: string | null;
  dateCreated: Date;
  dateUpdated: Date;
}

/** A delivery receipt's status (`conversation_message_receipt_enum_delivery_status`: Conversations has no `queued` receipt). */
export type ReceiptStatus = 'sent' | 'delivered' | 'undelivered' | 'failed' | 'read';

/** What became of one message sent to one non-chat participant, over its channel (`channel_message_sid`: the SM…). */
export interface DeliveryReceipt {
  sid: string;
  conversationSid: string;
  chatServiceSid: string;
  messageSid: string;
  participantSid: string;
  channelMessageSid: string;
  status: ReceiptStatus;
  /** 0 unless `failed` or `undelivered` (the spec's default). */
  errorCode: number;
  dateCreated: Date;
  dateUpdated: Date | null;
}

export const WEBHOOK_METHODS = ['GET', 'POST'] as const;

/** Where a Conversation Service (or the account) sends its pre- and post-event webhooks, and for which events. */
export interface WebhookConfiguration {
  method: (typeof WEBHOOK_METHODS)[number] | null;
  filters: string[] | null;
  preWebhookUrl: string | null;
  postWebhookUrl: string | null;
}

export const ACCOUNT_WEBHOOK_TARGETS = ['webhook', 'flex'] as const;

/** The account-level configuration (`/v1/Configuration/Webhooks`): `flex` routes the events inside Flex instead. */
export interface AccountWebhookConfiguration extends WebhookConfiguration {
  target: (typeof ACCOUNT_WEBHOOK_TARGETS)[number];
}

export const AUTO_CREATION_TYPES = ['webhook', 'studio', 'default'] as const;
export type AutoCreationType = (typeof AUTO_CREATION_TYPES)[number];

/** What Conversations does with a message to the address that belongs to no conversation yet. */
export interface AutoCreation {
  enabled: boolean;
  type: AutoCreationType;
  conversationServiceSid: string | null;
  webhookUrl: string | null;
  webhookMethod: string | null;
  webhookFilters: string[];
  studioFlowSid: string | null;
  studioRetryCount: number | null;
}

/** An Address Configuration: one of the account's addresses (here a number) handled by Conversations. */
export interface AddressConfiguration {
  sid: string;
  type: string;
  address: string;
  friendlyName: string | null;
  autoCreation: AutoCreation;
  addressCountry: string | null;
  dateCreated: Date;
  dateUpdated: Date;
}

export class ConversationsStore {
  readonly conversations = new Collection<Conversation>();
  readonly participants = new Collection<ConversationParticipant>();
  readonly messages = new Collection<ConversationMessage>();
  readonly webhooks = new Collection<ConversationWebhook>();
  readonly addressConfigurations = new Collection<AddressConfiguration>();
  readonly receipts = new Collection<DeliveryReceipt>();
  /** message SID → its receipts' SIDs, one per SMS participant it went to. */
  readonly receiptsByMessage = new Map<string, string[]>();
  /** Conversation Service SID → its webhook configuration; absent until first updated. */
  readonly serviceWebhooks = new Map<string, WebhookConfiguration>();
  accountWebhook: AccountWebhookConfiguration = { target: 'webhook', method: 'POST', filters: [], preWebhookUrl: null, postWebhookUrl: null };
  /** The account's default Conversation Service (for Flex, the Flex Chat Service). */
  defaultServiceSid = '';
  readonly conversationByUniqueName = new Map<string, string>();
  /**
   * `address|proxyAddress` → SMS participant SID, for conversations that are not closed: the pair routes inbound
   * messages, so Conversations lets it be bound in one open (active or inactive) conversation at a time.
   */
  readonly bindings = new Map<string, string>();
  /** conversation SID → index the next message gets. */
  readonly nextMessageIndex = new Map<string, number>();

  static bindingKey(address: string, proxyAddress: string): string {
    return `${address}|${proxyAddress}`;
  }

  /** By SID or UniqueName: Conversations accepts either in the URL. */
  findConversation(sidOrUniqueName: string): Conversation | undefined {
    return this.conversations.get(this.conversationByUniqueName.get(sidOrUniqueName) ?? sidOrUniqueName);
  }

  participantsOf(conversationSid: string): ConversationParticipant[] {
    return this.participants.filter((participant) => participant.conversationSid === conversationSid);
  }

  messagesOf(conversationSid: string): ConversationMessage[] {
    return this.messages.filter((message) => message.conversationSid === conversationSid);
  }

  webhooksOf(conversationSid: string): ConversationWebhook[] {
    return this.webhooks.filter((webhook) => webhook.conversationSid === conversationSid);
  }

  receiptsOf(messageSid: string): DeliveryReceipt[] {
    return (this.receiptsByMessage.get(messageSid) ?? [])
      .map((sid) => this.receipts.get(sid))
      .filter((receipt): receipt is DeliveryReceipt => receipt !== undefined);
  }

  /** The SMS participant currently holding the pair, if any. */
  boundParticipant(address: string, proxyAddress: string): ConversationParticipant | undefined {
    const sid = this.bindings.get(ConversationsStore.bindingKey(address, proxyAddress));
    return sid ? this.participants.get(sid) : undefined;
  }

  addressConfigurationFor(address: string): AddressConfiguration | undefined {
    return this.addressConfigurations.find((configuration) => configuration.address === address);
  }
}
