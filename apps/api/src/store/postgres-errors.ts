import { DatabaseUnavailable } from './database-unavailable';

/**
 * SQLSTATE classes that mean "the database cannot serve us now", not "this statement is wrong"
 * (https://www.postgresql.org/docs/current/errcodes-appendix.html): 08 connection exception, 53 insufficient
 * resources (53100 disk full, 53200 out of memory), 58 system error (58030 I/O error), and 57P01–57P05 (admin
 * shutdown, crash shutdown, cannot connect now, database dropped, idle session timeout).
 */
const UNAVAILABLE_SQLSTATE = /^(08|53|58)|^57P0[1-5]$/;

/** Socket errors of a server that is down or unreachable. */
const UNREACHABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
]);

/** What `pg` says when a connection died under it, or could not be made in time. */
const LOST_CONNECTION =
  /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Cannot use a pool after calling end)/;

/**
 * The DatabaseUnavailable an error of PostgreSQL (through `pg`) stands for, or undefined when it is an
 * ordinary failure of the statement (a constraint, a syntax error…). FATAL and PANIC end the session whatever
 * their code. Its message quotes the server only for the SQLSTATEs above, whose messages name no user or secret.
 */
export function asDatabaseUnavailable(error: unknown): DatabaseUnavailable | undefined {
  if (error instanceof DatabaseUnavailable) return error;
  const { code, message, severity } = (error ?? {}) as { code?: unknown; message?: unknown; severity?: unknown };
  const text = typeof message === 'string' ? message : String(error);
  if (typeof code === 'string' && UNAVAILABLE_SQLSTATE.test(code)) return new DatabaseUnavailable(`${code} ${text}`, { cause: error });
  // The code only: such a message may name the database user (28P01 "password authentication failed for user …").
  if (severity === 'FATAL' || severity === 'PANIC')
    return new DatabaseUnavailable(`${typeof code === 'string' ? code : 'error'} (${severity}: the session ended)`, { cause: error });
  if (typeof code === 'string' && UNREACHABLE_ERRNO.has(code)) return new DatabaseUnavailable(`unreachable (${code})`, { cause: error });
  if (LOST_CONNECTION.test(text)) return new DatabaseUnavailable(text, { cause: error });
  return undefined;
}

/** `.catch(rethrowAsUnavailable)`: rethrows `error`, as a DatabaseUnavailable when it is one. */
export function rethrowAsUnavailable(error: unknown): never {
  throw asDatabaseUnavailable(error) ?? error;
}
