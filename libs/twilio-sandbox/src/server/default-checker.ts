import type { RequestChecker } from '../spec';

interface OpenApiCatalogModule {
  loadOpenApiCatalog(): { checkRequest: RequestChecker };
}

let cached: RequestChecker | null | undefined;

/**
 * The request checker built from Twilio's OpenAPI specs (`spec/openapi-catalog`), when that module is present.
 * Loaded lazily and once per process: the specs are large.
 */
export function defaultRequestChecker(): RequestChecker | undefined {
  if (cached !== undefined) return cached ?? undefined;
  try {
    // A computed path: the catalog is written separately and may not exist yet in this build.
    const modulePath = '../spec/openapi-catalog';
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const catalogModule = require(modulePath) as Partial<OpenApiCatalogModule>;
    cached = typeof catalogModule.loadOpenApiCatalog === 'function' ? catalogModule.loadOpenApiCatalog().checkRequest : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    cached = null;
  }
  return cached ?? undefined;
}
