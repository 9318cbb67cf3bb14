// API keys as the API shows them (apps/api/src/api-keys): never the key itself, except once in CreatedApiKey.
import type { UserRole } from '../auth/auth.types';

export interface ApiKey {
  id: string;
  name: string;
  /** The key's visible start (`fsk_Ab3dE6gH`): how a person tells keys apart. */
  prefix: string;
  role: UserRole;
  allowedFromNumbers?: string[];
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreateApiKeyRequest {
  name: string;
  role: UserRole;
  allowedFromNumbers?: string[];
}

export interface CreatedApiKey {
  apiKey: ApiKey;
  /** Shown once: only its hash is stored. */
  key: string;
}
