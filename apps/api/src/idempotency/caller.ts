import type { Request } from 'express';
import { callerReference, requestCaller } from '../auth/caller';

/**
 * Who is calling, as the journal, idempotency keys and cleanup jobs record it: `api-key:<id>`, `user:<id>` or
 * `bootstrap`, from the caller the auth guard established (never a key or a token).
 */
export function callerOf(request: Request): string {
  const caller = requestCaller(request);
  return caller ? callerReference(caller) : 'anonymous';
}
