// Header rules for the console's proxy. Both directions are allow-lists: the browser's own Authorization (or
// anything else it sends) never reaches the API, and hop-by-hop or encoding headers from the API never confuse the
// browser (Node's fetch has already decoded the body, so content-encoding/length would be wrong).
import { sessionCookieOf, sessionSetCookies } from './session-cookie';

// `origin` and `referer` let the API refuse a state change that did not come from the console (CSRF);
// `x-forwarded-for` lets it throttle failed sign-ins per browser rather than per console server. It is never the
// browser's own: the console's server (scripts/client-address.mjs) writes it from the connection before Next runs.
const FORWARDED_REQUEST_HEADERS = [
  'accept',
  'accept-language',
  'content-type',
  'idempotency-key',
  'if-match',
  'if-none-match',
  'origin',
  'referer',
  'x-forwarded-for',
  'x-request-id',
];

const RETURNED_RESPONSE_HEADERS = [
  'cache-control',
  'content-disposition',
  'content-type',
  'etag',
  'last-modified',
  'location',
  'retry-after',
  'x-request-id',
];

/** Rate-limit headers come in several spellings (IETF draft `ratelimit-*`, `x-ratelimit-*`); all are useful to show. */
const RETURNED_RESPONSE_HEADER_PREFIXES = ['ratelimit', 'x-ratelimit'];

export function upstreamRequestHeaders(incoming: Headers): Headers {
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = incoming.get(name);
    if (value !== null) headers.set(name, value);
  }
  const session = sessionCookieOf(incoming.get('cookie'));
  if (session) headers.set('cookie', session);
  return headers;
}

export function downstreamResponseHeaders(upstream: Headers): Headers {
  const headers = new Headers();
  upstream.forEach((value, name) => {
    const lower = name.toLowerCase();
    if (RETURNED_RESPONSE_HEADERS.includes(lower) || RETURNED_RESPONSE_HEADER_PREFIXES.some((prefix) => lower.startsWith(prefix))) {
      headers.append(lower, value);
    }
  });
  for (const line of sessionSetCookies(upstream.getSetCookie())) headers.append('set-cookie', line);
  return headers;
}
