import type { ErrorObject } from 'ajv';
import { readBoolean, readDate, readInteger, readJsonObjects } from '../core/twilio-encodings';
import type { ParamProblem } from './index';
import type { OpenApiOperation, OpenApiSchema } from './openapi.types';

/**
 * How a value of a typed parameter must read, in any of the encodings Twilio accepts (core/twilio-encodings.ts):
 * the spec's `boolean`, `integer`, `date-time`/`date` strings and arrays of objects. Strings, string lists and
 * enums need no reading here.
 */
export type ParameterEncoding = 'boolean' | 'integer' | 'date' | 'objects';

/** A parameter an operation accepts in the query (GET, DELETE) or in the form body (POST). */
export interface AcceptedParameter {
  name: string;
  required: boolean;
  encoding?: ParameterEncoding;
}

const READABLE: Record<ParameterEncoding, { reads: (values: string[]) => boolean; expected: string }> = {
  boolean: { reads: (values) => values.every((value) => readBoolean(value) !== undefined), expected: 'a boolean (true or false, any casing)' },
  integer: { reads: (values) => values.every((value) => readInteger(value) !== undefined), expected: 'an integer' },
  date: { reads: (values) => values.every((value) => readDate(value) !== undefined), expected: 'an ISO 8601 date' },
  objects: { reads: (values) => readJsonObjects(values) !== undefined, expected: 'JSON objects, or a JSON array of objects' },
};

function encodingOf(schema: OpenApiSchema | undefined): ParameterEncoding | undefined {
  if (!schema) return undefined;
  if (schema.type === 'boolean') return 'boolean';
  if (schema.type === 'integer') return 'integer';
  if (schema.type === 'string' && (schema.format === 'date-time' || schema.format === 'date')) return 'date';
  // twilio-oai writes a list of objects (Proxy's Participants) as an array of `{}` items.
  if (schema.type === 'array' && schema.items && (schema.items.type === 'object' || Object.keys(schema.items).length === 0)) return 'objects';
  return undefined;
}

function accepted(name: string, required: boolean, schema: OpenApiSchema | undefined): AcceptedParameter {
  const encoding = encodingOf(schema);
  return encoding ? { name, required, encoding } : { name, required };
}

const FORM = 'application/x-www-form-urlencoded';

/**
 * What `operation` accepts besides its path: form properties of the request body for POST, query parameters
 * otherwise. Header parameters (`X-Twilio-Webhook-Enabled`) are not request parameters in this sense.
 */
export function acceptedParameters(method: string, operation: OpenApiOperation): AcceptedParameter[] {
  if (method.toUpperCase() === 'POST') return formParameters(operation.requestBody?.content[FORM]?.schema);
  return (operation.parameters ?? [])
    .filter((parameter) => parameter.in === 'query')
    .map((parameter) => accepted(parameter.name, parameter.required === true, parameter.schema));
}

function formParameters(schema: OpenApiSchema | undefined): AcceptedParameter[] {
  const required = new Set(schema?.required ?? []);
  return Object.entries(schema?.properties ?? {}).map(([name, property]) => accepted(name, required.has(name), property));
}

/**
 * Parameters sent that the operation does not know, then required ones not sent (an empty value counts as sent),
 * then typed ones whose value reads in none of the encodings Twilio accepts (an empty value is left to the route).
 */
export function parameterProblems(accepted: readonly AcceptedParameter[], sent: Record<string, string | string[]>): ParamProblem[] {
  const known = new Set(accepted.map((parameter) => parameter.name));
  const unknown = Object.keys(sent)
    .filter((name) => !known.has(name))
    .map((param): ParamProblem => ({ param, problem: 'unknown' }));
  const missing = accepted
    .filter((parameter) => parameter.required && !Object.hasOwn(sent, parameter.name))
    .map(({ name }): ParamProblem => ({ param: name, problem: 'missing' }));
  const invalid = accepted.flatMap(({ name, encoding }): ParamProblem[] => {
    if (!encoding || !Object.hasOwn(sent, name)) return [];
    const values = ([] as string[]).concat(sent[name]).filter((value) => value !== '');
    const { reads, expected } = READABLE[encoding];
    return values.length === 0 || reads(values) ? [] : [{ param: name, problem: 'invalid', reason: `must be ${expected}` }];
  });
  return [...unknown, ...missing, ...invalid];
}

/**
 * A JSON body's violations of its request schema as parameter problems, each naming the field by its path
 * (`types.twilio/text.body`): fields the spec does not declare, then required ones left out, then wrong values.
 */
export function jsonBodyProblems(errors: readonly ErrorObject[]): ParamProblem[] {
  const problems = errors.map((error): ParamProblem => {
    const params = error.params as Record<string, unknown>;
    if (error.keyword === 'additionalProperties') return { param: fieldPath(error.instancePath, params.additionalProperty), problem: 'unknown' };
    if (error.keyword === 'required') return { param: fieldPath(error.instancePath, params.missingProperty), problem: 'missing' };
    return { param: fieldPath(error.instancePath) || '(body)', problem: 'invalid', reason: error.message ?? error.keyword };
  });
  const rank = { unknown: 0, missing: 1, invalid: 2 } as const;
  return problems.sort((a, b) => rank[a.problem] - rank[b.problem]);
}

/** `/types/twilio~1text` and `body` → `types.twilio/text.body`. */
function fieldPath(pointer: string, member?: unknown): string {
  const tokens =
    pointer === ''
      ? []
      : pointer
          .slice(1)
          .split('/')
          .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (member !== undefined) tokens.push(String(member));
  return tokens.join('.');
}
