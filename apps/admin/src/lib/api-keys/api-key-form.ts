// The "Create API key" form: its fields as typed, and the request they make. Mirrors the API's validation so the
// form can point at the wrong field before sending.
import type { UserRole } from '../auth/auth.types';
import { MAX_API_KEY_NAME_LENGTH, type CreateApiKeyRequest } from './api-key.types';

export interface ApiKeyFormValues {
  name: string;
  role: UserRole;
  /** Sender numbers, separated by commas, spaces or new lines; empty = any number. */
  allowedFromNumbers: string;
}

export type ApiKeyFormErrors = Partial<Record<keyof ApiKeyFormValues, string>>;

const E164 = /^\+[1-9]\d{1,14}$/;

export function parseNumberList(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
}

export function validateApiKeyForm(values: ApiKeyFormValues): { request?: CreateApiKeyRequest; errors: ApiKeyFormErrors } {
  const errors: ApiKeyFormErrors = {};
  const name = values.name.trim();
  if (name === '') errors.name = 'Name the key after what will use it.';
  else if (name.length > MAX_API_KEY_NAME_LENGTH) errors.name = `At most ${MAX_API_KEY_NAME_LENGTH} characters.`;
  const numbers = parseNumberList(values.allowedFromNumbers);
  const wrong = numbers.filter((number) => !E164.test(number));
  if (wrong.length > 0) errors.allowedFromNumbers = `Not in E.164 format (+15551234567): ${wrong.join(', ')}`;
  // An admin key manages keys, users and every number: a restriction would not hold, so the API refuses it.
  else if (numbers.length > 0 && values.role === 'admin') errors.allowedFromNumbers = 'Only operator keys can be restricted to sender numbers.';
  if (Object.keys(errors).length > 0) return { errors };
  return { errors, request: { name, role: values.role, ...(numbers.length > 0 ? { allowedFromNumbers: numbers } : {}) } };
}
