import { invalidParameter, missingParameter } from './twilio-error';

/** Decoded form or query parameters: PascalCase names as sent, repeated names as arrays. */
export type RawParams = Record<string, string | string[]>;

/**
 * Parses `application/x-www-form-urlencoded` (or a query string). The SDK sends repeated names for lists
 * (`Participants=…&Participants=…`) and dotted names for nested values (`Integration.WorkspaceSid`): both kept as is.
 */
export function parseForm(text: string): RawParams {
  const params: RawParams = {};
  for (const [name, value] of new URLSearchParams(text)) {
    const existing = params[name];
    if (existing === undefined) params[name] = value;
    else params[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return params;
}

/** Typed reads of request parameters with Twilio's parsing rules and errors. */
export class Params {
  constructor(readonly raw: RawParams) {}

  has(name: string): boolean {
    return this.raw[name] !== undefined;
  }

  string(name: string): string | undefined {
    const value = this.raw[name];
    return Array.isArray(value) ? value[value.length - 1] : value;
  }

  required(name: string): string {
    const value = this.string(name);
    if (value === undefined || value === '') throw missingParameter(name);
    return value;
  }

  list(name: string): string[] {
    const value = this.raw[name];
    if (value === undefined) return [];
    return Array.isArray(value) ? value : [value];
  }

  /** Twilio reads booleans case-insensitively ("true", "True", "false"…). */
  boolean(name: string): boolean | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const lower = value.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    throw invalidParameter(name, `'${value}' is not a boolean`);
  }

  integer(name: string, bounds: { min?: number; max?: number } = {}): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(parsed)) throw invalidParameter(name, `'${value}' is not an integer`);
    if (bounds.min !== undefined && parsed < bounds.min) throw invalidParameter(name, `must be at least ${bounds.min}`);
    if (bounds.max !== undefined && parsed > bounds.max) throw invalidParameter(name, `must be at most ${bounds.max}`);
    return parsed;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      throw invalidParameter(name, `'${value}' is not one of ${allowed.join(', ')}`);
    }
    return value as T;
  }

  /** A parameter carrying JSON text (e.g. Attributes); invalid JSON is a 400 as on Twilio. */
  json(name: string): string | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    try {
      JSON.parse(value);
    } catch {
      throw invalidParameter(name, 'not valid JSON');
    }
    return value;
  }
}
