import { ApiError } from '../api-error';

/**
 * The API's 401: no session, or one that ended (signed out elsewhere, expired, password changed). The console's
 * answer is always the same: back to the sign-in page.
 */
export function isSignedOut(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}
