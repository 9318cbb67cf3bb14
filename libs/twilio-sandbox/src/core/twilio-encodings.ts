/**
 * How a form or query value may encode a typed parameter. Twilio accepts whatever its own clients send, so the
 * sandbox reads every encoding they use. Read, not copied, from (December 2026):
 * - twilio-node `src/base/serialize.ts`: `map(input, fn)` maps only a real array (each element its own repeated
 *   value); anything else, e.g. a string the caller already `JSON.stringify`d, is sent as one value. `object(o)`
 *   `JSON.stringify`s objects and arrays, leaves strings as they are. `bool` sends `true`/`false`, or a caller's
 *   string as is. `iso8601DateTime` sends `YYYY-MM-DDTHH:MM:SSZ`, `iso8601Date` `YYYY-MM-DD`; strings pass as is.
 * - twilio-python `twilio/base/serialize.py`: `map` and `object` alike (a list of dicts becomes repeated JSON
 *   objects, a `json.dumps`ed list one value); `iso8601_datetime` `%Y-%m-%dT%H:%M:%SZ`, `iso8601_date` `%Y-%m-%d`.
 *   Before `boolean_to_string` (twilio-python PR #753, 2024; twilio-php #792 likewise) booleans went out as Python's
 *   `True`/`False`, and Twilio's own curl examples write `Enabled=True` — so booleans are read in any casing.
 * - The original Flex outbound SMS Functions (twilio-professional-services/function-flex-outbound-sms) create the
 *   Proxy session with `participants: JSON.stringify([...])`: one `Participants` value holding a JSON array.
 * - twilio-oai's parameter descriptions: dates are ISO 8601 (`YYYY-MM-DDThh:mm:ss-hh:mm` for Studio, `Z` in the
 *   SDKs); API 2010's `DateSent` filters take `YYYY-MM-DD`, `DateSent<` meaning "on or before" that day.
 * Each reader returns undefined for a value it cannot read; the caller names the parameter in Twilio's 400.
 */

export function readBoolean(text: string): boolean | undefined {
  const lower = text.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

export function readInteger(text: string): number | undefined {
  const parsed = Number(text);
  return /^-?\d+$/.test(text) && Number.isSafeInteger(parsed) ? parsed : undefined;
}

/** A date or date-time as Twilio documents them: ISO 8601, UTC when no offset is given. */
export interface WireDate {
  date: Date;
  /** `YYYY-MM-DD` alone: a whole day, which a range's upper bound includes. */
  dateOnly: boolean;
}

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

export function readDate(text: string): WireDate | undefined {
  const match = ISO_8601.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', offset = 'Z'] = match;
  const fields = [year, month, day, hour, minute, second].map(Number);
  const utc = Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5], Math.floor(Number(`0${fraction || '.0'}`) * 1000));
  const asSent = new Date(utc);
  // Date.UTC rolls 2026-02-30 over into March: a date whose fields do not survive the round trip does not exist.
  if (asSent.getUTCMonth() !== fields[1] - 1 || asSent.getUTCDate() !== fields[2] || fields[3] > 23 || fields[4] > 59 || fields[5] > 59)
    return undefined;
  return { date: new Date(utc - offsetMinutes(offset) * 60_000), dateOnly: match[4] === undefined };
}

function offsetMinutes(offset: string): number {
  if (offset.toUpperCase() === 'Z') return 0;
  const digits = offset.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return digits.startsWith('-') ? -minutes : minutes;
}

/** The last millisecond of the day a date-only value names: "on or before 2026-11-24" includes all of the 24th. */
export function endOfDay(date: Date): Date {
  return new Date(date.getTime() + 24 * 60 * 60 * 1000 - 1);
}

/**
 * The items of a list parameter: repeated values (the SDKs' form), or one value holding a JSON array (a caller that
 * stringified the list itself), or both. JSON array items that are not strings come back as JSON text.
 */
export function listItems(values: readonly string[]): string[] {
  return values.flatMap((value) => {
    const array = jsonArrayIn(value);
    return array ? array.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))) : [value];
  });
}

function jsonArrayIn(value: string): unknown[] | undefined {
  if (!value.trimStart().startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** One JSON object sent as text (`Channel`, `Routing`): undefined when the text is not one. */
export function readJsonObject(text: string): JsonObject | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A list of objects (Proxy's `Participants`): each object its own JSON value, or one JSON array of objects.
 * Undefined when any value is neither.
 */
export function readJsonObjects(values: readonly string[]): JsonObject[] | undefined {
  const objects: JsonObject[] = [];
  for (const value of values) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      return undefined;
    }
    const items = Array.isArray(parsed) ? parsed : [parsed];
    if (!items.every(isJsonObject)) return undefined;
    objects.push(...items);
  }
  return objects;
}
