// Test-only (src/testing is not part of the build): fast-check arbitraries of HTTP requests, derived from the
// operations of an OpenAPI 3.0 document (the API's own, as served at /docs-json) and mixed with hostile input.
import fc from 'fast-check';

export interface SchemaObject {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  minItems?: number;
  maxItems?: number;
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  additionalProperties?: boolean | SchemaObject;
  nullable?: boolean;
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  example?: unknown;
  default?: unknown;
}

interface ParameterObject {
  name: string;
  in: string;
  required?: boolean;
  schema?: SchemaObject;
}

interface OperationObject {
  parameters?: ParameterObject[];
  responses?: Record<string, unknown>;
  requestBody?: { required?: boolean; content: Record<string, { schema?: SchemaObject }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject | unknown>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

export interface FuzzParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: SchemaObject;
}

/** One operation of the document, its $refs resolved. */
export interface FuzzOperation {
  /** `POST /api/v1/users`, with the document's path template. */
  label: string;
  method: string;
  path: string;
  parameters: FuzzParameter[];
  body?: { schema: SchemaObject; mediaTypes: string[] };
  /** The statuses the document says it answers with (`200`, `400`…). */
  statuses: number[];
}

/** A request as sent on the wire: the target already percent-encoded, the body as bytes or text. */
export interface FuzzRequest {
  method: string;
  target: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** What makes this case hostile, for the failure message and the tally (`body:hostile-field`, `query:repeated`…). */
  traits: string[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

/** Every operation of the document, each parameter and body schema resolved; path parameters the document forgot are added as strings. */
export function fuzzOperations(document: OpenApiDocument): FuzzOperation[] {
  const operations: FuzzOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as OperationObject | undefined;
      if (!operation) continue;
      const parameters = new Map<string, FuzzParameter>();
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in !== 'path' && parameter.in !== 'query' && parameter.in !== 'header') continue;
        // Headers are case-insensitive: a parameter documented twice in two cases is one header.
        const key = `${parameter.in}:${parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name}`;
        const schema = resolve(document, parameter.schema ?? { type: 'string' });
        const known = parameters.get(key);
        parameters.set(key, {
          name: parameter.name,
          in: parameter.in,
          required: (known?.required ?? false) || parameter.required === true,
          schema: known ? { ...schema, ...known.schema } : schema,
        });
      }
      for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
        if (!parameters.has(`path:${name}`)) parameters.set(`path:${name}`, { name, in: 'path', required: true, schema: { type: 'string' } });
      }
      const content = operation.requestBody?.content ?? {};
      const mediaTypes = Object.keys(content);
      const bodySchema = mediaTypes.map((type) => content[type].schema).find(Boolean);
      operations.push({
        label: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        parameters: [...parameters.values()],
        statuses: Object.keys(operation.responses ?? {}).map(Number),
        ...(bodySchema ? { body: { schema: resolve(document, bodySchema), mediaTypes } } : {}),
      });
    }
  }
  return operations;
}

