// The Add opt-out form's checks, before anything is sent: the same rules as the API's (which still has the last word).
import { MAX_REASON_LENGTH, type AddOptOutRequest } from './consent.types';

const E164 = /^\+[1-9]\d{1,14}$/;
const MESSAGING_SERVICE_SID = /^MG[0-9a-fA-F]{32}$/;

export type OptOutFormErrors = Partial<Record<keyof AddOptOutRequest, string>>;

export function validateOptOutForm(values: AddOptOutRequest): OptOutFormErrors {
  const errors: OptOutFormErrors = {};
  if (!E164.test(values.recipient.trim())) errors.recipient = 'Enter the customer’s number in E.164, e.g. +14155550123.';
  const scope = values.scope.trim();
  if (!(E164.test(scope) || E164.test(scope.replace(/^whatsapp:/, '')) || MESSAGING_SERVICE_SID.test(scope))) {
    errors.scope = 'Enter the sender: a Twilio number (+E164), whatsapp:+E164, or a Messaging Service SID (MG…).';
  }
  if (!values.reason.trim()) errors.reason = 'Say why, for the audit trail.';
  else if (values.reason.length > MAX_REASON_LENGTH) errors.reason = `At most ${MAX_REASON_LENGTH} characters.`;
  return errors;
}

/** The API's validation answer, field by field. */
export function optOutFieldErrorsFrom(details: readonly { field: string; message: string }[]): OptOutFormErrors {
  const errors: OptOutFormErrors = {};
  for (const { field, message } of details) {
    if ((field === 'recipient' || field === 'scope' || field === 'reason') && !errors[field]) errors[field] = message;
  }
  return errors;
}
