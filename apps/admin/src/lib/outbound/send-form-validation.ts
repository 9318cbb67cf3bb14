// The Send forms check what the API's DTOs check (apps/api/src/outbound/**/*.request.dto.ts), so an operator sees
// every problem beside its field before anything is sent. The API stays the authority: its 400 details are mapped
// back onto the same fields (fieldErrorsFrom).
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { ApiError } from '../api-error';
import { SCHEMA_LIMITS } from '../api/wire';
import type { InitiateAgentSmsRequest, SendSystemSmsRequest } from './outbound.types';

/** Twilio's longest SMS body (10 segments); Proxy cannot relay more. */
export const MAX_SMS_BODY_LENGTH = SCHEMA_LIMITS.SendSystemSmsRequestDto.messageBody.maxLength;
/** Chat caps friendly names (the customer's name is one). */
export const MAX_NAME_LENGTH = SCHEMA_LIMITS.SendSystemSmsRequestDto.toName.maxLength;

const E164 = /^\+[1-9]\d{1,14}$/;
const SID_BODY = /^[0-9a-fA-F]{32}$/;

export type SendKind = 'task' | 'message';

/** What the operator typed, as strings (empty = not given). */
export interface SendFormValues {
  fromNumber: string;
  toName: string;
  toNumber: string;
  /** task: optional first SMS; message: the SMS itself (required). */
  body: string;
  sourceChatChannelSid: string;
  targetWorkerSid: string;
  /** A JSON object, as typed. */
  taskAttributes: string;
  /** `sms` or `whatsapp`: the customer number stays E.164 either way, the API writes `whatsapp:` before both numbers. */
  channel: string;
  /** A Content template (HX…) sent instead of the body; empty = free text. */
  contentSid: string;
  /** The template's placeholders, by name, as typed. */
  contentVariables: Record<string, string>;
}

export type SendFormField = Exclude<keyof SendFormValues, 'contentVariables'>;
export type SendFormErrors = Partial<Record<SendFormField, string>> & {
  /** Per placeholder name. */
  contentVariables?: Record<string, string>;
};

export const EMPTY_SEND_FORM: SendFormValues = {
  fromNumber: '',
  toName: '',
  toNumber: '',
  body: '',
  sourceChatChannelSid: '',
  targetWorkerSid: '',
  taskAttributes: '',
  channel: 'sms',
  contentSid: '',
  contentVariables: {},
};

/** Same test as the API's IsE164PhoneNumber: strict E.164 and a possible length for the country. */
export function isE164(value: string): boolean {
  return E164.test(value) && Boolean(parsePhoneNumberFromString(value)?.isPossible());
}

export function isSid(value: string, prefix: string): boolean {
  return value.length === 34 && value.startsWith(prefix) && SID_BODY.test(value.slice(2));
}

function phoneError(value: string): string | undefined {
  if (value === '') return 'Enter a phone number.';
  if (!isE164(value)) return 'Enter the number in E.164 format: a plus, the country code and the number, e.g. +14155550123.';
  return undefined;
}

function textError(value: string, label: string, maxLength: number, required: boolean): string | undefined {
  if (value === '') return required ? `Enter ${label}.` : undefined;
  if (value.trim() === '') return `${label[0].toUpperCase()}${label.slice(1)} must not be blank.`;
  if (value.length > maxLength) return `At most ${maxLength} characters (now ${value.length}).`;
  return undefined;
}

function sidError(value: string, prefix: string): string | undefined {
  if (value === '' || isSid(value, prefix)) return undefined;
  return `A SID starting with ${prefix} followed by 32 hexadecimal digits.`;
}

function attributesError(value: string): string | undefined {
  if (value.trim() === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? undefined : 'Enter a JSON object, e.g. {"crmId": "A-17"}.';
  } catch {
    return 'This is not valid JSON.';
  }
}

/**
 * Every problem with the form at once, keyed by field; empty when it can be sent. `templateVariables`: the chosen
 * template's placeholders, each of which must be filled (the API checks the rest: lengths, WhatsApp's rules).
 */
export function validateSendForm(kind: SendKind, values: SendFormValues, templateVariables: readonly string[] = []): SendFormErrors {
  const byTemplate = values.contentSid !== '';
  const errors: SendFormErrors = {
    fromNumber: phoneError(values.fromNumber),
    toName: textError(values.toName, 'the customer’s name', MAX_NAME_LENGTH, true),
    toNumber: phoneError(values.toNumber),
    // A template is the message: the body is neither asked for nor sent.
    body: byTemplate ? undefined : textError(values.body, 'the message', MAX_SMS_BODY_LENGTH, kind === 'message'),
  };
  if (!errors.fromNumber && !errors.toNumber && values.fromNumber === values.toNumber) {
    errors.toNumber = 'The customer’s number must differ from the number you send from.';
  }
  if (kind === 'task') {
    errors.sourceChatChannelSid = sidError(values.sourceChatChannelSid, 'CH');
    errors.targetWorkerSid = sidError(values.targetWorkerSid, 'WK');
    errors.taskAttributes = attributesError(values.taskAttributes);
  }
  const found: SendFormErrors = Object.fromEntries(Object.entries(errors).filter(([, message]) => message !== undefined));
  if (byTemplate) {
    const blank = templateVariables.filter((name) => !values.contentVariables[name]?.trim());
    if (blank.length > 0) found.contentVariables = Object.fromEntries(blank.map((name) => [name, `Enter a value for {{${name}}}.`]));
  }
  return found;
}

