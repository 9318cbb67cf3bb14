import { createHash, createHmac } from 'node:crypto';

/**
 * `X-Twilio-Signature` as Twilio computes it (twilio-node `getExpectedTwilioSignature`, webhooks/webhooks.ts; Twilio
 * docs "Webhooks security"): HMAC-SHA1 keyed with the account's auth token over the full URL the request goes to
 * (query string included, no fragment), followed by each POST parameter name and value, sorted by name (a repeated
 * name: its values sorted), base64. A GET request or a JSON body signs the URL alone.
 */
export function twilioSignature(authToken: string, url: string, params: Record<string, string | string[]> = {}): string {
  let data = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    for (const item of Array.isArray(value) ? [...new Set(value)].sort() : [value]) data += name + item;
  }
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf-8')).digest('base64');
}

/**
 * A JSON body is signed through its hash: Twilio appends `bodySHA256=<hex SHA-256 of the body>` to the query string
 * and signs that URL with no parameters (twilio-node `validateRequestWithBody` checks both halves).
 */
export function withBodySha256(url: string, body: string): string {
  const hash = createHash('sha256').update(Buffer.from(body, 'utf-8')).digest('hex');
  return `${url}${url.includes('?') ? '&' : '?'}bodySHA256=${hash}`;
}
