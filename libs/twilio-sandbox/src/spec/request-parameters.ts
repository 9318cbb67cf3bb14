import type { ParamProblem } from './index';
import type { OpenApiOperation, OpenApiSchema } from './openapi.types';

/** A parameter an operation accepts in the query (GET, DELETE) or in the form body (POST). */
export interface AcceptedParameter {
  name: string;
  required: boolean;
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
    .map((parameter) => ({ name: parameter.name, required: parameter.required === true }));
}

function formParameters(schema: OpenApiSchema | undefined): AcceptedParameter[] {
  const required = new Set(schema?.required ?? []);
  return Object.keys(schema?.properties ?? {}).map((name) => ({ name, required: required.has(name) }));
}

/** Parameters sent that the operation does not know, then required ones not sent (an empty value counts as sent). */
export function parameterProblems(accepted: readonly AcceptedParameter[], sent: Record<string, unknown>): ParamProblem[] {
  const known = new Set(accepted.map((parameter) => parameter.name));
  const unknown = Object.keys(sent)
    .filter((name) => !known.has(name))
    .map((param): ParamProblem => ({ param, problem: 'unknown' }));
  const missing = accepted
    .filter((parameter) => parameter.required && !Object.hasOwn(sent, parameter.name))
    .map(({ name }): ParamProblem => ({ param: name, problem: 'missing' }));
  return [...unknown, ...missing];
}