/** The channel and the template (or nothing: an SMS of free text asks for neither). */
function messageFields(values: SendFormValues): Pick<SendSystemSmsRequest, 'channel' | 'contentSid' | 'contentVariables'> {
  return {
    ...(values.channel === 'whatsapp' ? { channel: 'whatsapp' as const } : {}),
    ...(values.contentSid ? { contentSid: values.contentSid, contentVariables: values.contentVariables } : {}),
  };
}

export function toInitiateAgentSmsRequest(values: SendFormValues): InitiateAgentSmsRequest {
  return {
    fromNumber: values.fromNumber,
    toName: values.toName,
    toNumber: values.toNumber,
    ...messageFields(values),
    ...(values.body && !values.contentSid ? { initialMessage: values.body } : {}),
    ...(values.sourceChatChannelSid ? { sourceChatChannelSid: values.sourceChatChannelSid } : {}),
    ...(values.targetWorkerSid ? { targetWorkerSid: values.targetWorkerSid } : {}),
    ...(values.taskAttributes.trim() ? { taskAttributes: JSON.parse(values.taskAttributes) as Record<string, unknown> } : {}),
  };
}

export function toSendSystemSmsRequest(values: SendFormValues): SendSystemSmsRequest {
  return {
    fromNumber: values.fromNumber,
    toName: values.toName,
    toNumber: values.toNumber,
    ...messageFields(values),
    ...(values.contentSid ? {} : { messageBody: values.body }),
  };
}

/** The API's names for the form's fields (its `details[].field`). */
const API_FIELDS: Record<string, SendFormField> = {
  fromNumber: 'fromNumber',
  toName: 'toName',
  toNumber: 'toNumber',
  messageBody: 'body',
  initialMessage: 'body',
  sourceChatChannelSid: 'sourceChatChannelSid',
  targetWorkerSid: 'targetWorkerSid',
  taskAttributes: 'taskAttributes',
  channel: 'channel',
  contentSid: 'contentSid',
};

/**
 * The API's refusals that concern one field, placed on it: its validation answer (400 VALIDATION_FAILED), a template
 * it cannot send as asked (400 INVALID_CONTENT, each problem on its placeholder or the template), free text outside
 * the WhatsApp window (422 WHATSAPP_TEMPLATE_REQUIRED, on the message), a channel the sender lacks, an opt-out.
 */
export function fieldErrorsFrom(error: unknown): SendFormErrors {
  if (!(error instanceof ApiError)) return {};
  if (error.code === 'RECIPIENT_OPTED_OUT') return { toNumber: optedOutReason(error) };
  if (error.code === 'WHATSAPP_TEMPLATE_REQUIRED') return { body: error.message };
  if (error.code === 'CHANNEL_NOT_SUPPORTED') return { channel: error.message };
  if (error.code === 'INVALID_CONTENT') return contentProblemsOf(error);
  if (error.code !== 'VALIDATION_FAILED') return {};
  const errors: SendFormErrors = {};
  for (const detail of error.details) {
    if (detail.field.startsWith('contentVariables')) {
      const name = detail.field.slice('contentVariables.'.length) || '*';
      errors.contentVariables = { ...errors.contentVariables, [name]: detail.message };
      continue;
    }
    const field = API_FIELDS[detail.field];
    if (field && !errors[field]) errors[field] = detail.message;
  }
  return errors;
}

/** INVALID_CONTENT's `context.problems` ({field, message}), joined per field: `contentVariables.<name>` per placeholder. */
function contentProblemsOf(error: ApiError): SendFormErrors {
  const problems = Array.isArray(error.context.problems) ? (error.context.problems as Array<{ field?: unknown; message?: unknown }>) : [];
  const errors: SendFormErrors = {};
  const join = (current: string | undefined, message: string) => (current ? `${current}; ${message}` : message);
  for (const { field, message } of problems) {
    if (typeof field !== 'string' || typeof message !== 'string') continue;
    if (field.startsWith('contentVariables')) {
      // `contentVariables` alone (too many, the filled-in body too long) concerns them all: '*'.
      const name = field.slice('contentVariables.'.length) || '*';
      errors.contentVariables = { ...errors.contentVariables, [name]: join(errors.contentVariables?.[name], message) };
    } else errors.contentSid = join(errors.contentSid, message);
  }
  return errors;
}

const CONSENT_SOURCE_WORDS: Record<string, string> = {
  'inbound-keyword': 'texted an opt-out keyword (STOP)',
  'twilio-21610': 'is opted out at Twilio (error 21610)',
  manual: 'was opted out by an admin',
  import: 'was opted out by an import',
};

/** The consent register's refusal, in words, for the customer number's field: who, from which sender, since when. */
export function optedOutReason(error: ApiError): string {
  const { recipient, scope, since, source } = error.context as { recipient?: string; scope?: string; since?: string; source?: string };
  const how = (source && CONSENT_SOURCE_WORDS[source]) ?? 'opted out';
  const when = since ? ` on ${new Date(since).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC` : '';
  return `${recipient ?? 'This customer'} ${how}${when} and may not be texted from ${scope ?? 'this number'}. Nothing was sent. They can text START to opt back in, or an admin can remove the opt-out on the Consent page.`;
}
