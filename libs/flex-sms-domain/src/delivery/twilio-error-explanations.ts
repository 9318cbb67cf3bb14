/**
 * Twilio's error codes for a message that did not arrive, in words for the person at the console: what happened and
 * what to do next. One table, shared by the API (the `delivery.explanation` of a request) and the console (History).
 * Wording follows Twilio's error dictionary (https://www.twilio.com/docs/api/errors/<code>).
 */
export interface TwilioErrorExplanation {
  readonly code: number;
  /** Twilio's title for the code. */
  readonly title: string;
  /** What happened, plainly. */
  readonly meaning: string;
  /** What to do next. */
  readonly action: string;
}

const EXPLANATIONS: readonly TwilioErrorExplanation[] = [
  {
    code: 21211,
    title: "Invalid 'To' phone number",
    meaning: 'the number is not a valid phone number',
    action: 'check the number for typos and send it in E.164 form (+14155550123).',
  },
  {
    code: 21408,
    title: 'Permission to send an SMS has not been enabled for the region',
    meaning: 'the account may not text this country',
    action: "enable the country in the Console's Messaging Geographic Permissions, then send again.",
  },
  {
    code: 21610,
    title: 'Attempt to send to unsubscribed recipient',
    meaning: 'the customer replied STOP to this number',
    action: 'do not send again; the customer can opt back in by texting START.',
  },
  {
    code: 21612,
    title: "The 'To' phone number is not currently reachable via SMS",
    meaning: 'Twilio cannot route a message between this number and the customer',
    action: 'check that the sending number can text this destination, or use another sender.',
  },
  {
    code: 21614,
    title: "'To' number is not a valid mobile number",
    meaning: 'the number cannot receive SMS (a landline or a number that does not take texts)',
    action: 'call the customer or ask for a mobile number.',
  },
  {
    code: 30003,
    title: 'Unreachable destination handset',
    meaning: "the customer's phone is off or out of coverage",
    action: 'try again later, or reach the customer another way.',
  },
  {
    code: 30004,
    title: 'Message blocked',
    meaning: 'the customer or their carrier blocks messages from this number',
    action: 'do not retry; reach the customer another way.',
  },
  {
    code: 30005,
    title: 'Unknown destination handset',
    meaning: 'the number does not exist or is no longer in service',
    action: 'check the number with the customer; do not retry as is.',
  },
  {
    code: 30006,
    title: 'Landline or unreachable carrier',
    meaning: 'the number is a landline or its carrier does not take SMS',
    action: 'call the customer or ask for a mobile number.',
  },
  {
    code: 30007,
    title: 'Message filtered',
    meaning: 'the carrier filtered it as spam',
    action: 'check the message content and your A2P 10DLC (or toll-free) registration before sending again.',
  },
  {
    code: 30008,
    title: 'Unknown error',
    meaning: 'the carrier did not say why it was not delivered',
    action: 'try again later; if it keeps happening, contact Twilio Support with the message SID.',
  },
  {
    code: 30034,
    title: 'Message from an unregistered number',
    meaning: 'US carriers block SMS from a 10DLC number that is not registered for A2P',
    action: 'register the number in an A2P 10DLC campaign.',
  },
  // WhatsApp's errors, as Twilio reports them on a failed message (its status callback or a later fetch), not only
  // on the create answer: https://www.twilio.com/docs/api/errors/<code> and Twilio's WhatsApp error code mapping
  // (https://www.twilio.com/docs/whatsapp/api/error-code-mapping).
  {
    code: 63016,
    title: 'Outside messaging window. For WhatsApp, use a Message Template instead',
    meaning: 'WhatsApp allows free-form messages only within 24 hours of the customer’s last message',
    action: 'send an approved template (contentSid) instead, or wait for the customer to write again.',
  },
  {
    code: 63024,
    title: 'Invalid message recipient',
    meaning:
      'WhatsApp does not take messages for this customer: the number is not on WhatsApp, or its owner has not accepted WhatsApp’s latest terms or runs an unsupported version',
    action: 'check that the customer uses WhatsApp on this number (and has updated it), or reach them by SMS.',
  },
  {
    // WhatsApp's 472 (Cloud API 130472), per Twilio's mapping table.
    code: 63032,
    title: 'User’s number is part of an experiment',
    meaning: 'Meta withholds marketing templates from this customer as part of an experiment',
    action: 'do not resend it; ask the customer to write first, then reply inside the 24-hour window, or use another channel.',
  },
  {
    code: 63049,
    title: 'Meta chose not to deliver this WhatsApp marketing message',
    meaning: 'Meta did not deliver a Marketing template (never to US numbers since April 2025; elsewhere, limited per customer)',
    action:
      'do not retry at once: retry later with growing delays, use SMS for US customers, or check the template’s category (Utility if it is transactional).',
  },
];

const BY_CODE = new Map(EXPLANATIONS.map((explanation) => [explanation.code, explanation]));

export const TWILIO_ERROR_EXPLANATIONS: ReadonlyMap<number, TwilioErrorExplanation> = BY_CODE;

export function explainTwilioError(code: number | null | undefined): TwilioErrorExplanation | null {
  return code === null || code === undefined ? null : (BY_CODE.get(code) ?? null);
}

/** One line for a person: "the carrier filtered it as spam — check the message content and …". Null for an unknown code. */
export function describeTwilioError(code: number | null | undefined): string | null {
  const explanation = explainTwilioError(code);
  return explanation ? `${explanation.meaning} — ${explanation.action}` : null;
}
