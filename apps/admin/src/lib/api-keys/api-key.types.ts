// API keys as the API shows them (apps/api/src/api-keys): never the key itself, except once in CreatedApiKey.
import { SCHEMA_LIMITS, type Schema } from '../api/wire';

export type ApiKey = Schema<'ApiKeyDto'>;
export type CreateApiKeyRequest = Schema<'CreateApiKeyRequestDto'>;
export type CreatedApiKey = Schema<'CreatedApiKeyDto'>;

export const MAX_API_KEY_NAME_LENGTH = SCHEMA_LIMITS.CreateApiKeyRequestDto.name.maxLength;
