import { randomBytes, randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const KEY = /^(fsk_[A-Za-z0-9]{8})_[A-Za-z0-9]{40}$/;

/**
 * `fsk_<8 characters>_<40 characters>` (flex-sms key): the first part is the key's visible prefix, stored in clear to
 * find the key and to recognise it in lists and logs; the whole key is stored only as a scrypt hash. 40 characters
 * of base62 is 238 bits of secret. The fixed shape lets secret scanners (and our log redaction) spot a leaked key.
 */
export function generateApiKey(): { key: string; prefix: string } {
  const prefix = `fsk_${randomText(8)}`;
  return { key: `${prefix}_${randomText(40)}`, prefix };
}

/**
 * The secret a key's system callbacks are signed with (HMAC-SHA256): `fss_` + 256 random bits, base64url. The
 * prefix makes a leaked one recognisable; it is unrelated to the key, so rotating one leaves the other alone.
 */
export function generateSigningSecret(): string {
  return `fss_${randomBytes(32).toString('base64url')}`;
}

/** The prefix of a well-formed key, or undefined (a wrong shape is refused before any database lookup). */
export function prefixOf(presented: string): string | undefined {
  return KEY.exec(presented)?.[1];
}

function randomText(length: number): string {
  // randomInt is uniform over the alphabet (no modulo bias).
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}
