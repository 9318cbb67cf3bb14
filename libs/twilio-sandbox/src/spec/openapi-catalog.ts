import Ajv, { type ValidateFunction } from 'ajv';
import type { RequestCheck, RequestChecker } from './index';
import { bundleJsonSchema } from './openapi-to-json-schema';
import { acceptedParameters, jsonBodyProblems, parameterProblems } from './request-parameters';
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
  /** A plain function (no `this`), so it can be handed to the sandbox as it is. */
  checkRequest: RequestChecker;
  /**
   * Violations of the spec by a response body, in words; empty when it matches. Error statuses (4xx, 5xx) are
   * checked against Twilio's error body instead of the operation's schema.
   */
  checkResponse(domain: string, method: string, path: string, status: number, body: unknown): string[];
  operationFor(domain: string, method: string, path: string): OperationMatch | undefined;
}

let shared: OpenApiCatalog | undefined;

/** The request body of the operations that take JSON rather than a form (Content API v1). */
const JSON_BODY = 'application/json';

/**
 * The catalog over the specs of the domains the product uses. The same instance every time: spec files are
 * parsed on the first request for their domain, and each response schema is compiled once, when first needed.
 * Throws at once when the specs are not installed, so a sandbox that relies on them fails at start.
 */
export function loadOpenApiCatalog(): OpenApiCatalog {
  if (!shared) {
    twilioOaiDirectory();
    shared = new TwilioOaiCatalog();
  }
  return shared;
}

class TwilioOaiCatalog implements OpenApiCatalog {
  private readonly domains = new Map<string, SpecOperations>();
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly ajv = addTwilioFormats(new Ajv({ allErrors: true, strict: true, strictTypes: false }));

  readonly checkRequest: RequestChecker = (domain, method, path, params, jsonBody): RequestCheck => {
    const found = this.find(domain, method, path);
    if (!found) return { known: false, problems: [] };
    const jsonSchema = method.toUpperCase() === 'POST' ? found.operation.requestBody?.content[JSON_BODY]?.schema : undefined;
    if (jsonSchema) {
      const validate = this.validator(`request ${domain} ${found.method} ${found.template}`, () =>
        this.ajv.compile(bundleJsonSchema(jsonSchema, found.document.components.schemas, 'request')),
      );
      const body = jsonBody ?? {};
      return { known: true, problems: validate(body) ? [] : jsonBodyProblems(validate.errors ?? []) };
    }
    return { known: true, problems: parameterProblems(acceptedParameters(method, found.operation), params) };
  };

  operationFor(domain: string, method: string, path: string): OperationMatch | undefined {
    const found = this.find(domain, method, path);
    return found && matchOf(domain, found);
  }

  checkResponse(domain: string, method: string, path: string, status: number, rawBody: unknown): string[] {
    const parsed = parseBody(rawBody);
    if ('violation' in parsed) return [parsed.violation];
    if (status >= 400) return this.errorBodyViolations(status, parsed.body);
    const found = this.find(domain, method, path);
    if (!found) return [`no operation of the ${domain} spec matches ${method.toUpperCase()} ${path}`];
    return this.successBodyViolations(domain, found, status, parsed.body);
  }

  private successBodyViolations(domain: string, found: SpecOperation, status: number, body: unknown): string[] {
    const response = found.operation.responses[String(status)];
    if (!response) {
      const declared = Object.keys(found.operation.responses).join(', ');
      return [`${matchOf(domain, found).key} does not answer ${status}; the spec declares ${declared}`];
    }
    const schema = response.content?.['application/json']?.schema;
    if (!schema) return body === undefined ? [] : [`(body): must be empty for ${status}, got a body`];
    const validate = this.validator(`${domain} ${found.method} ${found.template} ${status}`, () =>
      this.ajv.compile(bundleJsonSchema(schema, found.document.components.schemas)),
    );
    return validate(body) ? [] : describeViolations(validate.errors ?? [], body);
  }

  private errorBodyViolations(status: number, body: unknown): string[] {
    const validate = this.validator('twilio-error', () => this.ajv.compile(TWILIO_ERROR_SCHEMA));
    if (!validate(body)) return describeViolations(validate.errors ?? [], body);
    const sentStatus = (body as { status: number }).status;
    return sentStatus === status ? [] : [`/status: must repeat the HTTP status ${status}, got ${sentStatus}`];
  }

  private find(domain: string, method: string, path: string): SpecOperation | undefined {
    return this.operationsOf(domain)?.find(method, path);
  }

  private operationsOf(domain: string): SpecOperations | undefined {
    const files = TWILIO_OAI_FILES[domain];
    if (!files) return undefined;
    let operations = this.domains.get(domain);
    if (!operations) {
      operations = new SpecOperations(files.map((file) => readTwilioOaiFile(domain, file)));
      this.domains.set(domain, operations);
    }
    return operations;
  }

  private validator(key: string, compile: () => ValidateFunction): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = compile();
      this.validators.set(key, validate);
    }
    return validate;
  }
}

function matchOf(domain: string, found: SpecOperation): OperationMatch {
  const { operationId } = found.operation;
  return { operationId, key: `${domain}:${operationId}`, pathTemplate: found.template };
}

/** Bodies arrive parsed (the SDK's axios) or raw (fetch); an empty body is `undefined`. */
function parseBody(body: unknown): { body: unknown } | { violation: string } {
  if (typeof body !== 'string') return { body: body === null ? undefined : body };
  if (body.trim() === '') return { body: undefined };
  try {
    return { body: JSON.parse(body) as unknown };
  } catch {
    return { violation: `(body): is not JSON: ${body.slice(0, 60)}` };
  }
}