/** `schema` with every $ref replaced by what it names and allOf merged, all the way down. */
export function resolve(document: OpenApiDocument, schema: SchemaObject, seen: string[] = []): SchemaObject {
  if (schema.$ref) {
    if (seen.includes(schema.$ref)) return { type: 'object' };
    const name = schema.$ref.replace(/^#\/components\/schemas\//, '');
    const target = document.components?.schemas?.[name];
    if (!target) throw new Error(`unresolvable $ref ${schema.$ref}`);
    const { $ref: _ref, ...siblings } = schema;
    return { ...resolve(document, target, [...seen, schema.$ref]), ...siblings };
  }
  let resolved: SchemaObject = { ...schema };
  if (schema.allOf) {
    const { allOf, ...own } = schema;
    resolved = [...allOf.map((part) => resolve(document, part, seen)), own].reduce<SchemaObject>(
      (merged, part) => ({
        ...merged,
        ...part,
        ...(merged.properties || part.properties ? { properties: { ...merged.properties, ...part.properties } } : {}),
        ...(merged.required || part.required ? { required: [...(merged.required ?? []), ...(part.required ?? [])] } : {}),
      }),
      {},
    );
  }
  if (resolved.properties)
    resolved.properties = Object.fromEntries(Object.entries(resolved.properties).map(([key, value]) => [key, resolve(document, value, seen)]));
  if (resolved.items) resolved.items = resolve(document, resolved.items, seen);
  if (resolved.oneOf) resolved.oneOf = resolved.oneOf.map((each) => resolve(document, each, seen));
  if (resolved.anyOf) resolved.anyOf = resolved.anyOf.map((each) => resolve(document, each, seen));
  if (typeof resolved.additionalProperties === 'object') resolved.additionalProperties = resolve(document, resolved.additionalProperties, seen);
  return resolved;
}

// ---------------------------------------------------------------------------------------------------------------
// Values a schema accepts

/** Values `schema` (resolved) accepts, leaning on its example so that requests also get past validation. */
export function schemaValue(schema: SchemaObject, depth = 0): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [];
  if (schema.enum?.length) return withNull(schema, fc.constantFrom(...schema.enum));
  if (schema.oneOf?.length || schema.anyOf?.length)
    return withNull(schema, fc.oneof(...(schema.oneOf ?? schema.anyOf ?? []).map((each) => schemaValue(each, depth + 1))));
  if (schema.example !== undefined) options.push(fc.constant(schema.example));
  const type = schema.type ?? (schema.properties ? 'object' : schema.items ? 'array' : undefined);
  switch (type) {
    case 'string':
      options.push(stringValue(schema));
      break;
    case 'number':
    case 'integer': {
      const min = schema.minimum ?? -1e6;
      const max = schema.maximum ?? 1e6;
      options.push(
        type === 'integer'
          ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
          : fc.oneof(fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), fc.double({ min, max, noNaN: true, noDefaultInfinity: true })),
      );
      break;
    }
    case 'boolean':
      options.push(fc.boolean());
      break;
    case 'array':
      options.push(
        fc.array(schemaValue(schema.items ?? {}, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 4) }),
      );
      break;
    case 'object':
      options.push(objectValue(schema, depth));
      break;
    default:
      options.push(fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean()));
  }
  return withNull(schema, options.length === 1 ? options[0] : fc.oneof(...options));
}

function withNull(schema: SchemaObject, arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return schema.nullable ? fc.oneof({ arbitrary, weight: 4 }, { arbitrary: fc.constant(null), weight: 1 }) : arbitrary;
}

function objectValue(schema: SchemaObject, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, schemaValue(value, depth + 1)]));
  const record = fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
  if (!schema.additionalProperties || depth > 3) return record;
  const extra = fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean()), {
    maxKeys: 3,
  });
  return fc.tuple(record, extra).map(([known, more]) => ({ ...more, ...known }));
}

/** A two-letter prefix and 32 hex digits: a Twilio SID, as the document's examples show them. */
const SID_EXAMPLE = /^([A-Z]{2})[0-9a-f]{32}$/;
const E164_EXAMPLE = /^\+[1-9]\d{6,14}$/;

function stringValue(schema: SchemaObject): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? Math.max(minLength, 40);
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((value) => value.length >= minLength && value.length <= maxLength);
  if (schema.format === 'date-time') return isoInstant;
  if (schema.format === 'uuid') return fc.uuid();
  const example = typeof schema.example === 'string' ? schema.example : '';
  const sid = SID_EXAMPLE.exec(example);
  if (sid) return fc.stringMatching(/^[0-9a-f]{32}$/).map((hex) => `${sid[1]}${hex}`);
  if (E164_EXAMPLE.test(example)) return e164;
  if (isIsoInstant(example)) return isoInstant;
  // Lengths count code points (JSON Schema, and validator.js behind class-validator's @Length); a grapheme may be several.
  return fc.string({ minLength, maxLength, unit: 'grapheme' }).filter((text) => [...text].length >= minLength && [...text].length <= maxLength);
}

