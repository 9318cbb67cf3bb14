import type { Params } from './params';
import { invalidParameter } from './twilio-error';

/**
 * A URL Twilio is to call (`StatusCallback`, `CallbackUrl`, `PostWebhookUrl`…): an absolute http(s) URL, as Twilio
 * requires, or empty to clear it (returned as ''). Connection overrides ride in the fragment (`#rc=3&rp=5xx`).
 */
export function callbackUrl(params: Params, name: string): string | undefined {
  const value = params.string(name);
  if (value === undefined || value === '') return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidParameter(name, `'${value}' is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalidParameter(name, `'${value}' is not an http(s) URL`);
  return value;
}
