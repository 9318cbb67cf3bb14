import type { Request } from 'express';

/** Console roles. `operator`: send, view history, Flex Flows and Proxy sessions. `admin`: everything. */
export const ROLES = ['operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who made a request, as the guard established it: an API key from the database, a signed-in console user, or the
 * bootstrap key from the environment (always admin).
 */
export interface Caller {
  kind: 'api-key' | 'user' | 'bootstrap';
  /** The key's or the user's id (`bootstrap` for the environment's key). */
  id: string;
  /** The key's name or the user's username, for people reading logs and history. */
  name: string;
  role: Role;
  /** A key restricted to these sender numbers (E.164) may send from no other. Unset = any number. */
  allowedFromNumbers?: readonly string[];
}

/** Admins may do everything operators may. */
export function roleSatisfies(actual: Role, required: Role): boolean {
  return actual === 'admin' || actual === required;
}

/**
 * How the journal, idempotency keys and cleanup jobs record a caller: `api-key:<id>`, `user:<id>` or `bootstrap`.
 * Ids, not names: a key can be renamed, a user re-created under the same name.
 */
export function callerReference(caller: Caller): string {
  return caller.kind === 'bootstrap' ? 'bootstrap' : `${caller.kind}:${caller.id}`;
}

// Keyed by the request object itself: nothing a client sends (a header, a body field) can pose as the caller.
const callers = new WeakMap<Request, Caller>();

export function attachCaller(request: Request, caller: Caller): void {
  callers.set(request, caller);
}

/** The caller the guard authenticated; undefined on public routes called without credentials. */
export function requestCaller(request: Request): Caller | undefined {
  return callers.get(request);
}
