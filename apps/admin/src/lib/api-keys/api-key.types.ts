// API keys as the API shows them (apps/api/src/api-keys): never the key itself or its signing secret, except once in
// CreatedApiKey (and the secret once more in RotatedSigningSecret).
import { SCHEMA_LIMITS, type Schema } from '../api/wire';

export type ApiKey = Schema<'ApiKeyDto'>;
export type CreateApiKeyRequest = Schema<'CreateApiKeyRequestDto'>;
export type CreatedApiKey = Schema<'CreatedApiKeyDto'>;
export type UpdateApiKeyRequest = Schema<'UpdateApiKeyRequestDto'>;
export type RotatedSigningSecret = Schema<'RotatedSigningSecretDto'>;

export const MAX_API_KEY_NAME_LENGTH = SCHEMA_LIMITS.CreateApiKeyRequestDto.name.maxLength;
export const MAX_CALLBACK_URL_LENGTH = SCHEMA_LIMITS.CreateApiKeyRequestDto.callbackUrl.maxLength;
