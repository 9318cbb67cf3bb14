import { Collection } from '../../core/collection';

export type MessageDirection = 'inbound' | 'outbound-api' | 'outbound-call' | 'outbound-reply';

/** An SMS as API 2010 records it. */
export interface SmsMessage {
  sid: string;
  from: string;
  to: string;
  body: string;
  direction: MessageDirection;
  status: 'received' | 'delivered' | 'sent' | 'queued';
  dateCreated: Date;
  dateSent: Date;
  dateUpdated: Date;
}

export interface IncomingPhoneNumber {
  sid: string;
  phoneNumber: string;
  friendlyName: string;
  dateCreated: Date;
  dateUpdated: Date;
}

export class Api2010Store {
  readonly messages = new Collection<SmsMessage>();
  readonly incomingPhoneNumbers = new Collection<IncomingPhoneNumber>();

  isOwnNumber(phoneNumber: string): boolean {
    return this.incomingPhoneNumbers.find((number) => number.phoneNumber === phoneNumber) !== undefined;
  }
}
