import { Inject, Injectable } from '@nestjs/common';
import { DATABASE, Database } from '../store/database';
import { isAnyOf } from '../store/sql-fragments';

/** What people read for a caller reference: the username, the API key's name, or "bootstrap key". */
export const BOOTSTRAP_CALLER_NAME = 'bootstrap key';

/**
 * Names of the callers the journal, idempotency keys and cleanup jobs record by reference (`user:<id>`,
 * `api-key:<id>`, `bootstrap`): references stay stable when a key is renamed, people read names. One query per
 * kind for a whole page; a deleted user or key has no name (null) and is shown by its reference.
 */
@Injectable()
export class CallerDirectory {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async namesOf(references: readonly string[]): Promise<Map<string, string | null>> {
    const unique = [...new Set(references)];
    const idsOf = (prefix: string) => unique.filter((reference) => reference.startsWith(prefix)).map((reference) => reference.slice(prefix.length));
    const ofIds = `id ${isAnyOf(this.db.dialect, '$1')}`;
    const [users, keys] = await Promise.all([
      this.lookUp(`SELECT id, username AS name FROM console_user WHERE ${ofIds}`, idsOf('user:')),
      this.lookUp(`SELECT id, name FROM api_key WHERE ${ofIds}`, idsOf('api-key:')),
    ]);
    return new Map(
      unique.map((reference) => {
        if (reference === 'bootstrap') return [reference, BOOTSTRAP_CALLER_NAME];
        if (reference.startsWith('user:')) return [reference, users.get(reference.slice('user:'.length)) ?? null];
        if (reference.startsWith('api-key:')) return [reference, keys.get(reference.slice('api-key:'.length)) ?? null];
        return [reference, null];
      }),
    );
  }

  private async lookUp(sql: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.query<{ id: string; name: string }>(sql, [ids]);
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}
