import Ajv, { type ValidateFunction } from 'ajv';
import type { RequestCheck, RequestChecker } from './index';
import { bundleJsonSchema, type JsonSchema } from './openapi-to-json-schema';
import { acceptedParameters, parameterProblems } from './request-parameters';
import { describeViolations } from './schema-violations';
import { SpecOperations, type SpecOperation } from './spec-operations';
import { TWILIO_ERROR_SCHEMA } from './twilio-error.schema';
import { addTwilioFormats } from './twilio-formats';
import { readTwilioOaiFile, TWILIO_OAI_FILES, twilioOaiDirectory } from './twilio-oai-files';

/** The spec operation a request addresses. */
export interface OperationMatch {
  /** Twilio's operationId, e.g. `ListFlexFlow`. Unique within a domain only (`chat` and `proxy` both have `ListService`). */
  operationId: string;
  /** `<domain>:<operationId>`, unique across the catalog, e.g. `proxy:CreateSession`. */
  key: string;
  pathTemplate: string;
}

/** Twilio's official OpenAPI specs, queried by the sandbox (requests) and the contract test (responses). */
export interface OpenApiCatalog {
  checkRequest: RequestChecker;
  /**
   * Violations of the spec by a response body, in words; empty when it matches. Error statuses (4xx, 5xx) are
   * checked against Twilio's error body instead of the operation's schema.
   */
  checkResponse(domain: string, method: string, path: string, status: number, body: unknown): string[];
  operationFor(domain: string, method: string, path: string): OperationMatch | undefined;
}

let catalog: OpenApiCatalog | undefined;

/**
 * The catalog over the specs of the domains the product uses. The same instance every time: spec files are
 * parsed on the first request for their domain, and each response schema is compiled once, when first needed.
 * Throws at once when the specs are not installed, so a sandbox that relies on them fails at start.
 */
export function loadOpenApiCatalog(): OpenApiCatalog {
  if (!catalog) {
    twilioOaiDirectory();
    catalog = createCatalog();
  }
  return catalog;
}

function createCatalog(): OpenApiCatalog {
  const domains = new Map<string, SpecOperations>();
  const validators = new Map<string, ValidateFunction>();
  const ajv = addTwilioFormats(new Ajv({ allErrors: true, strict: true, strictTypes: false }));

  const operationsOf = (domain: string): SpecOperations | undefined => {
    const files = TWILIO_OAI_FILES[domain];
    if (!files) return undefined;
    let operations = domains.get(domain);
    if (!operations) {
      operations = new SpecOperations(files.map((file) => readTwilioOaiFile(domain, file)));
      domains.set(domain, operations);
    }
    return operations;
  };

  const validatorFor = (key: string, schema: () => JsonSchema): ValidateFunction => {
    let validate = validators.get(key);
    if (!validate) {
      validate = ajv.compile(schema());
      validators.set(key, validate);
    }
    return validate;
  };

  const find = (domain: string, method: string, path: string) => operationsOf(domain)?.find(method, path);

  return {
    checkRequest(domain, method, path, params): RequestCheck {
      const found = find(domain, method, path);
      if (!found) return { known: false, problems: [] };
      return { known: true, problems: parameterProblems(acceptedParameters(method, found.operation), params) };
    },

    operationFor(domain, method, path) {
      const found = find(domain, method, path);
      return found && matchOf(domain, found);
    },

    checkResponse(domain, method, path, status, rawBody) {
      const parsed = parseBody(rawBody);
      if ('violation' in parsed) return [parsed.violation];
      const { body } = parsed;
      if (status >= 400) return errorBodyViolations(validatorFor('twilio-error', () => TWILIO_ERROR_SCHEMA), status, body);
      const found = find(domain, method, path);
      if (!found) return [`no operation of the ${domain} spec matches ${method.toUpperCase()} ${path}`];
      const response = found.operation.responses[String(status)];
      if (!response) {
        return [`${matchOf(domain, found).key} does not answer ${status}; the spec declares ${Object.keys(found.operation.responses).join(', ')}`];
      }
      const schema = response.content?.['application/json']?.schema;
      if (!schema) return body === undefined ? [] : [`(body): must be empty for ${status}, got a body`];
      const validate = validatorFor(`${domain} ${found.method} ${found.template} ${status}`, () =>
        bundleJsonSchema(schema, found.document.components.schemas),
      );
      return validate(body) ? [] : describeViolations(validate.errors ?? [], body);
    },
  };
}

function matchOf(domain: string, found: SpecOperation): OperationMatch {
  const { operationId } = found.operation;
  return { operationId, key: `${domain}:${operationId}`, pathTemplate: found.template };
}

/** Bodies arrive parsed (the SDK's axios) or raw (fetch); an empty body is `undefined`. */
function parseBody(body: unknown): { body: unknown } | { violation: string } {
  if (typeof body !== 'string') return { body: body === null || body === '' ? undefined : body };
  if (body.trim() === '') return { body: undefined };
  try {
    return { body: JSON.parse(body) as unknown };
  } catch {
    return { violation: `(body): is not JSON: ${body.slice(0, 60)}` };
  }
}

function errorBodyViolations(validate: ValidateFunction, status: number, body: unknown): string[] {
  if (!validate(body)) return describeViolations(validate.errors ?? [], body);
  const sentStatus = (body as { status: number }).status;
  return sentStatus === status ? [] : [`/status: must repeat the HTTP status ${status}, got ${sentStatus}`];
}
