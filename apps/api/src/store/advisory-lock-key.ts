import { createHash } from 'node:crypto';

/**
 * PostgreSQL advisory locks are named by a 64-bit integer: this maps a lock name to one (the first 8 bytes of its
 * SHA-256, as a signed bigint, in decimal for a `$1::bigint` parameter). Names are prefixed so our locks cannot
 * collide with another application's advisory locks on a shared database.
 */
export function advisoryLockKey(name: string): string {
  const digest = createHash('sha256').update(`flex-sms:${name}`).digest();
  return digest.readBigInt64BE(0).toString();
}
