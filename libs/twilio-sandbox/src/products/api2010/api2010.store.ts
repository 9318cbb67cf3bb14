import { Collection } from '../../core/collection';
import { channelOf, type MessageChannel } from '../../messaging/channel-address';

export type MessageDirection = 'inbound' | 'outbound-api' | 'outbound-call' | 'outbound-reply';

/** The statuses the sandbox's messages go through (Twilio's `message_enum_status` has more, for features it lacks). */
export type MessageStatus = 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'received';

/** A status after which nothing changes. */
export function isFinalStatus(status: MessageStatus): boolean {
  return status === 'delivered' || status === 'undelivered' || status === 'failed' || status === 'received';
}

/** The resource another product sent this message for, whose status follows the message's. */
export type MessageRelay =
  { product: 'conversations'; conversationSid: string; messageSid: string; participantSid: string } | { product: 'proxy'; interactionSid: string };

/**
 * How the message ends, decided when it goes out (the handset's fate then): `delivered` or `undelivered` after
 * `sent`, or `failed` straight from `queued` when Twilio accepted the message but could not send it (WhatsApp's
 * 63016 outside the customer service window reaches the StatusCallback as `failed`).
 */
export interface PlannedOutcome {
  status: 'delivered' | 'undelivered' | 'failed';
  errorCode: number | null;
  /** Milliseconds between steps for a slow handset; null: the sandbox's step delay. */
  delayMs: number | null;
}

/** The Content template a message went out as, and the buttons the handset shows below its text. */
export interface MessageContent {
  sid: string;
  buttons: string[];
}

/**
 * A message as API 2010 records it: what the handset receives (outbound) or sent (inbound), over SMS or WhatsApp
 * (`channel`, from its `whatsapp:` addresses).
 */
export interface SmsMessage {
  sid: string;
  channel: MessageChannel;
  from: string;
  to: string;
  /** The text; for a template, its text filled in (Twilio's Message `body` shows the rendered template). */
  body: string;
  /** Set when the message was sent as a Content template. */
  content?: MessageContent;
  direction: MessageDirection;
  status: MessageStatus;
  errorCode: number | null;
  errorMessage: string | null;
  /** `StatusCallback` of Message create. */
  statusCallback: string | null;
  relay: MessageRelay | null;
  /** Outbound messages still on their way; null once final, and for inbound ones. */
  plannedOutcome: PlannedOutcome | null;
  dateCreated: Date;
  /** Null until the message is sent (inbound: when received). */
  dateSent: Date | null;
  dateUpdated: Date;
}

export interface IncomingPhoneNumber {
  sid: string;
  phoneNumber: string;
  friendlyName: string;
  dateCreated: Date;
  dateUpdated: Date;
}

/** A handset's opt-out from one sender (a number; a Messaging Service when one sends: the sandbox has none). */
export interface OptOut {
  sender: string;
  handset: string;
  /** The keyword the handset sent (`STOP`, `UNSUBSCRIBE`, …). */
  keyword: string;
  dateCreated: Date;
}

export class Api2010Store {
  readonly messages = new Collection<SmsMessage>();
  readonly incomingPhoneNumbers = new Collection<IncomingPhoneNumber>();
  /** `sender|handset` → the opt-out Twilio keeps for the pair (its "blocklist entry"). */
  readonly optOuts = new Map<string, OptOut>();
  /**
   * The account's WhatsApp senders (`whatsapp:+1…`): numbers registered with WhatsApp (Twilio Console, Messaging >
   * Senders > WhatsApp senders). Only these may send or receive WhatsApp messages.
   */
  readonly whatsappSenders = new Set<string>();
  /**
   * `sender|customer` (WhatsApp addresses) → when the customer last wrote to that sender: the start of WhatsApp's
   * 24-hour customer service window (messaging/whatsapp-window.ts).
   */
  readonly customerMessages = new Map<string, Date>();

  static optOutKey(sender: string, handset: string): string {
    return `${sender}|${handset}`;
  }

  static windowKey(sender: string, customer: string): string {
    return `${sender}|${customer}`;
  }

  isOwnNumber(phoneNumber: string): boolean {
    return this.incomingPhoneNumbers.find((number) => number.phoneNumber === phoneNumber) !== undefined;
  }

  /** A number of the account (SMS) or one of its WhatsApp senders. */
  isOwnSender(address: string): boolean {
    return channelOf(address) === 'whatsapp' ? this.whatsappSenders.has(address) : this.isOwnNumber(address);
  }

  optOutOf(sender: string, handset: string): OptOut | undefined {
    return this.optOuts.get(Api2010Store.optOutKey(sender, handset));
  }
}
