import type { RequestPattern } from './fault-config';

/** Does `/<domain>/<path>` with this method match the pattern (`*` one segment, `**` any rest)? */
export function matchesPattern(pattern: RequestPattern, method: string, path: string): boolean {
  if (pattern.method && pattern.method.toUpperCase() !== method) return false;
  if (!pattern.path) return true;
  const expected = pattern.path.split('/').filter(Boolean);
  const actual = path.split('?')[0].split('/').filter(Boolean);
  for (let i = 0; i < expected.length; i++) {
    if (expected[i] === '**') return true;
    if (i >= actual.length) return false;
    if (expected[i] !== '*' && !expected[i].startsWith(':') && expected[i] !== actual[i]) return false;
  }
  return expected.length === actual.length;
}
