import type { Clock, FlexFlowDirectoryOptions, RetryPolicy } from '@flex-sms/domain';

/** The domain's OutboundSmsDependencies, wired once for the whole API (one Flex Flow cache, one retrier). */
export const OUTBOUND_SMS_DEPENDENCIES = Symbol('OUTBOUND_SMS_DEPENDENCIES');

/** Tuning of the outbound flows; the defaults are the domain's. Tests override it (short retry delays). */
export const OUTBOUND_SMS_OPTIONS = Symbol('OUTBOUND_SMS_OPTIONS');

export interface OutboundSmsOptions {
  retryPolicy?: RetryPolicy;
  flexFlowCache?: FlexFlowDirectoryOptions;
  clock?: Clock;
  /** How long start-up recovery lets an interrupted request's Twilio calls land before undoing it. */
  inFlightSettleMs?: number;
}
