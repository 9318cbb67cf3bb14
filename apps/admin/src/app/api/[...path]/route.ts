// Same-origin entry point for every API call the browser makes (see src/lib/api-client.ts).
import { proxyToApi } from '../../../server/api-proxy';
import { readApiProxyConfig } from '../../../server/api-proxy-config';

// Configuration is read per request (API_URL may differ between `next build` and `next start`) and nothing here
// may be cached or prerendered.
export const dynamic = 'force-dynamic';

interface RouteContext {
  params: Promise<{ path: string[] }>;
}

async function handle(request: Request, context: RouteContext): Promise<Response> {
  const { path } = await context.params;
  return proxyToApi(request, path, readApiProxyConfig());
}

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
