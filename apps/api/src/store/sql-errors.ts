/**
 * Constraint violations by kind, whichever dialect raised them: PostgreSQL's SQLSTATE (`pg`'s `error.code`) or
 * SQLite's extended result code (better-sqlite3's `error.code`). Stores ask these instead of comparing codes.
 */
const UNIQUE_VIOLATION = new Set(['23505', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);
const FOREIGN_KEY_VIOLATION = new Set(['23503', 'SQLITE_CONSTRAINT_FOREIGNKEY']);

/** A unique index or primary key refused the row. */
export function isUniqueViolation(error: unknown): boolean {
  return UNIQUE_VIOLATION.has(codeOf(error));
}

/** The row refers to a parent row that does not exist. */
export function isForeignKeyViolation(error: unknown): boolean {
  return FOREIGN_KEY_VIOLATION.has(codeOf(error));
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}
