import { createHash } from 'node:crypto';
import type { Request } from 'express';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Who is calling, as the journal and the idempotency keys record it. Today the only credential is the API key the
 * guard checked, so the caller is a short digest of it (never the key itself: it ends up in the database and in
 * audit views). When real keys or users arrive, this is the one place that names them.
 */
export function callerOf(request: Request): string {
  const token = BEARER.exec(request.header('authorization') ?? '')?.[1];
  if (!token) return 'anonymous';
  return `api-key:${createHash('sha256').update(token).digest('hex').slice(0, 16)}`;
}
