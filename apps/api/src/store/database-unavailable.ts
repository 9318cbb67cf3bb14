/**
 * The database cannot be reached, or cannot write, right now: connection refused or lost, the server shutting down
 * or restarting (a managed database's failover or maintenance), the disk full, an I/O error. Neither the caller's
 * fault nor a bug: the API answers 503 DATABASE_UNAVAILABLE with Retry-After, readiness reports the database down,
 * and everything resumes by itself once the database answers again.
 *
 * Each Database adapter maps its engine's errors to this one class (the original is the `cause`); the rest of the
 * API only ever tests for it. `message` is short and safe to show an operator (readiness quotes it): never a
 * password or a connection string.
 */
export class DatabaseUnavailable extends Error {
  override readonly name = 'DatabaseUnavailable';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
