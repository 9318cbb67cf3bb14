import { fromSchema } from '@openapi-contrib/openapi-schema-to-json-schema';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import {
  DEEP_NESTING,
  OpenApiDocument,
  RawJson,
  encodeComponent,
  fuzzOperations,
  fuzzRequest,
  hostileValue,
  resolve,
  schemaValue,
  toFormText,
  toJsonText,
} from './openapi-arbitraries';

const document: OpenApiDocument = {
  paths: {
    '/things/{sid}': {
      patch: {
        parameters: [
          { name: 'sid', in: 'path', required: true, schema: { example: 'KC0123456789abcdef0123456789abcdef' } },
          { name: 'idempotency-key', in: 'header', required: true, schema: { type: 'string' } },
          { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', example: 'k1' } },
          { name: 'page', in: 'query', schema: { type: 'number', minimum: 1, maximum: 10 } },
        ],
        responses: { '200': {}, '400': {} },
        requestBody: {
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/Thing' } },
            'application/x-www-form-urlencoded': { schema: { $ref: '#/components/schemas/Thing' } },
          },
        },
      },
    },
    '/jobs/{id}/items': { get: {} },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['name', 'kind'],
        properties: {
          name: { type: 'string', minLength: 2, maxLength: 5 },
          code: { type: 'string', pattern: '^[A-Z]{3}$' },
          kind: { type: 'string', enum: ['a', 'b'] },
          count: { type: 'number', minimum: 0, maximum: 7 },
          at: { type: 'string', format: 'date-time' },
          toNumber: { type: 'string', example: '+14155550123' },
          tags: { type: 'array', items: { type: 'string', maxLength: 3 }, maxItems: 2 },
          note: { type: 'string', nullable: true },
          selection: { allOf: [{ $ref: '#/components/schemas/Selection' }] },
          attributes: { type: 'object', additionalProperties: true },
        },
      },
      Selection: {
        type: 'object',
        required: ['statuses'],
        properties: { statuses: { type: 'array', items: { type: 'string', enum: ['open', 'closed'] } } },
      },
    },
  },
};

describe('fuzzOperations', () => {
  const [patch, items] = fuzzOperations(document);

  it('takes every operation with its parameters and body schema, $refs and allOf resolved', () => {
    expect(patch).toMatchObject({
      label: 'PATCH /things/{sid}',
      method: 'PATCH',
      statuses: [200, 400],
      body: { mediaTypes: ['application/json', 'application/x-www-form-urlencoded'] },
    });
    expect(patch.body?.schema.properties?.name).toEqual({ type: 'string', minLength: 2, maxLength: 5 });
    expect(patch.body?.schema.properties?.selection).toEqual({
      type: 'object',
      required: ['statuses'],
      properties: { statuses: { type: 'array', items: { type: 'string', enum: ['open', 'closed'] } } },
    });
  });

  it('keeps a header documented twice in two cases as one, required if either says so', () => {
    expect(patch.parameters.filter((parameter) => parameter.in === 'header')).toEqual([
      { name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', example: 'k1' } },
    ]);
  });

  it('adds the path parameters the document forgot, as strings', () => {
    expect(items.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]);
  });
});

describe('schemaValue', () => {
  it('generates only values the schema accepts (checked by ajv)', () => {
    const schema = resolve(document, { $ref: '#/components/schemas/Thing' });
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    const { $schema: _draft, ...jsonSchema } = fromSchema(schema as Parameters<typeof fromSchema>[0]);
    const validate = ajv.compile(jsonSchema);
    fc.assert(
      fc.property(schemaValue(schema), (value) => {
        if (!validate(value)) throw new Error(`${JSON.stringify(value)}: ${ajv.errorsText(validate.errors)}`);
      }),
      { numRuns: 300 },
    );
  });

  it('leans on examples: SIDs keep their prefix, E.164 examples give E.164 numbers', () => {
    const sids = fc.sample(schemaValue({ type: 'string', example: 'KC0123456789abcdef0123456789abcdef' }), 50);
    expect(sids.every((sid) => /^KC[0-9a-f]{32}$/.test(String(sid)))).toBe(true);
    const numbers = fc.sample(schemaValue({ type: 'string', example: '+14155550123' }), 50);
    expect(numbers.every((number) => /^\+[1-9]\d{6,14}$/.test(String(number)))).toBe(true);
  });
});

