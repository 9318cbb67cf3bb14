// Where the console sends someone after signing in, and how it remembers the page that sent them to sign in.

export const SIGN_IN_PATH = '/sign-in';

/**
 * The page to return to, from the sign-in page's `next` parameter. Only a path on this console: `//evil.test` or
 * `https://evil.test` would turn the sign-in page into an open redirect.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith(SIGN_IN_PATH)) return '/';
  return next;
}

/** The sign-in page's URL for someone who was on `path` (with its query) when their session ended. */
export function signInUrlFor(path: string): string {
  const next = safeNextPath(path);
  return next === '/' ? SIGN_IN_PATH : `${SIGN_IN_PATH}?next=${encodeURIComponent(next)}`;
}
