import type { SqlDialect } from './database';

/**
 * `column ${isAnyOf(db.dialect, '$1')}` with a JS array of text as `$1`: whether the column equals one of its
 * elements (PostgreSQL: an array parameter; SQLite has no arrays, so the adapter passes it as a JSON array).
 */
export function isAnyOf(dialect: SqlDialect, placeholder: string): string {
  return dialect === 'postgres' ? `= ANY(${placeholder}::text[])` : `IN (SELECT value FROM json_each(${placeholder}))`;
}
