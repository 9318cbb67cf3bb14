import { TwilioError } from '../../http/twilio-error';

/**
 * Programmable Messaging's error texts (Twilio's error dictionary, twilio.com/docs/api/errors/<code>): the 2xxxx are
 * refusals of a send (a 400 on Message create), the 3xxxx delivery failures (a message's `error_code` when it ends
 * `undelivered`), the 630xx WhatsApp's: 63007 refuses a From that is no WhatsApp sender of the account, 63016 and
 * 63028 fail a message Twilio accepted (`failed`).
 */
const ERROR_TEXTS: Record<number, (to: string, from: string) => string> = {
  21211: (to) => `The 'To' number ${to} is not a valid phone number.`,
  21408: (to) => `Permission to send an SMS has not been enabled for the region indicated by the 'To' number: ${to}.`,
  21610: () => 'Attempt to send to unsubscribed recipient',
  21612: (to, from) => `The 'To' phone number: ${to}, is not currently reachable using the 'From' phone number: ${from} via SMS.`,
  21614: (to) => `'To' number ${to} is not a valid mobile number`,
  21619: () => 'A text message body or media urls must be specified.',
  21654: () => 'A ContentSid must be specified if ContentVariables are provided in the request.',
  21655: () => 'The ContentSid is Invalid',
  21656: () => 'The ContentVariables Parameter is invalid',
  21910: () => "Invalid 'From' and 'To' pair. 'From' and 'To' should be of the same channel",
  30003: () => 'Unreachable destination handset',
  30005: () => 'Unknown destination handset',
  30006: () => 'Landline or unreachable carrier',
  30007: () => 'Message filtered',
  63007: (_to, from) => `Twilio could not find a Channel with the specified From address: ${from}`,
  63016: () =>
    'Failed to send freeform message because you are outside the allowed window. If you are using WhatsApp, please use a Message Template.',
  63028: () => 'Number of parameters provided does not match the expected number of parameters',
};

export function messagingErrorText(code: number, to: string, from: string): string {
  return ERROR_TEXTS[code]?.(to, from) ?? `Twilio error ${code}`;
}

/** A send refused at the REST API (Message create): 400 with the code. */
export function sendRefused(code: number, to: string, from: string): TwilioError {
  return new TwilioError(400, code, messagingErrorText(code, to, from));
}
