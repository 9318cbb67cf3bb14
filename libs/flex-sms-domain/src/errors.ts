import type { ErrorRecord } from './ports/journal.port';

/**
 * Base of the domain's *expected* failures. Each has a stable `code` (what callers and the API's error mapping key
 * on), a human message, optional structured `details`, and the Twilio error code that caused it when there was one.
 * Only the edge (the API's exception filter) turns these into HTTP statuses.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;

  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly twilioCode?: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * An error as the journal and the clean-up jobs record it: a domain error's code, message, details (copied: callers
 * add to a thrown error's details afterwards) and Twilio's code; anything else as UNEXPECTED_ERROR with its message.
 */
export function toErrorRecord(error: unknown): ErrorRecord {
  if (error instanceof DomainError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.twilioCode !== undefined ? { twilioCode: error.twilioCode } : {}),
      details: { ...error.details },
    };
  }
  return { code: 'UNEXPECTED_ERROR', message: error instanceof Error ? error.message : String(error) };
}

// ─── Input ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** A request field is missing or malformed (caught before any Twilio call). */
export class InvalidInput extends DomainError {
  readonly code = 'INVALID_INPUT';

  constructor(
    readonly field: string,
    problem: string,
    details: Record<string, unknown> = {},
  ) {
    super(`${field}: ${problem}`, { field, ...details });
  }
}

/** A phone number that cannot be read as an E.164 number. */
export class InvalidPhoneNumber extends DomainError {
  readonly code = 'INVALID_PHONE_NUMBER';

  constructor(
    readonly input: string,
    field?: string,
  ) {
    super(`${field ? `${field}: ` : ''}'${input}' is not a valid phone number; use E.164 (e.g. +15551234567)`, field ? { input, field } : { input });
  }
}

// ─── Flex Flows ─────────────────────────────────────────────────────────────────────────────────────────────────

/** No `sms` Flex Flow of the wanted integration type has this number as its ContactIdentity. */
export class FlexFlowNotFound extends DomainError {
  readonly code = 'FLEX_FLOW_NOT_FOUND';

  constructor(
    readonly phoneNumber: string,
    readonly integrationType: string,
  ) {
    super(
      `No sms Flex Flow with IntegrationType=${integrationType} has ContactIdentity ${phoneNumber}. ` +
        `Create one (POST https://flex-api.twilio.com/v1/FlexFlows with ChannelType=sms, ` +
        `IntegrationType=${integrationType}, ContactIdentity=${phoneNumber}) or send from a number that has one.`,
      {
        phoneNumber,
        integrationType,
        fix: `Create an sms Flex Flow with IntegrationType=${integrationType} and ContactIdentity=${phoneNumber}`,
      },
    );
  }
}

/**
 * The number's Studio Flex Flow exists but is disabled. Reported instead of used: a disabled Studio flow does not
 * receive the customer's replies, so a "fire-and-forget" conversation would silently go nowhere.
 */
export class FlexFlowDisabled extends DomainError {
  readonly code = 'FLEX_FLOW_DISABLED';

  constructor(
    readonly flexFlowSid: string,
    readonly phoneNumber: string,
    readonly integrationType: string,
  ) {
    super(
      `The ${integrationType} Flex Flow ${flexFlowSid} for ${phoneNumber} is disabled. Enable it ` +
        `(POST https://flex-api.twilio.com/v1/FlexFlows/${flexFlowSid} with Enabled=true) before sending through it.`,
      { flexFlowSid, phoneNumber, integrationType, fix: `Enable Flex Flow ${flexFlowSid}` },
    );
  }
}

// ─── Proxy ──────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The customer already talks to this Twilio number in another open Proxy Session that belongs to a live
 * conversation. Nothing was changed: a person must decide (finish that task, or close that channel).
 */
export class ParticipantConflict extends DomainError {
  readonly code = 'PARTICIPANT_CONFLICT';

  constructor(
    readonly conflict: {
      customerNumber: string;
      proxyNumber: string;
      conflictingSessionSid?: string;
      conflictingChannelSid?: string;
      conflictingTaskSid?: string;
    },
    twilioCode?: number,
  ) {
    super(
      `${conflict.customerNumber} is already in an open Proxy Session with ${conflict.proxyNumber}` +
        (conflict.conflictingSessionSid ? ` (session ${conflict.conflictingSessionSid}` : ' (session unknown') +
        (conflict.conflictingChannelSid ? `, channel ${conflict.conflictingChannelSid}` : '') +
        (conflict.conflictingTaskSid ? `, task ${conflict.conflictingTaskSid}` : '') +
        '). Finish or close that conversation first.',
      { ...conflict },
      twilioCode,
    );
  }
}

