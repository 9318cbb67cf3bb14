import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@flex-sms/domain';
import { randomUUID } from 'node:crypto';
import { AUTH_CLOCK } from '../auth/auth.tokens';
import { Caller, Role, callerReference } from '../auth/caller';
import { hashSecret } from '../auth/secret-hash';
import type { ApiKey } from './api-key';
import { generateApiKey } from './api-key-format';
import { SqlApiKeyStore } from './sql-api-key-store';

export interface NewApiKey {
  name: string;
  role: Role;
  allowedFromNumbers?: string[];
}

/** Creating, listing and revoking API keys (admins only; the controller's guard sees to that). */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly store: SqlApiKeyStore,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
  ) {}

  /** The new key's record and the key itself: the only time the key exists outside the caller's hands. */
  async create(request: NewApiKey, createdBy: Caller): Promise<{ apiKey: ApiKey; key: string }> {
    const { key, prefix } = generateApiKey();
    const apiKey: ApiKey = {
      id: `key_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
      name: request.name,
      prefix,
      role: request.role,
      ...(request.allowedFromNumbers?.length ? { allowedFromNumbers: [...new Set(request.allowedFromNumbers)] } : {}),
      createdBy: callerReference(createdBy),
      createdAt: new Date(this.clock.now()),
      lastUsedAt: null,
      revokedAt: null,
    };
    await this.store.insert(apiKey, await hashSecret(key));
    return { apiKey, key };
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
}
