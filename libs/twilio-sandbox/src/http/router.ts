import type { Route } from './route';

export interface RouteMatch {
  route: Route;
  pathParams: Record<string, string>;
}

interface CompiledRoute {
  route: Route;
  segments: string[];
}

/**
 * Matches `/<domain>/<path>` against route patterns segment by segment. Literal segments win over parameters, so
 * `/v1/Services/:Sid` never swallows a literal sibling.
 */
export class Router {
  private readonly routes: CompiledRoute[] = [];

  constructor(routes: Route[]) {
    for (const route of routes) this.routes.push({ route, segments: splitPath(route.pattern) });
    // More literal segments first: the most specific pattern wins.
    this.routes.sort((a, b) => literalCount(b.segments) - literalCount(a.segments));
  }

  match(method: string, path: string): RouteMatch | undefined {
    const segments = splitPath(path);
    for (const compiled of this.routes) {
      if (compiled.route.method !== method) continue;
      const pathParams = matchSegments(compiled.segments, segments);
      if (pathParams) return { route: compiled.route, pathParams };
    }
    return undefined;
  }

  /** True when some route serves this path with another method (a 405 on Twilio, a 404 body here too). */
  knowsPath(path: string): boolean {
    const segments = splitPath(path);
    return this.routes.some((compiled) => matchSegments(compiled.segments, segments) !== undefined);
  }
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

function literalCount(segments: string[]): number {
  return segments.filter((segment) => !segment.startsWith(':')).length;
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i];
    const segment = actual[i];
    if (expected.startsWith(':')) {
      const suffix = expected.includes('.') ? expected.slice(expected.indexOf('.')) : '';
      if (suffix && !segment.endsWith(suffix)) return undefined;
      const name = suffix ? expected.slice(1, expected.indexOf('.')) : expected.slice(1);
      const value = suffix ? segment.slice(0, -suffix.length) : segment;
      if (!value) return undefined;
      params[name] = safeDecode(value);
    } else if (expected !== segment) {
      return undefined;
    }
  }
  return params;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