/**
 * Port-level signal (adapters throw it, the domain resolves it): Proxy refused a participant because the
 * identifier/proxy identifier pair is already active in another session (Twilio 80604, 80103).
 */
export class ProxyIdentifierInUse extends DomainError {
  readonly code = 'PROXY_IDENTIFIER_IN_USE';

  constructor(
    message: string,
    twilioCode: number,
    /** The conflicting session, when Twilio's message names it. */
    readonly conflictingSessionSid?: string,
  ) {
    super(message, conflictingSessionSid ? { conflictingSessionSid } : {}, twilioCode);
  }
}

/** Port-level signal: a resource with this UniqueName already exists (Proxy 80603, Chat 50307). */
export class DuplicateUniqueName extends DomainError {
  readonly code = 'DUPLICATE_UNIQUE_NAME';

  constructor(message: string, twilioCode: number) {
    super(message, {}, twilioCode);
  }
}

// ─── Twilio failures ────────────────────────────────────────────────────────────────────────────────────────────

/** What kind of transient failure: decides whether repeating a non-idempotent request is safe. */
export type TransientKind =
  /** 429: Twilio refused the request before doing anything; always safe to repeat. */
  | 'throttled'
  /** 5xx: Twilio may or may not have acted. */
  | 'server_error'
  /** Connection reset / socket hang up / timeout: the request may or may not have arrived. */
  | 'connection';

/** Port-level signal: a failure worth retrying. The domain's retry policy turns it into TwilioUnavailable. */
export class TwilioTransientFailure extends DomainError {
  readonly code = 'TWILIO_TRANSIENT_FAILURE';

  constructor(
    message: string,
    readonly kind: TransientKind,
    /** From Retry-After, when Twilio sent one. */
    readonly retryAfterMs?: number,
    readonly status?: number,
    twilioCode?: number,
  ) {
    super(message, { kind, retryAfterMs, status }, twilioCode);
  }
}

/** Twilio stayed unavailable for the whole retry budget. Safe to try again later. */
export class TwilioUnavailable extends DomainError {
  readonly code = 'TWILIO_UNAVAILABLE';

  constructor(
    readonly operation: string,
    readonly retryAfterSeconds: number,
    readonly lastFailure?: TwilioTransientFailure,
    reason = 'Twilio stayed unavailable',
  ) {
    super(
      `${reason} during '${operation}'${lastFailure ? ` (${lastFailure.message})` : ''}. Try again in about ${retryAfterSeconds}s.`,
      { operation, retryAfterSeconds, lastStatus: lastFailure?.status, lastKind: lastFailure?.kind },
      lastFailure?.twilioCode,
    );
  }
}

/** Twilio refused the request for good (a 4xx that retrying cannot fix). */
export class TwilioRequestFailed extends DomainError {
  readonly code = 'TWILIO_REQUEST_FAILED';

  constructor(
    message: string,
    readonly status: number,
    twilioCode?: number,
    readonly moreInfo?: string,
  ) {
    super(message, { status, moreInfo }, twilioCode);
  }
}

/** A Twilio resource the request names does not exist (404 / 20404). */
export class ResourceNotFound extends DomainError {
  readonly code = 'RESOURCE_NOT_FOUND';

  constructor(
    readonly resource: string,
    readonly sid: string,
    twilioCode?: number,
  ) {
    super(`${resource} ${sid} was not found`, { resource, sid }, twilioCode);
  }
}

/**
 * A Proxy operation on a deployment without a Proxy Service: one whose numbers all start conversations with Flex
 * Conversations (OUTBOUND_MODE=conversations), where Proxy plays no part (and is closed to new Twilio customers).
 */
export class ProxyServiceNotConfigured extends DomainError {
  readonly code = 'PROXY_SERVICE_NOT_CONFIGURED';

