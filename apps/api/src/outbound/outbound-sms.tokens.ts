/**
 * The domain's OutboundSmsDependencies, wired once in outbound.module.ts for its use cases only (not exported: a
 * route elsewhere injects the one port or use case it needs).
 */
export const OUTBOUND_SMS_DEPENDENCIES = Symbol('OUTBOUND_SMS_DEPENDENCIES');

/** Tuning of the outbound flows; the defaults are the domain's. Tests override it. */
export const OUTBOUND_SMS_OPTIONS = Symbol('OUTBOUND_SMS_OPTIONS');

export interface OutboundSmsOptions {
  /** How long start-up recovery lets an interrupted request's Twilio calls land before undoing it. */
  inFlightSettleMs?: number;
}
