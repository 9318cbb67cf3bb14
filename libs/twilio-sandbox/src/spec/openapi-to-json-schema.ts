import { fromSchema } from '@openapi-contrib/openapi-schema-to-json-schema';
import type { OpenApiSchema } from './openapi.types';

export type JsonSchema = Record<string, unknown>;

/** A per-schema hook of the library (`beforeTransform`, `afterTransform`); it types schemas as its own models. */
type Transform = (schema: JsonSchema) => JsonSchema;
type Options = NonNullable<Parameters<typeof fromSchema>[1]>;

const COMPONENT_REF = '#/components/schemas/';

/** Keywords Twilio's specs use that the translation keeps, translates or drops; any other one is refused. */
const UNDERSTOOD = new Set([
  'type',
  'format',
  'enum',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  '$ref',
  'nullable',
  'properties',
  'required',
  'items',
  'additionalProperties',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
]);

/** Keywords that only document: nothing to validate, and ajv's strict mode would question some of them. */
const ANNOTATIONS = ['description', 'title', 'example', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly', 'externalDocs'];

/**
 * Twilio formats that describe an object rather than a string; the spec spells out their members (or, for
 * `uri-map`, we do), so the format itself has nothing left to check.
 */
const OBJECT_FORMATS = new Set(['uri-map', 'phone-number-capabilities', 'ice-server']);

/**
 * Twilio's Java generator marks objects whose null members are left out of the JSON with this annotation
 * (`capabilities` of phone numbers): only for these may a declared member be absent.
 */
const OMITS_NULL_MEMBERS = 'JsonInclude.Include.NON_NULL';

/**
 * Twilio names relative references `uri`, `*_uri` and `subresource_uris` (API 2010: `/2010-04-01/Accounts/…`) and
 * absolute ones `url`, `*_url`, yet the spec gives both `format: uri`, which JSON Schema reserves for absolute URIs.
 */
const RELATIVE_URI_PROPERTY = /(^|_)uris?$/;

/**
 * What the schema checks: a response Twilio sent (every declared field present), or a request body a client sends
 * (only the spec's `required` fields must be there). Objects are closed either way: a field the spec does not
 * declare is refused in a request, as an unknown form parameter is.
 */
export type SchemaDirection = 'response' | 'request';

/**
 * Translates one OpenAPI 3.0 schema of Twilio's specs into a strict JSON Schema for ajv. The OpenAPI part
 * (`nullable: true` adds `null` to the type and to the enum; OpenAPI-only keywords go) is
 * @openapi-contrib/openapi-schema-to-json-schema's; what this adds is what Twilio's specs mean:
 * - every object that declares properties is closed (`additionalProperties: false`) and requires all of them,
 *   because Twilio sends every declared field (null when empty) and nothing else: without this, any body would
 *   "match" schemas that never set `additionalProperties`;
 * - `format: uri-map` (the `links` objects) becomes an object of URI strings, null for a link with no target
 *   (Twilio's own example of a Chat Channel has `links.last_message: null`);
 * - `uri`, `*_uri` and `*_uris` properties hold relative URI references (see RELATIVE_URI_PROPERTY);
 * - `$ref`s to component schemas point into `$defs`; their names are added to `refs` for bundling;
 * - annotations and `x-` extensions go.
 * Unknown keywords throw, so a construct the translation does not understand cannot be skipped silently.
 */
export function toJsonSchema(schema: OpenApiSchema, refs: Set<string>, direction: SchemaDirection = 'response'): JsonSchema {
  const hooks = { beforeTransform: refuseUnknownKeywords, afterTransform: twilioMeaning(refs, direction) } as unknown as Options;
  // One copy up front: the library's own `cloneSchema` copies again at every level of nesting.
  const translated = fromSchema(structuredClone(schema), { cloneSchema: false, ...hooks });
  // The library labels its output draft-04; ajv reads these schemas as its default draft.
  delete translated.$schema;
  return translated as JsonSchema;
}

/**
 * A self-contained JSON Schema for `root`: the translated schema plus, under `$defs`, every component schema it
 * reaches through `$ref`s (transitively), and nothing else, so compiling it stays cheap.
 */
export function bundleJsonSchema(
  root: OpenApiSchema,
  components: Record<string, OpenApiSchema>,
  direction: SchemaDirection = 'response',
): JsonSchema {
  const refs = new Set<string>();
  const bundled = toJsonSchema(root, refs, direction);
  const defs: Record<string, JsonSchema> = {};
  const pending = [...refs];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (defs[name]) continue;
    const component = components[name];
    if (!component) throw new Error(`Unresolved $ref to component schema "${name}"`);
    const found = new Set<string>();
    defs[name] = toJsonSchema(component, found, direction);
    if (direction === 'request') relaxRequired(defs[name], OPTIONAL_IN_REQUESTS[name]);
    // Enums are the one kind of field reached through `$ref`, and OpenAPI 3.0 ignores `nullable` beside a `$ref`:
    // the spec cannot say they may be null, yet Twilio sends null there (its own examples of a Proxy
    // MessageInteraction's `inbound_resource_status`), as for every other field of these models.
    if (component.enum) allowNull(defs[name]);
    pending.push(...[...found].filter((next) => !defs[next]));
  }
  return Object.keys(defs).length > 0 ? { ...bundled, $defs: defs } : bundled;
}