  constructor() {
    super(
      'This deployment has no Proxy Service (TWILIO_PROXY_SERVICE_SID is not set): its numbers use Flex Conversations, where conversations have no Proxy session. ' +
        'Use the conversation routes (cleanup: POST /api/v1/cleanup/conversations), or set TWILIO_PROXY_SERVICE_SID for numbers on Programmable Chat.',
      {},
    );
  }
}

/** A journal entry a use case was asked to act on does not exist. */
export class OutboundRequestNotFound extends DomainError {
  readonly code = 'OUTBOUND_REQUEST_NOT_FOUND';

  constructor(readonly requestId: string) {
    super(`Outbound SMS request ${requestId} was not found`, { requestId });
  }
}

// ─── Account set-up and housekeeping ────────────────────────────────────────────────────────────────────────────

/** One problem with a Flex Flow's settings, named by the request field it comes from. */
export interface SettingsProblem {
  field: string;
  message: string;
}

/**
 * The Flex Flow's settings do not fit the account (a workflow of another workspace, a task channel that is not the
 * chat one, a Chat Service that does not exist…). Every problem is reported at once, before Flex is asked.
 */
export class InvalidFlexFlowSettings extends DomainError {
  readonly code = 'INVALID_FLEX_FLOW_SETTINGS';

  constructor(readonly problems: SettingsProblem[]) {
    super(`The Flex Flow settings do not fit the account: ${problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}`, {
      problems,
    });
  }
}

/** The number already has an sms Flex Flow of this integration type: Flex would route its messages ambiguously. */
export class FlexFlowAlreadyExists extends DomainError {
  readonly code = 'FLEX_FLOW_ALREADY_EXISTS';

  constructor(
    readonly existingSid: string,
    readonly contactIdentity: string,
    readonly integrationType: string,
  ) {
    super(
      `Flex Flow ${existingSid} already serves ${contactIdentity} with IntegrationType=${integrationType}. Update that flow, or delete it first.`,
      { existingSid, contactIdentity, integrationType },
    );
  }
}

/** A clean-up job that does not exist. */
export class CleanupJobNotFound extends DomainError {
  readonly code = 'CLEANUP_JOB_NOT_FOUND';

  constructor(readonly jobId: string) {
    super(`Clean-up job ${jobId} was not found`, { jobId });
  }
}

/** A clean-up schedule that does not exist. */
export class CleanupScheduleNotFound extends DomainError {
  readonly code = 'CLEANUP_SCHEDULE_NOT_FOUND';

  constructor(readonly scheduleId: string) {
    super(`Clean-up schedule ${scheduleId} was not found`, { scheduleId });
  }
}

/** The job has already finished: there is nothing left to cancel. */
export class CleanupJobFinished extends DomainError {
  readonly code = 'CLEANUP_JOB_FINISHED';

  constructor(
    readonly jobId: string,
    readonly status: string,
  ) {
    super(`Clean-up job ${jobId} has already finished (${status})`, { jobId, status });
  }
}

// ─── Conversations ──────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Port-level signal: Conversations refused the customer's address/proxy address pair because it is bound in
 * another conversation that is not closed (Twilio 50416; 50425 when several participants were added at once).
 */
export class ConversationAddressInUse extends DomainError {
  readonly code = 'CONVERSATION_ADDRESS_IN_USE';

  constructor(
    message: string,
    twilioCode: number,
    /** The conversation holding the pair, when Twilio's message names it. */
    readonly conversationSid?: string,
  ) {
    super(message, conversationSid ? { conversationSid } : {}, twilioCode);
  }
}

/**
 * The customer is already in an active conversation with this Twilio number, and an agent's task holds it (offered,
 * accepted or wrapping). Nothing was left behind: a person must finish that task first.
 */
export class ConversationConflict extends DomainError {
  readonly code = 'CONVERSATION_CONFLICT';

  constructor(
    readonly conflict: { customerNumber: string; proxyNumber: string; conversationSid?: string; taskSid?: string; taskStatus?: string },
    twilioCode?: number,
  ) {
    super(
      `${conflict.customerNumber} is already in an active conversation with ${conflict.proxyNumber}` +
        (conflict.conversationSid ? ` (conversation ${conflict.conversationSid}` : ' (conversation unknown') +
        (conflict.taskSid ? `, task ${conflict.taskSid} ${conflict.taskStatus ?? ''}`.trimEnd() : '') +
        '). Finish that task first.',
      { ...conflict },
      twilioCode,
    );
  }
}

