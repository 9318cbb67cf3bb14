import { TwilioError } from '../../http/twilio-error';

/**
 * Programmable Messaging's error texts (Twilio's error dictionary, twilio.com/docs/api/errors/<code>): the 2xxxx are
 * refusals of a send (a 400 on Message create), the 3xxxx delivery failures (a message's `error_code` when it ends
 * `undelivered`).
 */
const ERROR_TEXTS: Record<number, (to: string, from: string) => string> = {
  21211: (to) => `The 'To' number ${to} is not a valid phone number.`,
  21408: (to) => `Permission to send an SMS has not been enabled for the region indicated by the 'To' number: ${to}.`,
  21610: () => 'Attempt to send to unsubscribed recipient',
  21612: (to, from) => `The 'To' phone number: ${to}, is not currently reachable using the 'From' phone number: ${from} via SMS.`,
  21614: (to) => `'To' number ${to} is not a valid mobile number`,
  30003: () => 'Unreachable destination handset',
  30005: () => 'Unknown destination handset',
  30006: () => 'Landline or unreachable carrier',
  30007: () => 'Message filtered',
};

export function messagingErrorText(code: number, to: string, from: string): string {
  return ERROR_TEXTS[code]?.(to, from) ?? `Twilio error ${code}`;
}

/** A send refused at the REST API (Message create): 400 with the code. */
export function sendRefused(code: number, to: string, from: string): TwilioError {
  return new TwilioError(400, code, messagingErrorText(code, to, from));
}
