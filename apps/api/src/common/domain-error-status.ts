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
  // Outbound SMS (libs/flex-sms-domain/src/errors.ts). Invalid input normally stops at the DTOs (400
  // VALIDATION_FAILED); the domain's own checks answer 400 too.
  INVALID_INPUT: 400,
  INVALID_PHONE_NUMBER: 400,
  // The number is not set up for the flow asked for: the request is valid, the account is not (the message says the fix).
  FLEX_FLOW_NOT_FOUND: 422,
  FLEX_FLOW_DISABLED: 422,
  // The customer is in another live conversation with this number: context names its session, channel and task.
  PARTICIPANT_CONFLICT: 409,
  // Port-level signals the domain resolves; should one escape, it is still a conflict with Twilio's state.
  PROXY_IDENTIFIER_IN_USE: 409,
  DUPLICATE_UNIQUE_NAME: 409,
  RESOURCE_NOT_FOUND: 404,
  OUTBOUND_REQUEST_NOT_FOUND: 404,
  TWILIO_REQUEST_FAILED: 502,
  // Twilio stayed unavailable (or rate limited) through the retry budget: try again later (Retry-After is set).
  TWILIO_UNAVAILABLE: 503,
  TWILIO_TRANSIENT_FAILURE: 503,
  // Flex Flow management: the settings do not fit the account (every problem listed), or the number already has one.
  INVALID_FLEX_FLOW_SETTINGS: 422,
  FLEX_FLOW_ALREADY_EXISTS: 409,
  // Clean-up jobs and schedules.
  CLEANUP_JOB_NOT_FOUND: 404,
  CLEANUP_SCHEDULE_NOT_FOUND: 404,
  CLEANUP_JOB_FINISHED: 409,
  // Flex Conversations mode: an agent's task holds the customer's active conversation (context names it); the
  // port-level signal should the domain not resolve it.
  CONVERSATION_CONFLICT: 409,
  CONVERSATION_ADDRESS_IN_USE: 409,
  // A Proxy route on a conversations-only deployment (no Proxy Service configured).
  PROXY_SERVICE_NOT_CONFIGURED: 422,
  // Consent register: the customer opted out of the sender (context: recipient, scope, since, source); an admin
  // removing an opt-out that is not there.
  RECIPIENT_OPTED_OUT: 422,
  OPT_OUT_NOT_FOUND: 404,
  // WhatsApp: a Chat + Proxy number cannot carry it; a template that does not fit (every problem listed, before
  // anything is created); free text outside the customer's 24-hour window (ours, or Twilio's 63016 in twilioCode).
  CHANNEL_NOT_SUPPORTED: 422,
  INVALID_CONTENT: 400,
  WHATSAPP_TEMPLATE_REQUIRED: 422,
  // Campaigns: an unknown (or another sender's) campaign; an action its status does not allow (pause a completed one).
  CAMPAIGN_NOT_FOUND: 404,
  CAMPAIGN_STATE_CONFLICT: 409,
};