/**
 * Members the spec requires in a request component that Twilio's own documented requests leave out, and Twilio
 * takes: the Content API quickstart and "Content API public endpoints" create quick-reply actions as `{title, id}`,
 * without the `type` (`QUICK_REPLY`) twilio_content_v1.json requires.
 */
const OPTIONAL_IN_REQUESTS: Readonly<Record<string, readonly string[]>> = { quickReplyAction: ['type'] };

function relaxRequired(schema: JsonSchema, optional: readonly string[] | undefined): void {
  if (optional && Array.isArray(schema.required)) schema.required = schema.required.filter((name) => !optional.includes(name as string));
}

const refuseUnknownKeywords: Transform = (schema) => {
  if ('$ref' in schema) return schema;
  for (const keyword of Object.keys(schema)) {
    if (!UNDERSTOOD.has(keyword) && !ANNOTATIONS.includes(keyword) && !keyword.startsWith('x-')) {
      throw new Error(`Unsupported OpenAPI schema keyword "${keyword}"`);
    }
  }
  return schema;
};

/** Runs on each schema after the library translated it, its members already done. */
function twilioMeaning(refs: Set<string>, direction: SchemaDirection): Transform {
  return (out) => {
    if (typeof out.$ref === 'string') return referenceTo(out.$ref, refs);
    const mayOmitNull = direction === 'request' || String(out['x-class-extra-annotation'] ?? '').includes(OMITS_NULL_MEMBERS);
    for (const keyword of Object.keys(out)) if (ANNOTATIONS.includes(keyword) || keyword.startsWith('x-')) delete out[keyword];
    if (out.properties) closeObject(out, mayOmitNull);
    applyObjectFormat(out);
    return out;
  };
}

function referenceTo(ref: string, refs: Set<string>): JsonSchema {
  if (!ref.startsWith(COMPONENT_REF)) throw new Error(`Unsupported $ref "${ref}"`);
  const name = ref.slice(COMPONENT_REF.length);
  refs.add(name);
  return { $ref: `#/$defs/${encodePointerToken(name)}` };
}

function closeObject(out: JsonSchema, mayOmitNull: boolean): void {
  const properties = out.properties as Record<string, JsonSchema>;
  out.required = mayOmitNull ? (out.required ?? []) : Object.keys(properties);
  // Unless the spec itself says what else the object may hold.
  out.additionalProperties ??= false;
  for (const [name, property] of Object.entries(properties)) {
    if (!RELATIVE_URI_PROPERTY.test(name)) continue;
    for (const holder of [property, property.additionalProperties]) {
      if (isSchema(holder) && holder.format === 'uri') holder.format = 'uri-reference';
    }
  }
}

function applyObjectFormat(out: JsonSchema): void {
  const format = out.format;
  if (typeof format !== 'string' || !OBJECT_FORMATS.has(format)) return;
  delete out.format;
  if (format === 'uri-map') out.additionalProperties = { type: ['string', 'null'], format: 'uri' };
}

function allowNull(out: JsonSchema): void {
  if (typeof out.type === 'string') out.type = [out.type, 'null'];
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
}

function isSchema(value: unknown): value is JsonSchema {
  return value !== null && typeof value === 'object';
}

/** RFC 6901: `~` and `/` are the only characters a JSON Pointer token escapes. */
function encodePointerToken(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}
