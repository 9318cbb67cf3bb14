import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@flex-sms/domain';
import { randomUUID } from 'node:crypto';
import { AUTH_CLOCK } from '../auth/auth.tokens';
import { Caller, Role, callerReference } from '../auth/caller';
import { hashSecret } from '../auth/secret-hash';
import { ApiException } from '../common/api-exception';
import type { ApiKey } from './api-key';
import { generateApiKey, generateSigningSecret } from './api-key-format';
import { SqlApiKeyStore } from './sql-api-key-store';

export interface NewApiKey {
  name: string;
  role: Role;
  allowedFromNumbers?: string[];
  callbackUrl?: string;
}

/** Creating, listing, changing and revoking API keys (admins only; the controller's guard sees to that). */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly store: SqlApiKeyStore,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The new key's record, the key itself and its callback signing secret: the only time either exists outside the
   * caller's hands (the key is kept as a hash; the secret as it is, see migration 090, but never shown again).
   */
  async create(request: NewApiKey, createdBy: Caller): Promise<{ apiKey: ApiKey; key: string; signingSecret: string }> {
    const { key, prefix } = generateApiKey();
    const signingSecret = generateSigningSecret();
    const apiKey: ApiKey = {
      id: `key_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
      name: request.name,
      prefix,
      role: request.role,
      ...(request.allowedFromNumbers?.length ? { allowedFromNumbers: [...new Set(request.allowedFromNumbers)] } : {}),
      callbackUrl: request.callbackUrl ?? null,
      hasSigningSecret: true,
      createdBy: callerReference(createdBy),
      createdAt: new Date(this.clock.now()),
      lastUsedAt: null,
      revokedAt: null,
    };
    await this.store.insert(apiKey, await hashSecret(key), signingSecret);
    return { apiKey, key, signingSecret };
  }

  list(): Promise<ApiKey[]> {
    return this.store.list();
  }

  get(id: string): Promise<ApiKey | undefined> {
    return this.store.get(id);
  }

  revoke(id: string): Promise<ApiKey | undefined> {
    return this.store.revoke(id, new Date(this.clock.now()));
  }

  /** Sets or clears (null) the key's callback URL. A key needs a signing secret first: its callbacks are signed. */
  async setCallbackUrl(id: string, callbackUrl: string | null): Promise<ApiKey> {
    const key = await this.usableKey(id);
    if (callbackUrl !== null && !key.hasSigningSecret) {
      throw new ApiException(
        409,
        'SIGNING_SECRET_MISSING',
        `API key ${id} has no signing secret yet: create one (POST /api/v1/api-keys/${id}/signing-secret) first.`,
        {
          context: { apiKeyId: id },
        },
      );
    }
    return (await this.store.setCallbackUrl(id, callbackUrl)) ?? apiKeyNotFound(id);
  }

  /**
   * A new signing secret for the key, shown this once. The old one stops signing at once, callbacks already queued
   * included (each attempt is signed when it is sent): receivers should accept both while they switch.
   */
  async rotateSigningSecret(id: string): Promise<{ apiKey: ApiKey; signingSecret: string }> {
    await this.usableKey(id);
    const signingSecret = generateSigningSecret();
    const apiKey = (await this.store.setSigningSecret(id, signingSecret)) ?? apiKeyNotFound(id);
    return { apiKey, signingSecret };
  }

  private async usableKey(id: string): Promise<ApiKey> {
    const key = (await this.store.get(id)) ?? apiKeyNotFound(id);
    if (key.revokedAt) throw new ApiException(409, 'API_KEY_REVOKED', `API key ${id} is revoked.`, { context: { apiKeyId: id } });
    return key;
  }
}

/** 404 API_KEY_NOT_FOUND. */
export function apiKeyNotFound(id: string): never {
  throw new ApiException(404, 'API_KEY_NOT_FOUND', `API key ${id} was not found.`, { context: { apiKeyId: id } });
}
