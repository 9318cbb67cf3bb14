// The API's wire contract, as the console compiles against it: generated from the API's OpenAPI document
// (apps/api/openapi.json) by tools/scripts/generate-api-types.mjs. Each resource's *.types.ts names the schemas it
// reads (`type FlexFlow = Schema<'FlexFlowDto'>`), so components read in the console's words.
import type { components } from './schema';

export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
export { PARAMETER_LIMITS, SCHEMA_LIMITS } from './limits';
