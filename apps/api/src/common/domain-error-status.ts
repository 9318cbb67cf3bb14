/**
 * HTTP status of each DomainError code (libs/flex-sms-domain/src/errors.ts). Feature modules add their codes here,
 * one line each; a code missing from this table answers 500 (and logs a warning naming it), so an unmapped
 * expected failure is noticed rather than passed off as a client error.
 *
 * Rules of thumb: the caller named something that does not exist → 404; it conflicts with the current state of
 * Twilio resources → 409; the request is well-formed but cannot be carried out as asked → 422; Twilio (or the
 * sandbox) failed or refused on its side → 502; Twilio is rate limiting us → 503.
 */
export const DOMAIN_ERROR_STATUS: Readonly<Record<string, number>> = {
  // e.g. FLEX_FLOW_NOT_FOUND: 404,
};
