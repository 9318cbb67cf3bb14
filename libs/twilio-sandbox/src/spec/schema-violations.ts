import type { ErrorObject } from 'ajv';

/** ajv's errors in words a reader of a failing contract test can act on, one line each, without duplicates. */
export function describeViolations(errors: readonly ErrorObject[], body: unknown): string[] {
  return [...new Set(errors.map((error) => describeViolation(error, body)))];
}

function describeViolation(error: ErrorObject, body: unknown): string {
  const where = error.instancePath || '(body)';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where}: has "${String(params.additionalProperty)}", which the spec does not declare`;
    case 'required':
      return `${where}: lacks "${String(params.missingProperty)}", which the spec declares`;
    case 'type':
      return `${where}: must be ${String(params.type).split(',').join(' or ')}, got ${preview(valueAt(body, error.instancePath))}`;
    case 'enum':
      return `${where}: must be one of ${(params.allowedValues as unknown[]).map(preview).join(', ')}, got ${preview(valueAt(body, error.instancePath))}`;
    case 'format':
      return `${where}: must be a ${String(params.format)}, got ${preview(valueAt(body, error.instancePath))}`;
    default:
      return `${where}: ${error.message ?? error.keyword}, got ${preview(valueAt(body, error.instancePath))}`;
  }
}

/** The value a JSON Pointer (`/flex_flows/0/sid`) designates in `body`. */
export function valueAt(body: unknown, pointer: string): unknown {
  if (pointer === '') return body;
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, token) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[token] : undefined), body);
}

function preview(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