const e164 = fc.oneof(fc.constantFrom('+15550100001', '+15550100002'), fc.stringMatching(/^\+1[2-9]\d{9}$/), fc.stringMatching(/^\+[1-9]\d{6,14}$/));
const isoInstant = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

function isIsoInstant(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(Date.parse(text));
}

// ---------------------------------------------------------------------------------------------------------------
// Hostile values

/**
 * A JSON token written as it is: what JSON.stringify will not write (a lone surrogate escape, `-0`, `1e400`, a
 * number beyond double precision, nesting 10,000 deep).
 */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of `value`, RawJson tokens written as they are. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    // Own keys as given, `__proto__` included (an object literal's `__proto__` key would be the prototype instead).
    return `{${Object.keys(value)
      .map((key) => `${JSON.stringify(key)}:${toJsonText((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** An object whose own key is `__proto__` (a literal would set the prototype): how JSON.parse hands it over. */
function withOwnKey(key: string, value: unknown): Record<string, unknown> {
  return Object.defineProperty({}, key, { value, enumerable: true, writable: true, configurable: true });
}

export const DEEP_NESTING = 10_000;

const C0_AND_DEL = [...Array(32).keys()].map((code) => String.fromCharCode(code)).concat('\u007f');
const C1 = [...Array(32).keys()].map((code) => String.fromCharCode(0x80 + code));

const controlString = fc
  .tuple(fc.constantFrom(...C0_AND_DEL, ...C1), fc.constantFrom('', 'Ada', '+1555010000', 'CH0123456789abcdef'), fc.constantFrom('', 'x', '1'))
  .map(([control, before, after]) => `${before}${control}${after}`);

const loneSurrogate = fc
  .constantFrom('"\\ud800"', '"a\\udfffb"', '"\\udc00\\ud800"', '"+1555\\ud83d"', '"\\ud83d\\ude00\\ud800"')
  .map((text) => new RawJson(text));

const hostileNumber = fc
  .constantFrom(
    '1e308',
    '-1e308',
    '1e309',
    '-0',
    '-0.0',
    '0e-400',
    '123456789012345678901234567890',
    '9007199254740993',
    '1.7976931348623157e308',
    '5e-324',
    '-1',
    '0.5',
    '1e2',
    '0',
  )
  .map((text) => new RawJson(text));

const numberLikeString = fc.constantFrom(
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '-0',
  '0x10',
  ' 1',
  '1 ',
  '1_000',
  '١٢٣',
  '+1',
  '1e-7',
  '',
  ' ',
  'null',
  'true',
  '[]',
  '{}',
);

const longString = fc
  .constantFrom(257, 1601, 4097, 20_000)
  .chain((length) => fc.constantFrom('x', '🙂', 'é', '\u200b').map((unit) => unit.repeat(length)));

const oddUnicode = fc.constantFrom(
  '\u202eRTL',
  '\ufeffBOM',
  '\u200b',
  'Ａｄａ',
  '＋１５５５０１０００００１',
  'e\u0301',
  '\u{10ffff}',
  '\ufffe',
  '𝕏'.repeat(64),
);

const injection = fc.constantFrom(
  "' OR '1'='1",
  '%',
  '_',
  '\\',
  '"',
  '${7*7}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'null',
  'undefined',
  'constructor',
  '__proto__',
  'toString',
);

const wrongType = fc.constantFrom<unknown>(true, false, null, 0, 1, -1, [], {}, [[]], ['x'], { a: 1 }, [{ a: [] }], '');

const deepNesting = fc.constantFrom(
  new RawJson('['.repeat(DEEP_NESTING) + ']'.repeat(DEEP_NESTING)),
  new RawJson('{"a":'.repeat(DEEP_NESTING) + '1' + '}'.repeat(DEEP_NESTING)),
  new RawJson('['.repeat(64) + '1' + ']'.repeat(64)),
);

const pollution = fc.constantFrom<unknown>(
  withOwnKey('__proto__', { polluted: true, role: 'admin' }),
  { constructor: { prototype: { polluted: true } } },
  withOwnKey('__proto__', null),
);

/** A value in place of a field's: every kind of input a careless or hostile client sends. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: controlString, weight: 4 },
  { arbitrary: loneSurrogate, weight: 2 },
  { arbitrary: hostileNumber, weight: 3 },
  { arbitrary: numberLikeString, weight: 2 },
  { arbitrary: longString, weight: 2 },
  { arbitrary: oddUnicode, weight: 1 },
  { arbitrary: injection, weight: 1 },
  { arbitrary: wrongType, weight: 3 },
  { arbitrary: deepNesting, weight: 1 },
  { arbitrary: pollution, weight: 1 },
);

/** Hostile text for a URL (path segment, query value), already percent-encoded as sent. */
export const hostileUrlText: fc.Arbitrary<string> = fc.oneof(
  controlString.map(encodeComponent),
  // A lone surrogate as UTF-8 would have it (not UTF-8 at all), and percent-encoding gone wrong.
  fc.constantFrom('%ED%A0%80', 'a%ED%B0%80b', '%C0%80', '%FF', '%', '%Z', '%ZZ', '%u0000', '%2', '100%'),
  fc.constantFrom('99999999999999999999999999', '1e308', '-1e308', '-0', '-1', '0', '1.5', '0x1F', 'NaN', 'Infinity', '9007199254740993'),
  fc.constantFrom('..', '.', '%2e%2e', '%2F', '..%2F..%2Fetc', '%5C', '%20', '+', '%2B15550100001', '', '%3B', '%3F', '%23'),
  numberLikeString.map(encodeComponent),
  longString.map((text) => encodeComponent(text.slice(0, 3000))),
  oddUnicode.map(encodeComponent),
  injection.map(encodeComponent),
);

/**
 * Percent-encoding of `text`'s UTF-8 bytes (unreserved characters as they are). Unlike encodeURIComponent it does
 * not throw on a lone surrogate (which becomes U+FFFD, as Buffer writes it).
 */
export function encodeComponent(text: string): string {
  let encoded = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    encoded += /[A-Za-z0-9\-._~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

/** A value as text for a URL or a form: what a client would write for it. */
function asText(value: unknown): string {
  if (value instanceof RawJson) return value.text.replace(/^"|"$/g, '');
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') return toJsonText(value);
  return String(value);
}

// ---------------------------------------------------------------------------------------------------------------
// Requests

interface Part {
  traits: string[];
}

interface QueryPart extends Part {
  pairs: string[];
}

/** The query parameters: each left out, sent right, sent hostile, sent twice, or sent as a nested structure. */
function queryArbitrary(parameters: FuzzParameter[]): fc.Arbitrary<QueryPart> {
  const perParameter = parameters.map((parameter) => {
    const name = encodeComponent(parameter.name);
    const valid = schemaValue(parameter.schema).map((value) => encodeComponent(asText(value)));
    return fc.oneof(
      { arbitrary: fc.constant<QueryPart>({ pairs: [], traits: [] }), weight: parameter.required ? 1 : 4 },
      { arbitrary: valid.map((value) => ({ pairs: [`${name}=${value}`], traits: [] })), weight: 4 },
      { arbitrary: hostileUrlText.map((value) => ({ pairs: [`${name}=${value}`], traits: [`query:hostile ${parameter.name}`] })), weight: 2 },
      {
        arbitrary: fc
          .tuple(fc.oneof(valid, hostileUrlText), fc.oneof(valid, hostileUrlText))
          .map(([first, second]) => ({ pairs: [`${name}=${first}`, `${name}=${second}`], traits: [`query:repeated ${parameter.name}`] })),
        weight: 1,
      },
      {
        arbitrary: fc
          .constantFrom(`${name}[]=1`, `${name}[a]=1`, `${name}[__proto__][x]=1`, name, `${name}=`)
          .map((pair) => ({ pairs: [pair], traits: [`query:structured ${parameter.name}`] })),
        weight: 1,
      },
    );
  });
  const unknown = fc.oneof(
    { arbitrary: fc.constant<QueryPart>({ pairs: [], traits: [] }), weight: 8 },
    {
      arbitrary: fc
        .constantFrom('unknown=1', '__proto__[polluted]=1', 'constructor[prototype][polluted]=1', '=1', '&&', `${'a'.repeat(1000)}=1`)
        .map((pair) => ({ pairs: [pair], traits: ['query:unknown'] })),
      weight: 1,
    },
  );
  return fc.tuple(fc.tuple(...perParameter), unknown).map(([parts, extra]) => merge([...parts, extra]));
}

function merge(parts: QueryPart[]): QueryPart {
  return { pairs: parts.flatMap((part) => part.pairs), traits: parts.flatMap((part) => part.traits) };
}

interface PathPart extends Part {
  path: string;
}

function pathArbitrary(operation: FuzzOperation): fc.Arbitrary<PathPart> {
  const segments = operation.parameters.filter((parameter) => parameter.in === 'path');
  const values = segments.map((parameter) =>
    fc.oneof(
      {
        arbitrary: schemaValue({ ...parameter.schema, type: 'string' }).map((value) => ({
          text: encodeComponent(asText(value)),
          trait: undefined as string | undefined,
        })),
        weight: 3,
      },
      {
        arbitrary: hostileUrlText
          .filter((text) => text !== '')
          .map((text) => ({ text, trait: `path:hostile ${parameter.name}` as string | undefined })),
        weight: 3,
      },
    ),
  );
  return fc.tuple(...values).map((chosen) => {
    let path = operation.path;
    segments.forEach((parameter, index) => {
      path = path.replace(`{${parameter.name}}`, chosen[index].text);
    });
    return { path, traits: chosen.flatMap((each) => (each.trait ? [each.trait] : [])) };
  });
}

interface HeaderPart extends Part {
  headers: Record<string, string>;
}

/** Header parameters (Idempotency-Key), as Node lets a client send them: printable Latin-1 only. */
function headerArbitrary(parameters: FuzzParameter[]): fc.Arbitrary<HeaderPart> {
  const perParameter = parameters.map((parameter) =>
    fc.oneof(
      { arbitrary: fc.constant<HeaderPart>({ headers: {}, traits: [] }), weight: parameter.required ? 1 : 3 },
      { arbitrary: fc.uuid().map((value) => ({ headers: { [parameter.name]: value }, traits: [] })), weight: 3 },
      {
        arbitrary: fc
          .constantFrom('', ' ', 'x'.repeat(256), 'x'.repeat(8000), 'é', '\t', 'a,b', '1e308', '"quoted"')
          .map((value) => ({ headers: { [parameter.name]: value }, traits: [`header:hostile ${parameter.name}`] })),
        weight: 1,
      },
    ),
  );
  return fc
    .tuple(...perParameter)
    .map((parts) => ({ headers: Object.assign({}, ...parts.map((part) => part.headers)), traits: parts.flatMap((part) => part.traits) }));
}

interface BodyPart extends Part {
  body?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

/** Every place a value sits in `value`, as a path of keys (the root is `[]`). */
function placesIn(value: unknown, path: string[] = [], depth = 0): string[][] {
  if (value === null || typeof value !== 'object' || value instanceof RawJson || depth > 4) return [path];
  const children = Object.keys(value).flatMap((key) => placesIn((value as Record<string, unknown>)[key], [...path, key], depth + 1));
  return [path, ...children];
}

function replaceAt(value: unknown, path: string[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [key, ...rest] = path;
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as unknown as Record<string, unknown>) : { ...(value as object) };
  copy[key] = replaceAt(copy[key], rest, replacement);
  return copy;
}

/** A valid value with one to three of its places (fields, items, itself) replaced by hostile values. */
function withHostileFields(valid: fc.Arbitrary<unknown>): fc.Arbitrary<{ value: unknown; fields: string[] }> {
  return valid.chain((value) => {
    const places = placesIn(value);
    return fc.array(fc.tuple(fc.nat({ max: places.length - 1 }), hostileValue), { minLength: 1, maxLength: 3 }).map((replacements) => {
      let result = value;
      for (const [index, hostile] of replacements) result = replaceAt(result, places[index], hostile);
      return { value: result, fields: replacements.map(([index]) => places[index].join('.') || '(body)') };
    });
  });
}

/** Form encoding (`a=1&b[c]=2&d[0]=x`) of a value, as qs reads it back; hostile JSON tokens as their text. */
export function toFormText(value: unknown): string {
  const pairs: string[] = [];
  const visit = (current: unknown, key: string, depth: number) => {
    if (current !== null && typeof current === 'object' && !(current instanceof RawJson) && depth < 8) {
      const entries = Object.keys(current);
      if (entries.length === 0) pairs.push(`${key}=`);
      for (const child of entries)
        visit((current as Record<string, unknown>)[child], key ? `${key}[${encodeComponent(child)}]` : encodeComponent(child), depth + 1);
      return;
    }
    pairs.push(`${key || 'value'}=${encodeComponent(asText(current))}`);
  };
  visit(value, '', 0);
  return pairs.join('&');
}

const invalidJson = fc.constantFrom(
  '{',
  '{"a":}',
  '{"a":1,}',
  "{'a':1}",
  'undefined',
  '{"a":1}{"b":2}',
  '\u0000',
  '\ufeff{}',
  '{"a":"\\x41"}',
  '{"a":"\\u12"}',
  '{"a":01}',
  '{"a":NaN}',
  '[',
  '"',
  '{"a":"b\nc"}',
  '{"toName":"\u0000"}',
);

/** Content types a JSON API does not take, and JSON in charsets and encodings it does not speak. */
const wrongContentType = fc.constantFrom<[string, Record<string, string>]>(
  ['text/plain', {}],
  ['application/xml', {}],
  ['multipart/form-data; boundary=x', {}],
  ['application/json; charset=utf-16', {}],
  ['application/json; charset=koi8-r', {}],
  ['application/json; charset=no-such-charset', {}],
  [JSON_TYPE, { 'Content-Encoding': 'gzip' }],
  [JSON_TYPE, { 'Content-Encoding': 'br' }],
  [JSON_TYPE, { 'Content-Encoding': 'deflate, identity, gzip' }],
  ['application/octet-stream', {}],
  ['application/x-www-form-urlencoded; charset=utf-16', {}],
  ['application/json;;;', {}],
);

/** A form body no client should send: deep brackets, more parameters than the parser takes, broken escapes. */
const hostileForm = fc.constantFrom(
  'toName=%00',
  'toName[__proto__][polluted]=1',
  `a${'[b]'.repeat(64)}=1`,
  Array.from({ length: 1_100 }, (_unused, index) => `p${index}=${index}`).join('&'),
  'toName=%E0%A4%A',
  'toName=%ED%A0%80',
  '&&&==',
  'toName[]=a&toName[]=b',
  'fromNumber=%2B15550100001&fromNumber=%2B15550100002',
  '=',
  '[]=1',
);

/** More than the body limit (100 kB): what a client that never checks lengths sends. */
const OVERSIZED = `{"toName":"${'x'.repeat(110_000)}"}`;

function bodyArbitrary(operation: FuzzOperation, formBodies: boolean): fc.Arbitrary<BodyPart> {
  const json = (value: unknown, traits: string[]): BodyPart => ({ body: toJsonText(value), contentType: JSON_TYPE, traits });
  if (!operation.body) {
    return fc.oneof(
      { arbitrary: fc.constant<BodyPart>({ traits: [] }), weight: 8 },
      { arbitrary: hostileValue.map((value) => json(value, ['body:unexpected'])), weight: 1 },
      { arbitrary: invalidJson.map((body) => ({ body, contentType: JSON_TYPE, traits: ['body:invalid-json'] })), weight: 1 },
      { arbitrary: hostileForm.map((body) => ({ body, contentType: FORM, traits: ['body:hostile-form'] })), weight: 1 },
    );
  }
  const valid = schemaValue(operation.body.schema);
  const takesForm = operation.body.mediaTypes.includes(FORM);
  return fc.oneof(
    { arbitrary: valid.map((value) => json(value, [])), weight: 4 },
    {
      arbitrary: withHostileFields(valid).map(({ value, fields }) =>
        json(
          value,
          fields.map((field) => `body:hostile ${field}`),
        ),
      ),
      weight: 6,
    },
    {
      arbitrary: fc
        .tuple(
          valid,
          fc.dictionary(fc.constantFrom('unknown', 'role', 'isAdmin', 'id', 'caller', 'constructor', ' toName', 'TONAME'), hostileValue, {
            minKeys: 1,
            maxKeys: 2,
          }),
        )
        .map(([value, extra]) =>
          json(value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...value, ...extra } : extra, ['body:unknown-fields']),
        ),
      weight: 1,
    },
    {
      arbitrary: fc
        .oneof(
          hostileValue,
          valid.map((value) => [value]),
        )
        .map((value) => json(value, ['body:wrong-shape'])),
      weight: 2,
    },
    { arbitrary: invalidJson.map((body) => ({ body, contentType: JSON_TYPE, traits: ['body:invalid-json'] })), weight: 1 },
    {
      arbitrary: fc.tuple(valid, wrongContentType).map(([value, [contentType, headers]]) => ({
        body: toJsonText(value),
        contentType,
        headers,
        traits: [`body:content-type ${contentType} ${Object.values(headers).join(' ')}`.trim()],
      })),
      weight: 1,
    },
    {
      arbitrary: fc
        .oneof(
          valid.map((value) => ({ value, traits: ['body:form'] })),
          withHostileFields(valid).map(({ value, fields }) => ({ value, traits: ['body:form', ...fields.map((field) => `body:hostile ${field}`)] })),
        )
        .map(({ value, traits }) => ({ body: toFormText(value), contentType: FORM, traits })),
      weight: takesForm && formBodies ? 4 : 1,
    },
    { arbitrary: hostileForm.map((body) => ({ body, contentType: FORM, traits: ['body:hostile-form'] })), weight: takesForm ? 2 : 1 },
    { arbitrary: fc.constantFrom<BodyPart>({ traits: ['body:none'] }, { body: '', contentType: JSON_TYPE, traits: ['body:empty'] }), weight: 1 },
    { arbitrary: fc.constant<BodyPart>({ body: OVERSIZED, contentType: JSON_TYPE, traits: ['body:oversized'] }), weight: 1 },
  );
}

/** Requests for `operation`: its parameters and body from its schemas, mixed with hostile values of every kind. */
export function fuzzRequest(operation: FuzzOperation, options: { formBodies?: boolean } = {}): fc.Arbitrary<FuzzRequest> {
  const query = queryArbitrary(operation.parameters.filter((parameter) => parameter.in === 'query'));
  const headers = headerArbitrary(operation.parameters.filter((parameter) => parameter.in === 'header'));
  return fc
    .tuple(pathArbitrary(operation), query, headers, bodyArbitrary(operation, options.formBodies ?? true))
    .map(([path, queryPart, headerPart, body]) => ({
      method: operation.method,
      target: queryPart.pairs.length ? `${path.path}?${queryPart.pairs.join('&')}` : path.path,
      headers: { ...headerPart.headers, ...(body.contentType ? { 'Content-Type': body.contentType } : {}), ...body.headers },
      ...(body.body !== undefined ? { body: body.body } : {}),
      traits: [...path.traits, ...queryPart.traits, ...headerPart.traits, ...body.traits],
    }));
}
