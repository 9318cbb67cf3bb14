import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@flex-sms/domain';
import { AUTH_CLOCK } from '../auth/auth.tokens';
import { Caller } from '../auth/caller';
import { sha256, verifySecret } from '../auth/secret-hash';
import type { ApiKey } from './api-key';
import { prefixOf } from './api-key-format';
import { SqlApiKeyStore } from './sql-api-key-store';

/** How long a verified key skips scrypt. The row is still read on every request, so revocation is immediate. */
export const VERIFIED_KEY_TTL_MS = 5 * 60_000;
const MAX_CACHED_KEYS = 1_000;
/** last_used_at is a "when did this key last call", not an audit log: one write a minute per key is plenty. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Verifies `Authorization: Bearer fsk_…` keys: the prefix finds the row (one indexed read, which also sees a
 * revocation or a role change at once), then scrypt compares the whole key. Successful comparisons are remembered
 * in memory (by a sha256 of the key, never the key) for a few minutes, so a busy integration pays scrypt once, not
 * on every request.
 */
@Injectable()
export class ApiKeyVerifier {
  private readonly verified = new Map<string, { keyId: string; until: number }>();

  constructor(
    private readonly store: SqlApiKeyStore,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
  ) {}

  async verify(presented: string): Promise<Caller | undefined> {
    const prefix = prefixOf(presented);
    if (!prefix) return undefined;
    const credential = await this.store.findCredential(prefix);
    if (!credential || credential.key.revokedAt) return undefined;
    if (!(await this.matches(presented, credential.key.id, credential.keyHash))) return undefined;
    await this.recordUse(credential.key);
    return toCaller(credential.key);
  }

  private async matches(presented: string, keyId: string, keyHash: string): Promise<boolean> {
    const cacheKey = sha256(presented);
    const now = this.clock.now();
    const cached = this.verified.get(cacheKey);
    if (cached && cached.keyId === keyId && cached.until > now) return true;
    if (!(await verifySecret(presented, keyHash))) return false;
    this.remember(cacheKey, { keyId, until: now + VERIFIED_KEY_TTL_MS });
    return true;
  }

  private remember(cacheKey: string, entry: { keyId: string; until: number }): void {
    this.verified.delete(cacheKey);
    this.verified.set(cacheKey, entry);
    // A Map iterates in insertion order: the first entry is the oldest.
    if (this.verified.size > MAX_CACHED_KEYS) this.verified.delete(this.verified.keys().next().value as string);
  }

  private async recordUse(key: ApiKey): Promise<void> {
    const now = this.clock.now();
    if (key.lastUsedAt && now - new Date(key.lastUsedAt).getTime() < LAST_USED_RESOLUTION_MS) return;
    await this.store.recordUse(key.id, new Date(now));
  }
}

function toCaller(key: ApiKey): Caller {
  return {
    kind: 'api-key',
    id: key.id,
    name: key.name,
    role: key.role,
    ...(key.allowedFromNumbers ? { allowedFromNumbers: key.allowedFromNumbers } : {}),
  };
}
