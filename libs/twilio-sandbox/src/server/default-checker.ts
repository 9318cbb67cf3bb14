import type { RequestChecker } from '../spec';
import { loadOpenApiCatalog } from '../spec/openapi-catalog';

/**
 * The request checker built from Twilio's OpenAPI specs: requests with parameters the spec does not know, or without
 * required ones, get Twilio's 400 — so the product never learns a habit real Twilio would punish. Loaded on first use:
 * the specs are large.
 */
export function defaultRequestChecker(): RequestChecker {
  return loadOpenApiCatalog().checkRequest;
}
