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
}

export type SendFormField = keyof SendFormValues;
export type SendFormErrors = Partial<Record<SendFormField, string>>;

export const EMPTY_SEND_FORM: SendFormValues = {
  fromNumber: '',
  toName: '',
  toNumber: '',
  body: '',
  sourceChatChannelSid: '',
  targetWorkerSid: '',
  taskAttributes: '',
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

/** Every problem with the form at once, keyed by field; empty when it can be sent. */
export function validateSendForm(kind: SendKind, values: SendFormValues): SendFormErrors {
  const errors: SendFormErrors = {
    fromNumber: phoneError(values.fromNumber),
    toName: textError(values.toName, 'the customer’s name', MAX_NAME_LENGTH, true),
    toNumber: phoneError(values.toNumber),
    body: textError(values.body, 'the message', MAX_SMS_BODY_LENGTH, kind === 'message'),
  };
  if (!errors.fromNumber && !errors.toNumber && values.fromNumber === values.toNumber) {
    errors.toNumber = 'The customer’s number must differ from the number you send from.';
  }
  if (kind === 'task') {
    errors.sourceChatChannelSid = sidError(values.sourceChatChannelSid, 'CH');
    errors.targetWorkerSid = sidError(values.targetWorkerSid, 'WK');
    errors.taskAttributes = attributesError(values.taskAttributes);
  }
  return Object.fromEntries(Object.entries(errors).filter(([, message]) => message !== undefined));
}

export function toInitiateAgentSmsRequest(values: SendFormValues): InitiateAgentSmsRequest {
  return {
    fromNumber: values.fromNumber,
    toName: values.toName,
    toNumber: values.toNumber,
    ...(values.body ? { initialMessage: values.body } : {}),
    ...(values.sourceChatChannelSid ? { sourceChatChannelSid: values.sourceChatChannelSid } : {}),
    ...(values.targetWorkerSid ? { targetWorkerSid: values.targetWorkerSid } : {}),
    ...(values.taskAttributes.trim() ? { taskAttributes: JSON.parse(values.taskAttributes) as Record<string, unknown> } : {}),
  };
}

export function toSendSystemSmsRequest(values: SendFormValues): SendSystemSmsRequest {
  return { fromNumber: values.fromNumber, toName: values.toName, toNumber: values.toNumber, messageBody: values.body };
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
};

/** The API's own validation answer (400 VALIDATION_FAILED), placed on the form's fields it names. */
export function fieldErrorsFrom(error: unknown): SendFormErrors {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return {};
  const errors: SendFormErrors = {};
  for (const detail of error.details) {
    const field = API_FIELDS[detail.field];
    if (field && !errors[field]) errors[field] = detail.message;
  }
  return errors;
}