// ─── Consent ────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The customer opted out of messages from this sender (STOP, Twilio's 21610, an admin's entry or an import). Refused
 * before Twilio is asked: sending again would be a TCPA/CTIA breach, and Twilio would refuse it with 21610 anyway.
 */
export class RecipientOptedOut extends DomainError {
  readonly code = 'RECIPIENT_OPTED_OUT';

  constructor(
    readonly recipient: string,
    readonly scope: string,
    readonly since: Date,
    readonly source: string,
    twilioCode?: number,
  ) {
    super(
      `${recipient} opted out of messages from ${scope} on ${since.toISOString()} (${source}); nothing was sent. ` +
        'The customer can opt back in by texting START to that number, or an admin can remove the opt-out in the consent register.',
      { recipient, scope, since: since.toISOString(), source },
      twilioCode,
    );
  }
}

/** There is no opt-out for this recipient in this scope. */
export class OptOutNotFound extends DomainError {
  readonly code = 'OPT_OUT_NOT_FOUND';

  constructor(
    readonly recipient: string,
    readonly scope: string,
  ) {
    super(`${recipient} has no opt-out for ${scope}`, { recipient, scope });
  }
}

// ─── WhatsApp and Content templates ─────────────────────────────────────────────────────────────────────────────

/**
 * The sender cannot carry the channel asked for: WhatsApp goes through Flex Conversations; a number on Programmable
 * Chat + Proxy has no WhatsApp path (Proxy relays SMS and voice only).
 */
export class ChannelNotSupported extends DomainError {
  readonly code = 'CHANNEL_NOT_SUPPORTED';

  constructor(
    readonly channel: string,
    readonly fromNumber: string,
    reason: string,
  ) {
    super(`${fromNumber} cannot send on ${channel}: ${reason}`, { channel, fromNumber });
  }
}

/**
 * The Content template and variables a send names do not make a message Twilio would deliver. Every problem is
 * reported at once, named by its field (`contentSid`, `contentVariables.2`), before anything is created in Twilio.
 */
export class InvalidContent extends DomainError {
  readonly code = 'INVALID_CONTENT';

  constructor(readonly problems: SettingsProblem[]) {
    super(`The Content template cannot be sent as asked: ${problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}`, {
      problems,
    });
  }
}

/**
 * Free text to a WhatsApp customer outside the 24-hour customer service window: WhatsApp delivers only an approved
 * template then (Twilio error 63016). Raised before anything is created when the product knows the window is closed,
 * and when Twilio answers 63016 itself (`twilioCode`).
 */
export class WhatsAppTemplateRequired extends DomainError {
  readonly code = 'WHATSAPP_TEMPLATE_REQUIRED';

  constructor(
    readonly customer: string,
    readonly sender: string,
    readonly lastInboundAt: Date | null,
    twilioCode?: number,
  ) {
    super(
      `${customer} ${lastInboundAt ? `last wrote to ${sender} at ${lastInboundAt.toISOString()}, more than 24 hours ago` : `has not written to ${sender}`}` +
        `${twilioCode ? ` (Twilio error ${twilioCode})` : ''}: outside WhatsApp's 24-hour customer service window only an approved template can be sent. ` +
        'Send contentSid (GET /api/v1/content-templates) instead of the text.',
      { customer, sender, lastInboundAt: lastInboundAt?.toISOString() ?? null, ...(twilioCode ? { twilioError: twilioCode } : {}) },
      twilioCode,
    );
  }
}

// ─── Campaigns ──────────────────────────────────────────────────────────────────────────────────────────────────

/** A campaign that does not exist (or that the caller may not see). */
export class CampaignNotFound extends DomainError {
  readonly code = 'CAMPAIGN_NOT_FOUND';

  constructor(readonly campaignId: string) {
    super(`Campaign ${campaignId} was not found`, { campaignId });
  }
}

/** The campaign cannot do what was asked from where it is (pause a completed one, resume a cancelled one…). */
export class CampaignStateConflict extends DomainError {
  readonly code = 'CAMPAIGN_STATE_CONFLICT';

  constructor(
    readonly campaignId: string,
    readonly status: string,
    action: string,
  ) {
    super(`Campaign ${campaignId} is ${status}: it cannot ${action}`, { campaignId, status, action });
  }
}
