// The "Create API key" form: its fields as typed, and the request they make. Mirrors the API's validation so the
// form can point at the wrong field before sending.
import type { UserRole } from '../auth/auth.types';
import { MAX_API_KEY_NAME_LENGTH, MAX_CALLBACK_URL_LENGTH, type CreateApiKeyRequest } from './api-key.types';

export interface ApiKeyFormValues {
  name: string;
  role: UserRole;
  /** Sender numbers, separated by commas, spaces or new lines; empty = any number. */
  allowedFromNumbers: string;
  /** Where the key's requests' changes are POSTed; empty = nowhere. */
  callbackUrl: string;
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
  const callbackUrl = values.callbackUrl.trim();
  const callbackUrlError = callbackUrlProblem(callbackUrl);
  if (callbackUrlError) errors.callbackUrl = callbackUrlError;
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    request: { name, role: values.role, ...(numbers.length > 0 ? { allowedFromNumbers: numbers } : {}), ...(callbackUrl ? { callbackUrl } : {}) },
  };
}

/**
 * What the form can tell about a callback URL before sending: its shape. Whether the API may POST to it (https with a
 * real Twilio account, no private addresses) depends on the API's mode, so the API says that, naming the field.
 */
export function callbackUrlProblem(text: string): string | undefined {
  if (text === '') return undefined;
  if (text.length > MAX_CALLBACK_URL_LENGTH) return `At most ${MAX_CALLBACK_URL_LENGTH} characters.`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'Not a URL: it starts with https:// (or http:// for a receiver on this machine).';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Only http and https URLs.';
  if (url.username || url.password) return 'No user name or password in the URL: put a token in its path or query instead.';
  return undefined;
}
