import { createHmac } from 'node:crypto';

/**
 * `sha256=<hex>`: the HMAC-SHA256 of the raw body bytes under the key's signing secret. A receiver computes the same
 * over the bytes it received (before any JSON parsing) and compares in constant time.
 */
export function signCallback(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