describe('hostile values', () => {
  const texts = fc.sample(hostileValue, { numRuns: 2_000, seed: 42 }).map((value) => toJsonText(value));

  it('cover control characters, lone surrogates, extreme numbers, long strings, wrong types and deep nesting', () => {
    const has = (predicate: (text: string) => boolean) => texts.some(predicate);
    expect(has((text) => text.includes('\\u0000'))).toBe(true);
    expect(has((text) => /\\u(d[89ab][0-9a-f]{2})(?!\\u(d[c-f]))/i.test(text))).toBe(true);
    for (const number of ['1e308', '-0', '1e309', '123456789012345678901234567890']) expect(texts).toContain(number);
    expect(has((text) => text.length > 20_000)).toBe(true);
    expect(texts).toEqual(expect.arrayContaining(['true', 'null', '[]', '{}']));
    expect(has((text) => text.startsWith('['.repeat(DEEP_NESTING)))).toBe(true);
    expect(has((text) => text.startsWith('{"__proto__":'))).toBe(true);
  });
});

describe('toJsonText', () => {
  it('writes RawJson tokens as they are, and own __proto__ keys', () => {
    const pollution = JSON.parse('{"__proto__":{"admin":true}}');
    expect(toJsonText({ a: new RawJson('"\\ud800"'), b: [new RawJson('-0'), 1], c: pollution })).toBe(
      '{"a":"\\ud800","b":[-0,1],"c":{"__proto__":{"admin":true}}}',
    );
  });
});

describe('toFormText and encodeComponent', () => {
  it('writes nested values in bracket notation, percent-encoding UTF-8, without throwing on a lone surrogate', () => {
    expect(toFormText({ toName: 'Ada L', selection: { statuses: ['open', 'closed'] }, n: 1 })).toBe(
      'toName=Ada%20L&selection[statuses][0]=open&selection[statuses][1]=closed&n=1',
    );
    expect(encodeComponent('+1 é\u0000\ud800')).toBe('%2B1%20%C3%A9%00%EF%BF%BD');
  });
});

describe('fuzzRequest', () => {
  const [patch] = fuzzOperations(document);
  const requests = fc.sample(fuzzRequest(patch), { numRuns: 1_000, seed: 7 });

  it('fills every path parameter and frames every body with a content type', () => {
    for (const request of requests) {
      expect(request.method).toBe('PATCH');
      expect(request.target).toMatch(/^\/things\/[^/?{}]+(\?|$)/);
      if (request.body !== undefined) expect(Object.keys(request.headers)).toContain('Content-Type');
    }
  });

  it('sends valid requests, hostile ones of every kind, and form bodies where the operation takes them', () => {
    const traits = new Set(requests.flatMap((request) => request.traits.map((trait) => trait.split(' ')[0])));
    expect([...traits].sort()).toEqual(
      expect.arrayContaining([
        'body:content-type',
        'body:form',
        'body:hostile',
        'body:hostile-form',
        'body:invalid-json',
        'body:oversized',
        'body:unknown-fields',
        'body:wrong-shape',
        'header:hostile',
        'path:hostile',
        'query:hostile',
        'query:repeated',
        'query:structured',
      ]),
    );
    expect(requests.filter((request) => request.traits.length === 0).length).toBeGreaterThan(20);
    expect(requests.some((request) => /[?&]page=[^&]*&page=/.test(request.target))).toBe(true);
  });
});
