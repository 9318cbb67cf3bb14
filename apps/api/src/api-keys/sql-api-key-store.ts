import { Inject, Injectable } from '@nestjs/common';
import { DATABASE, Database, PREPARED } from '../store/database';
import type { Role } from '../auth/caller';
import type { ApiKey } from './api-key';

interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  allowed_from_numbers: string[] | null;
  callback_url: string | null;
  // An expression has no declared type: SQLite answers 0/1, PostgreSQL a boolean.
  has_signing_secret: boolean | number;
  created_by: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const COLUMNS =
  'id, name, prefix, role, allowed_from_numbers, callback_url, (callback_secret IS NOT NULL) AS has_signing_secret, created_by, created_at, last_used_at, revoked_at';

/**
 * API keys on the API's database (table `api_key`). The hash is read only by `findCredential`, the signing secret
 * only by `signingSecretOf` (the callback sender): neither is ever part of an ApiKey.
 */
@Injectable()
export class SqlApiKeyStore {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async insert(key: ApiKey, keyHash: string, signingSecret: string): Promise<void> {
    await this.db.query(
      `INSERT INTO api_key (id, name, prefix, key_hash, role, allowed_from_numbers, callback_url, callback_secret, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [key.id, key.name, key.prefix, keyHash, key.role, key.allowedFromNumbers ?? null, key.callbackUrl, signingSecret, key.createdBy, key.createdAt],
    );
  }

  async list(): Promise<ApiKey[]> {
    const rows = await this.db.query<ApiKeyRow>(`SELECT ${COLUMNS} FROM api_key ORDER BY created_at DESC, id`);
    return rows.map(toApiKey);
  }

  async get(id: string): Promise<ApiKey | undefined> {
    const [row] = await this.db.query<ApiKeyRow>(`SELECT ${COLUMNS} FROM api_key WHERE id = $1`, [id]);
    return row ? toApiKey(row) : undefined;
  }

  /** The key with this prefix and its hash, for verification. */
  async findCredential(prefix: string): Promise<{ key: ApiKey; keyHash: string } | undefined> {
    const [row] = await this.db.query<ApiKeyRow & { key_hash: string }>(
      `SELECT ${COLUMNS}, key_hash FROM api_key WHERE prefix = $1`,
      [prefix],
      PREPARED,
    );
    return row ? { key: toApiKey(row), keyHash: row.key_hash } : undefined;
  }

  /** Revokes the key unless it already is; undefined when there is no such key. */
  async revoke(id: string, at: Date): Promise<ApiKey | undefined> {
    await this.db.query('UPDATE api_key SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, at]);
    return this.get(id);
  }

  async recordUse(id: string, at: Date): Promise<void> {
    await this.db.query('UPDATE api_key SET last_used_at = $2 WHERE id = $1', [id, at]);
  }

  /** Sets (or clears, with null) the key's callback URL; undefined when there is no such key. */
  async setCallbackUrl(id: string, callbackUrl: string | null): Promise<ApiKey | undefined> {
    await this.db.query('UPDATE api_key SET callback_url = $2 WHERE id = $1', [id, callbackUrl]);
    return this.get(id);
  }

  /** Replaces the key's signing secret; undefined when there is no such key. */
  async setSigningSecret(id: string, signingSecret: string): Promise<ApiKey | undefined> {
    await this.db.query('UPDATE api_key SET callback_secret = $2 WHERE id = $1', [id, signingSecret]);
    return this.get(id);
  }

  /** The secret that signs the key's callbacks now; undefined when the key is gone, revoked, or has none. */
  async signingSecretOf(id: string): Promise<string | undefined> {
    const [row] = await this.db.query<{ callback_secret: string | null }>(
      'SELECT callback_secret FROM api_key WHERE id = $1 AND revoked_at IS NULL',
      [id],
    );
    return row?.callback_secret ?? undefined;
  }
}

function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    ...(row.allowed_from_numbers ? { allowedFromNumbers: row.allowed_from_numbers } : {}),
    callbackUrl: row.callback_url,
    hasSigningSecret: Boolean(row.has_signing_secret),
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
