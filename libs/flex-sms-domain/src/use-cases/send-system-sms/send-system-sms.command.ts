import type { OutboundMessageFields } from '../../outbound/outbound-message';

/** A back-office system sends an SMS that stays part of the Flex conversation (replies go to the Studio flow). */
export interface SendSystemSmsCommand extends OutboundMessageFields {
  /** The Twilio number the message comes from; it needs an enabled `sms` Studio Flex Flow. */
  fromNumber: string;
  toName: string;
  toNumber: string;
  /** The text; or leave it out and send `contentSid` (a Content template). */
  messageBody?: string;
  caller: string;
  idempotencyKey?: string;
  /** Where to report the request's changes instead of the caller's API key's callback URL (system callbacks). */
  statusCallbackUrl?: string;
}
