/** A phone number the account owns (API 2010 IncomingPhoneNumber). */
export interface IncomingPhoneNumber {
  /** PN… */
  sid: string;
  /** E.164. */
  phoneNumber: string;
  friendlyName: string;
  smsCapable: boolean;
}

export interface IncomingPhoneNumberPort {
  /** The account's number, exactly this E.164 number; `null` when the account does not own it. */
  findIncomingPhoneNumber(e164: string): Promise<IncomingPhoneNumber | null>;
}
