import Ajv from 'ajv';
import { bundleJsonSchema, toJsonSchema } from './openapi-to-json-schema';
import { HTTP_METHODS, type OpenApiSchema } from './openapi.types';
import { addTwilioFormats } from './twilio-formats';
import { readTwilioOaiFile, TWILIO_OAI_FILES } from './twilio-oai-files';

const translate = (schema: OpenApiSchema) => toJsonSchema(schema, new Set());

describe('toJsonSchema', () => {
  it('turns nullable into a null type, and a null enum member', () => {
    expect(translate({ type: 'string', nullable: true, description: 'x' })).toEqual({ type: ['string', 'null'] });
    expect(translate({ type: 'string', enum: ['open', 'closed'], nullable: true })).toEqual({
      type: ['string', 'null'],
      enum: ['open', 'closed', null],
    });
    expect(translate({ type: 'string' })).toEqual({ type: 'string' });
  });

  it('closes objects and requires every declared property, nested ones too', () => {
    const schema: OpenApiSchema = {
      type: 'object',
      properties: { sid: { type: 'string' }, meta: { type: 'object', properties: { page: { type: 'integer' } } } },
    };
    expect(translate(schema)).toEqual({
      type: 'object',
      properties: {
        sid: { type: 'string' },
        meta: { type: 'object', properties: { page: { type: 'integer' } }, required: ['page'], additionalProperties: false },
      },
      required: ['sid', 'meta'],
      additionalProperties: false,
    });
  });

  it('leaves free-form objects (no declared properties) open', () => {
    expect(translate({ type: 'object', nullable: true })).toEqual({ type: ['object', 'null'] });
    expect(translate({ nullable: true })).toEqual({});
  });

  it('keeps the spec’s own required list where Twilio omits null members (JsonInclude NON_NULL)', () => {
    const capabilities: OpenApiSchema = {
      type: 'object',
      format: 'phone-number-capabilities',
      'x-class-extra-annotation': '@JsonInclude(JsonInclude.Include.NON_NULL)',
      properties: { sms: { type: 'boolean' }, voice: { type: 'boolean' } },
    };
    expect(translate(capabilities)).toEqual({
      type: 'object',
      properties: { sms: { type: 'boolean' }, voice: { type: 'boolean' } },
      required: [],
      additionalProperties: false,
    });
  });

  it('reads uri-map as an object of URIs, null for a link with no target', () => {
    expect(translate({ type: 'object', format: 'uri-map', nullable: true })).toEqual({
      type: ['object', 'null'],
      additionalProperties: { type: ['string', 'null'], format: 'uri' },
    });
  });

  it('takes `uri`, `*_uri` and `*_uris` properties as relative references, `*_url` as absolute', () => {
    const translated = translate({
      type: 'object',
      properties: {
        uri: { type: 'string', format: 'uri' },
        next_page_uri: { type: 'string', format: 'uri', nullable: true },
        subresource_uris: { type: 'object', format: 'uri-map' },
        url: { type: 'string', format: 'uri' },
      },
    });
    expect(translated.properties).toEqual({
      uri: { type: 'string', format: 'uri-reference' },
      next_page_uri: { type: ['string', 'null'], format: 'uri-reference' },
      subresource_uris: { type: 'object', additionalProperties: { type: ['string', 'null'], format: 'uri-reference' } },
      url: { type: 'string', format: 'uri' },
    });
  });

  it('points component $refs into $defs and reports them', () => {
    const refs = new Set<string>();
    expect(toJsonSchema({ type: 'array', items: { $ref: '#/components/schemas/flex.v1.flex_flow' } }, refs)).toEqual({
      type: 'array',
      items: { $ref: '#/$defs/flex.v1.flex_flow' },
    });
    expect([...refs]).toEqual(['flex.v1.flex_flow']);
  });

  it('refuses keywords it does not understand rather than ignoring them', () => {
    expect(() => translate({ type: 'integer', exclusiveMinimum: true })).toThrow('Unsupported OpenAPI schema keyword "exclusiveMinimum"');
    expect(() => translate({ $ref: 'other.json#/Thing' })).toThrow('Unsupported $ref "other.json#/Thing"');
  });

  it('translates every component schema of the specs the product uses', () => {
    for (const [domain, files] of Object.entries(TWILIO_OAI_FILES)) {
      const { schemas } = readTwilioOaiFile(domain, files[0]).components;
      for (const schema of Object.values(schemas)) expect(() => translate(schema)).not.toThrow();
    }
  });
});

describe('bundleJsonSchema', () => {
  const components: Record<string, OpenApiSchema> = {
    session: { type: 'object', properties: { status: { $ref: '#/components/schemas/session_enum_status' } } },
    session_enum_status: { type: 'string', enum: ['open', 'closed'] },
    unused: { type: 'string' },
  };

  it('carries the components reached, transitively, and no others', () => {
    const bundled = bundleJsonSchema({ type: 'array', items: { $ref: '#/components/schemas/session' } }, components);
    expect(Object.keys(bundled.$defs as object).sort()).toEqual(['session', 'session_enum_status']);
  });

  it('lets enum components be null, which a $ref cannot say in OpenAPI 3.0', () => {
    const bundled = bundleJsonSchema({ $ref: '#/components/schemas/session' }, components);
    expect((bundled.$defs as Record<string, unknown>).session_enum_status).toEqual({ type: ['string', 'null'], enum: ['open', 'closed', null] });
  });

  it('gives a schema ajv compiles in strict mode for every response of the specs the product uses', () => {
    const ajv = addTwilioFormats(new Ajv({ allErrors: true, strict: true, strictTypes: false }));
    let compiled = 0;
    for (const [domain, files] of Object.entries(TWILIO_OAI_FILES)) {
      const { paths, components } = readTwilioOaiFile(domain, files[0]);
      for (const item of Object.values(paths)) {
        for (const method of HTTP_METHODS) {
          for (const response of Object.values(item[method]?.responses ?? {})) {
            const schema = response.content?.['application/json']?.schema;
            if (!schema) continue;
            expect(() => ajv.compile(bundleJsonSchema(schema, components.schemas))).not.toThrow();
            compiled++;
          }
        }
      }
    }
    expect(compiled).toBeGreaterThan(400);
  });

  it('fails on a $ref to a component the spec lacks', () => {
    expect(() => bundleJsonSchema({ $ref: '#/components/schemas/missing' }, components)).toThrow('Unresolved $ref to component schema "missing"');
  });
});
