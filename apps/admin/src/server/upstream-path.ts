// Which API paths the console's proxy forwards. Only the API's versioned resources and its health checks: the
// proxy must not become a way for the browser to reach anything else the API serves (Swagger UI, internals).

/** First path segment under the console's `/api` → path prefix on the API. */
const FORWARDED_PREFIXES: Record<string, string> = {
  v1: '/api/v1',
  health: '/health',
};

/**
 * Maps the segments after `/api/` (already URL-decoded by Next) to the API path, or `null` when the path is not
 * one the console forwards. Dot segments are refused: URL normalisation would otherwise climb out of the prefix.
 */
export function resolveUpstreamPath(segments: readonly string[]): string | null {
  const [first, ...rest] = segments;
  if (first === undefined) return null;
  const prefix = FORWARDED_PREFIXES[first];
  if (prefix === undefined) return null;
  if (rest.some((segment) => segment === '' || segment === '.' || segment === '..')) return null;
  return [prefix, ...rest.map(encodeURIComponent)].join('/');
}
