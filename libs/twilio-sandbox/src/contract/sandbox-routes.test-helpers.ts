import type { StateRef } from '../core/state';
import { twilioRoutes } from '../server/routes';
import type { OpenApiCatalog } from '../spec';

/**
 * The spec operation behind each route the sandbox serves (undefined when none), by trying each route pattern
 * with placeholder values: `/proxy/v1/Services/:ServiceSid/Sessions` → `proxy:ListSession`.
 */
export function sandboxRouteOperations(catalog: OpenApiCatalog): { route: string; operation?: string }[] {
  // Routes only read the state when they handle a request; listing them needs none.
  const routes = twilioRoutes({ current: undefined } as unknown as StateRef);
  return routes.map(({ method, pattern }) => {
    const [, domain = '', ...segments] = pattern.split('/');
    const path = `/${segments.map(placeholder).join('/')}`;
    return { route: `${method} ${pattern}`, operation: catalog.operationFor(domain, method, path)?.key };
  });
}

/** `:Sid.json` → `X.json`, `:ServiceSid` → `X`. */
function placeholder(segment: string): string {
  if (!segment.startsWith(':')) return segment;
  const suffix = segment.indexOf('.');
  return suffix === -1 ? 'X' : `X${segment.slice(suffix)}`;
}
