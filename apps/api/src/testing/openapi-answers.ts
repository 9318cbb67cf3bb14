import { fromSchema } from '@openapi-contrib/openapi-schema-to-json-schema';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { OpenAPIObject } from '@nestjs/swagger';

type Schema = Record<string, unknown>;
type Options = NonNullable<Parameters<typeof fromSchema>[1]>;

const COMPONENT_REF = '#/components/schemas/';
/** The document's component schemas, as one JSON Schema that answers' schemas refer into. */
const COMPONENTS_ID = 'openapi-components';
const ANNOTATIONS = ['description', 'example', 'examples', 'default', 'title', 'deprecated'];

/**
 * Holds the API's answers to its own OpenAPI document, read strictly: an object schema that lists properties is
 * closed (a field the document does not name is a lie by omission, since the console's types are generated from it),
 * `required` means present, `nullable` means null may come. `nullable` beside a `$ref` (OpenAPI 3.0 has no other
 * way to say "this object or null") is honoured, which the translation library leaves out.
 */
export class OpenApiAnswers {
  private readonly ajv = addFormats(new Ajv({ allErrors: true, strict: true, strictTypes: false }));
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenAPIObject) {
    const components = Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => [name, toJsonSchema(schema as Schema)]);
    this.ajv.addSchema({ $id: COMPONENTS_ID, $defs: Object.fromEntries(components) });
  }

  /**
   * The ways `body` differs from the documented answer of `method path` (the document's path template, e.g.
   * `/api/v1/outbound/{id}`) with `status`; empty when it matches. An undocumented status is a difference too.
   */
  violations(method: string, path: string, status: number, body: unknown): string[] {
    const response = this.document.paths[path]?.[method.toLowerCase() as 'get']?.responses?.[String(status)] as
      { content?: Record<string, { schema?: Schema }> } | undefined;
    if (!response) return [`${method.toUpperCase()} ${path} does not document a ${status} answer`];
    const schema = response.content?.['application/json']?.schema;
    if (!schema) return isEmpty(body) ? [] : [`${method.toUpperCase()} ${path} ${status} documents no body, yet one came`];
    const key = `${method} ${path} ${status}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema));
      this.validators.set(key, validate);
    }
    return validate(body) ? [] : (validate.errors ?? []).map(describe);
  }
}

/** No body, as supertest reads one: nothing, an empty text, or `{}` for a 204. */
function isEmpty(body: unknown): boolean {
  return body === undefined || body === '' || (typeof body === 'object' && body !== null && Object.keys(body).length === 0);
}

function describe(error: ErrorObject): string {
  const where = error.instancePath || '(the body)';
  if (error.keyword === 'additionalProperties') return `${where} has "${String(error.params.additionalProperty)}", which the document does not name`;
  return `${where} ${error.message ?? error.keyword}${error.keyword === 'enum' ? ` ${JSON.stringify(error.params.allowedValues)}` : ''}`;
}

function toJsonSchema(schema: Schema): Schema {
  const hooks = { beforeTransform: nullableReference, afterTransform: closeObject } as unknown as Options;
  const translated = fromSchema(structuredClone(schema), { cloneSchema: false, ...hooks }) as Schema;
  delete translated.$schema;
  return translated;
}

/** `{ nullable: true, allOf: [{ $ref }] }` (how Nest's Swagger writes a nullable DTO) becomes "the DTO, or null". */
function nullableReference(schema: Schema): Schema {
  if (schema.nullable !== true || !(Array.isArray(schema.allOf) || typeof schema.$ref === 'string')) return schema;
  const { nullable: _nullable, type: _type, ...rest } = schema;
  return { anyOf: [rest, { type: 'null' }] };
}

function closeObject(schema: Schema): Schema {
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith(COMPONENT_REF)) {
    schema.$ref = `${COMPONENTS_ID}#/$defs/${schema.$ref.slice(COMPONENT_REF.length)}`;
  }
  for (const keyword of Object.keys(schema)) if (ANNOTATIONS.includes(keyword) || keyword.startsWith('x-')) delete schema[keyword];
  if (schema.properties && schema.additionalProperties === undefined) schema.additionalProperties = false;
  return schema;
}
