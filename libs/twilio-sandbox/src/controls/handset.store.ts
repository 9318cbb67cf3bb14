/** What the carrier does with an SMS to a handset: Twilio's delivery outcomes, as a test asks for them. */
export const HANDSET_OUTCOMES = ['delivered', 'undelivered', 'carrier-filtered'] as const;
export type HandsetOutcome = (typeof HANDSET_OUTCOMES)[number];

/** Error codes of `undelivered` (30003 unreachable handset, 30005 unknown handset, 30006 landline or unreachable carrier). */
export const UNDELIVERED_CODES = [30003, 30005, 30006] as const;
/** 30007: the carrier filtered the message. */
export const CARRIER_FILTERED_CODE = 30007;

export interface HandsetFate {
  outcome: HandsetOutcome;
  /** The error code the message ends with (null when delivered). */
  errorCode: number | null;
  /** A slow handset: milliseconds between each delivery step instead of the sandbox's step delay. */
  delayMs: number | null;
}

/** The sandbox's carrier: the fate a test gave each handset (any number not listed gets its messages delivered). */
export class HandsetStore {
  readonly fates = new Map<string, HandsetFate>();
}
