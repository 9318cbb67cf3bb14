import { endOfDay, listItems, readBoolean, readDate, readInteger, readJsonObject, readJsonObjects, type JsonObject } from '../core/twilio-encodings';
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

/**
 * Typed reads of request parameters with Twilio's parsing rules and errors: every encoding Twilio's clients send
 * is read (core/twilio-encodings.ts says which, and where that comes from).
 */
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

  /** Raw values as sent: one per repetition of the name. */
  values(name: string): string[] {
    const value = this.raw[name];
    if (value === undefined) return [];
    return Array.isArray(value) ? value : [value];
  }

  /** A list: repeated values, or one JSON array (`Filters=["onMessageAdded"]`), as Twilio accepts both. */
  list(name: string): string[] {
    return listItems(this.values(name));
  }

  /** A list of objects (Proxy's `Participants`): one JSON object per value, or one JSON array of them. */
  objects(name: string): JsonObject[] {
    const objects = readJsonObjects(this.values(name));
    if (!objects) throw invalidParameter(name, 'must be JSON objects, or a JSON array of objects');
    return objects;
  }

  /** An object sent as JSON text (`Channel`, `Routing`). */
  object(name: string): JsonObject | undefined {
    const value = this.string(name);
    if (value === undefined || value === '') return undefined;
    const object = readJsonObject(value);
    if (!object) throw invalidParameter(name, 'must be a JSON object');
    return object;
  }

  requiredObject(name: string): JsonObject {
    const object = this.object(name);
    if (!object) throw missingParameter(name);
    return object;
  }

  /** Twilio reads booleans case-insensitively ("true", "True", "TRUE", "false"…). */
  boolean(name: string): boolean | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const parsed = readBoolean(value);
    if (parsed === undefined) throw invalidParameter(name, `'${value}' is not a boolean`);
    return parsed;
  }

  /**
   * An ISO 8601 date or date-time (`Z` or an offset; none means UTC). `YYYY-MM-DD` names its day's first instant,
   * or its last one for the upper bound of a range (`until`), so "on or before" a day includes that day.
   */
  date(name: string, bound: 'from' | 'until' = 'from'): Date | undefined {
    const value = this.string(name);
    if (value === undefined || value === '') return undefined;
    const parsed = readDate(value);
    if (!parsed) throw invalidParameter(name, `'${value}' is not an ISO 8601 date`);
    return parsed.dateOnly && bound === 'until' ? endOfDay(parsed.date) : parsed.date;
  }

  integer(name: string, bounds: { min?: number; max?: number } = {}): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const parsed = readInteger(value);
    if (parsed === undefined) throw invalidParameter(name, `'${value}' is not an integer`);
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
