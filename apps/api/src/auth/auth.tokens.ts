/**
 * The clock of sessions, API key caches and rate limits: `overrideProvider(AUTH_CLOCK)` in tests moves time
 * without waiting. A `Clock` from @flex-sms/domain; systemClock by default.
 */
export const AUTH_CLOCK = Symbol('AUTH_CLOCK');
