// Twilio's official OpenAPI specs (twilio-oai, shipped by @twilio-alpha/mcp) as the sandbox's source of truth for
// request parameters and response shapes: `loadOpenApiCatalog()` (openapi-catalog.ts) answers both.
export interface ParamProblem {
  /** The PascalCase parameter name as sent on the wire (e.g. `Integration.WorkspaceSid`); in a JSON body, the field's path (`types.twilio/text.body`). */
  param: string;
  problem: 'unknown' | 'missing' | 'invalid';
  /** For `invalid`: what the value must be. */
  reason?: string;
}

export interface RequestCheck {
  /** False when no operation of the specs matches the method and path. */
  known: boolean;
  problems: ParamProblem[];
}

/**
 * Checks a request against the spec operation for `method` + `path` on `domain` (e.g. `flex-api`, `/v1/FlexFlows`).
 * `params` holds query parameters for GET/DELETE and form parameters for POST; `jsonBody` the parsed body of an
 * operation that takes JSON (the Content API), checked against the spec's request schema.
 */
export type RequestChecker = (
  domain: string,
  method: string,
  path: string,
  params: Record<string, string | string[]>,
  jsonBody?: unknown,
) => RequestCheck;

export * from './openapi-catalog';
