import type { Request } from 'express';
import { ApiException } from '../common/api-exception';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * The origin a browser says a request comes from: `Origin` (sent with every cross-origin request and every
 * same-origin one that is not GET/HEAD), else the origin of `Referer`; undefined when neither is there.
 */
export function requestOrigin(request: Request): string | undefined {
  const origin = request.header('origin');
  if (origin && origin !== 'null') return origin;
  const referer = request.header('referer');
  if (!referer) return origin === 'null' ? 'null' : undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}

/**
 * CSRF defence for cookie sessions, beside SameSite=Strict: a state-changing request signed in by cookie must come
 * from one of the console's origins (CORS_ORIGIN). `required`: a request without any origin is refused too (a
 * browser always sends one on POST/PATCH/DELETE, so only a non-browser client lacks it, and it should use an API
 * key). Sign-in itself passes `required: false`, so scripts without an Origin can still sign in.
 */
export function assertTrustedOrigin(request: Request, trusted: readonly string[], options: { required: boolean }): void {
  const origin = requestOrigin(request);
  if (origin === undefined && !options.required) return;
  if (origin !== undefined && trusted.includes(origin)) return;
  throw new ApiException(
    403,
    'UNTRUSTED_ORIGIN',
    origin === undefined ? 'This request needs an Origin header.' : `Requests from ${origin} are not accepted.`,
  );
}
