import type { OpenApiSchema } from './openapi.types';

export type JsonSchema = Record<string, unknown>;

const COMPONENT_REF = '#/components/schemas/';

/** Keywords that mean the same in OpenAPI 3.0 and JSON Schema (draft 7, as ajv reads it). */
const SAME_MEANING = new Set([
  'type', 'format', 'enum', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'multipleOf',
  'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties',
]);

/** Keywords that only document: nothing to validate. */
const ANNOTATIONS = new Set(['description', 'title', 'example', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly', 'externalDocs']);

/** Keywords the translation itself handles. */
const STRUCTURAL = new Set(['$ref', 'nullable', 'properties', 'required', 'items', 'additionalProperties', 'allOf', 'anyOf', 'oneOf', 'not']);

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
 * Translates one OpenAPI 3.0 schema of Twilio's specs into a strict JSON Schema for ajv:
 * - `nullable: true` adds `null` to the type (and to the enum);
 * - every object that declares properties is closed (`additionalProperties: false`) and requires all of them,
 *   because Twilio sends every declared field (null when empty) and nothing else: without this, any body would
 *   "match" schemas that never set `additionalProperties`;
 * - `format: uri-map` (the `links` objects) becomes an object of URI strings, null for a link with no target
 *   (Twilio's own example of a Chat Channel has `links.last_message: null`);
 * - `uri`, `*_uri` and `*_uris` properties hold relative URI references (see RELATIVE_URI_PROPERTY);
 * - `$ref`s to component schemas point into `$defs`; their names are added to `refs` for bundling.
 * Unknown keywords throw, so a construct the translation does not understand cannot be skipped silently.
 */
export function toJsonSchema(schema: OpenApiSchema, refs: Set<string>): JsonSchema {
  if (schema.$ref !== undefined) return referenceTo(schema.$ref, refs);
  const out: JsonSchema = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (SAME_MEANING.has(keyword)) out[keyword] = value;
    else if (!ANNOTATIONS.has(keyword) && !STRUCTURAL.has(keyword) && !keyword.startsWith('x-')) {
      throw new Error(`Unsupported OpenAPI schema keyword "${keyword}"`);
    }
  }
  if (schema.properties) Object.assign(out, closedObject(schema, refs));
  if (schema.items) out.items = toJsonSchema(schema.items, refs);
  if (typeof schema.additionalProperties === 'object') out.additionalProperties = toJsonSchema(schema.additionalProperties, refs);
  else if (schema.additionalProperties !== undefined) out.additionalProperties = schema.additionalProperties;
  for (const combinator of ['allOf', 'anyOf', 'oneOf'] as const) {
    const members = schema[combinator];
    if (members) out[combinator] = members.map((member) => toJsonSchema(member, refs));
  }
  if (schema.not) out.not = toJsonSchema(schema.not as OpenApiSchema, refs);
  applyObjectFormat(out, schema.format);
  if (schema.nullable) allowNull(out);
  return out;
}

/**
 * A self-contained JSON Schema for `root`: the translated schema plus, under `$defs`, every component schema it
 * reaches through `$ref`s (transitively), and nothing else, so compiling it stays cheap.
 */
export function bundleJsonSchema(root: OpenApiSchema, components: Record<string, OpenApiSchema>): JsonSchema {
  const refs = new Set<string>();
  const bundled = toJsonSchema(root, refs);
  const defs: Record<string, JsonSchema> = {};
  const pending = [...refs];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (defs[name]) continue;
    const component = components[name];
    if (!component) throw new Error(`Unresolved $ref to component schema "${name}"`);
    const found = new Set<string>();
    defs[name] = toJsonSchema(component, found);
    // Enums are the one kind of field reached through `$ref`, and OpenAPI 3.0 ignores `nullable` beside a `$ref`:
    // the spec cannot say they may be null, yet Twilio sends null there (its own examples of a Proxy
    // MessageInteraction's `inbound_resource_status`), as for every other field of these models.
    if (component.enum) allowNull(defs[name]);
    pending.push(...[...found].filter((next) => !defs[next]));
  }
  return Object.keys(defs).length > 0 ? { ...bundled, $defs: defs } : bundled;
}

function referenceTo(ref: string, refs: Set<string>): JsonSchema {
  if (!ref.startsWith(COMPONENT_REF)) throw new Error(`Unsupported $ref "${ref}"`);
  const name = ref.slice(COMPONENT_REF.length);
  refs.add(name);
  return { $ref: `#/$defs/${encodePointerToken(name)}` };
}

function closedObject(schema: OpenApiSchema, refs: Set<string>): JsonSchema {
  const properties = schema.properties as Record<string, OpenApiSchema>;
  const names = Object.keys(properties);
  const mayOmitNull = String(schema['x-class-extra-annotation'] ?? '').includes(OMITS_NULL_MEMBERS);
  return {
    properties: Object.fromEntries(names.map((name) => [name, propertySchema(name, properties[name], refs)])),
    required: mayOmitNull ? (schema.required ?? []) : names,
    // Replaced below when the spec itself says what else an object may hold.
    additionalProperties: false,
  };
}

function propertySchema(name: string, schema: OpenApiSchema, refs: Set<string>): JsonSchema {
  const translated = toJsonSchema(schema, refs);
  if (!RELATIVE_URI_PROPERTY.test(name)) return translated;
  for (const target of [translated, translated.additionalProperties]) {
    const holder = target as JsonSchema | undefined;
    if (holder && typeof holder === 'object' && holder.format === 'uri') holder.format = 'uri-reference';
  }
  return translated;
}

function applyObjectFormat(out: JsonSchema, format: string | undefined): void {
  if (!format || !OBJECT_FORMATS.has(format)) return;
  delete out.format;
  if (format === 'uri-map') out.additionalProperties = { type: ['string', 'null'], format: 'uri' };
}

function allowNull(out: JsonSchema): void {
  if (typeof out.type === 'string') out.type = [out.type, 'null'];
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
}

/** RFC 6901: `~` and `/` are the only characters a JSON Pointer token escapes. */
function encodePointerToken(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}
