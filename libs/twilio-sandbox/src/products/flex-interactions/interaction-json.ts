import { isJsonObject, readJsonObject, type JsonObject } from '../../core/twilio-encodings';
import { invalidParameter } from '../../http/twilio-error';

export function stringField(object: JsonObject, name: string): string | undefined {
  const value = object[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Routing `attributes` may come as an object or as JSON text (Studio's Send to Flex sends text). */
export function attributesObject(value: unknown, name: string): JsonObject {
  if (value === undefined || value === null || value === '') return {};
  if (isJsonObject(value)) return value;
  if (typeof value === 'string') {
    const object = readJsonObject(value);
    if (!object) throw invalidParameter(name, 'must be a JSON object');
    return object;
  }
  throw invalidParameter(name, 'must be an object');
}
