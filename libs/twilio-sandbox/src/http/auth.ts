import { timingSafeEqual } from 'node:crypto';
import type { AccountCredentials } from '../core/state';

/** HTTP Basic with the account SID as user name and the auth token as password, as Twilio's REST API takes. */
export function isAuthorized(header: string | undefined, account: AccountCredentials): boolean {
  if (!header?.startsWith('Basic ')) return false;
  const decoded = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator === -1) return false;
  return safeEqual(decoded.slice(0, separator), account.accountSid) && safeEqual(decoded.slice(separator + 1), account.authToken);
}

function safeEqual(actual: string, expected: string): boolean {
  const a = Buffer.from(actual);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
