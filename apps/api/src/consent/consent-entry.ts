import { Sid } from '@flex-sms/domain';
import { ValidateBy, ValidationOptions, buildMessage } from 'class-validator';
import type { FieldError } from '../common/error-body';
import { fieldsWithForbiddenCharacters } from '../common/validation/forbidden-characters';
import { toE164 } from '../common/validation/phone-number.validators';

/** A reason is a sentence for the audit trail, not a document. */
export const MAX_CONSENT_REASON_LENGTH = 500;

const SCOPE_RULE = 'a sender number in E.164 (+15551234567), whatsapp: followed by one, or a Messaging Service SID (MG followed by 32 hex digits)';

/** The scope as the register keys it (a number in E.164, whatsapp:+E164, or an MG SID), or undefined. */
export function toConsentScope(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.startsWith('whatsapp:')) {
    const number = toE164(value.slice('whatsapp:'.length));
    return number ? `whatsapp:${number}` : undefined;
  }
  return Sid.isSid(value, 'MG') ? value : toE164(value);
}

export function IsConsentScope(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isConsentScope',
      validator: {
        validate: (value) => toConsentScope(value) !== undefined,
        defaultMessage: buildMessage((each) => `${each}$property must be ${SCOPE_RULE}`, options),
      },
    },
    options,
  );
}

export interface ConsentEntry {
  recipient: string;
  scope: string;
  reason: string | null;
}

/** One row of an import, checked as the API's DTOs check a request: every bad field named. */
export function checkConsentEntry(row: Record<string, string | undefined>): { entry: ConsentEntry } | { problems: FieldError[] } {
  const problems: FieldError[] = fieldsWithForbiddenCharacters(row);
  const recipient = toE164(row.recipient?.trim());
  const scope = toConsentScope(row.scope?.trim());
  const reason = row.reason?.trim() || null;
  if (!recipient) problems.push({ field: 'recipient', message: 'recipient must be a phone number in E.164 format, e.g. +15551234567' });
  if (!scope) problems.push({ field: 'scope', message: `scope must be ${SCOPE_RULE}` });
  if (reason && reason.length > MAX_CONSENT_REASON_LENGTH)
    problems.push({ field: 'reason', message: `reason must be at most ${MAX_CONSENT_REASON_LENGTH} characters` });
  if (problems.length > 0 || !recipient || !scope) return { problems };
  return { entry: { recipient, scope, reason } };
}
