import { invalidParameter, missingParameter } from '../../http/twilio-error';

export type JsonObject = Record<string, unknown>;

/** A parameter the SDK sends as JSON text (`Channel`, `Routing`, `MediaProperties`): it must hold an object. */
export function readJsonObject(name: string, text: string | undefined, required: true): JsonObject;
export function readJsonObject(name: string, text: string | undefined, required?: false): JsonObject | undefined;
export function readJsonObject(name: string, text: string | undefined, required = false): JsonObject | undefined {
  if (text === undefined || text === '') {
    if (required) throw missingParameter(name);
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidParameter(name, 'not valid JSON');
  }
  if (!isObject(value)) throw invalidParameter(name, 'must be a JSON object');
  return value;
}

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function stringField(object: JsonObject, name: string): string | undefined {
  const value = object[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Routing `attributes` may come as an object or as JSON text (Studio's Send to Flex sends text). */
export function attributesObject(value: unknown, name: string): JsonObject {
  if (value === undefined || value === null) return {};
  if (isObject(value)) return value;
  if (typeof value === 'string') return readJsonObject(name, value) ?? {};
  throw invalidParameter(name, 'must be an object');
}
