import { Collection } from '../../core/collection';

export type MessageDirection = 'inbound' | 'outbound-api' | 'outbound-call' | 'outbound-reply';

/** The statuses the sandbox's messages go through (Twilio's `message_enum_status` has more, for features it lacks). */
export type MessageStatus = 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'received';

/** A status after which nothing changes. */
export function isFinalStatus(status: MessageStatus): boolean {
  return status === 'delivered' || status === 'undelivered' || status === 'failed' || status === 'received';
}

/** The channel a message goes over; only SMS so far (WhatsApp would be another value, `whatsapp:` addresses). */
export type MessageChannel = 'sms';

/** The resource another product sent this message for, whose status follows the message's. */
export type MessageRelay =
  | { product: 'conversations'; conversationSid: string; messageSid: string; participantSid: string }
  | { product: 'proxy'; interactionSid: string };

/** How the message ends, decided when it goes out (the handset's fate then). */
export interface PlannedOutcome {
  status: 'delivered' | 'undelivered';
  errorCode: number | null;
  /** Milliseconds between steps for a slow handset; null: the sandbox's step delay. */
  delayMs: number | null;
}

/** A message as API 2010 records it: what the handset receives (outbound) or sent (inbound). */
export interface SmsMessage {
  sid: string;
  channel: MessageChannel;
  from: string;
  to: string;
  body: string;
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

  static optOutKey(sender: string, handset: string): string {
    return `${sender}|${handset}`;
  }

  isOwnNumber(phoneNumber: string): boolean {
    return this.incomingPhoneNumbers.find((number) => number.phoneNumber === phoneNumber) !== undefined;
  }

  optOutOf(sender: string, handset: string): OptOut | undefined {
    return this.optOuts.get(Api2010Store.optOutKey(sender, handset));
  }
}
