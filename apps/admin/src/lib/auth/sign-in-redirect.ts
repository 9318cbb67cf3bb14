// Where the console sends someone after signing in, and how it remembers the page that sent them to sign in.

export const SIGN_IN_PATH = '/sign-in';

/**
 * The page to return to, from the sign-in page's `next` parameter: only a page of this console. `next` is resolved
 * against the console's own origin the way the browser will resolve it, and must stay there: prefix checks alone miss
 * spellings the URL parser rewrites (`/\t/evil.test`, with the tab dropped, is `//evil.test`). The answer is the
 * resolved path, so what is checked is what the router gets.
 */
export function safeNextPath(next: string | null | undefined, origin: string): string {
  if (!next || !next.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return '/';
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/.//evil.test` resolves on this origin to the path `//evil.test`, which the router would read as another host.
  if (url.origin !== new URL(origin).origin || path.startsWith('//') || path.startsWith(SIGN_IN_PATH)) return '/';
  return path;
}

/** The sign-in page's URL for someone who was on `path` (with its query) when their session ended. */
export function signInUrlFor(path: string, origin: string): string {
  const next = safeNextPath(path, origin);
  return next === '/' ? SIGN_IN_PATH : `${SIGN_IN_PATH}?next=${encodeURIComponent(next)}`;
}
