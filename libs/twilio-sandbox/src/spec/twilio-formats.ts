import type Ajv from 'ajv';
import addFormats from 'ajv-formats';

/**
 * RFC 2822 dates as API 2010 writes them: `Thu, 30 Jul 2015 20:12:31 +0000` (always GMT, zero-padded day).
 */
const RFC_2822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;

/**
 * Twilio's `phone-number` fields hold more than E.164: channel addresses (`whatsapp:+1…`, `client:alice`),
 * short codes and alphanumeric sender IDs, as the spec's own field descriptions list.
 */
const PHONE_NUMBER = [/^\+[1-9]\d{1,14}$/, /^[a-z]+:\S+$/, /^\d{3,8}$/, /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/];

/** The string formats Twilio's specs use beyond JSON Schema's, with ajv-formats' standard ones. */
export function addTwilioFormats(ajv: Ajv): Ajv {
  addFormats(ajv, ['date-time', 'date', 'uri', 'uri-reference', 'int32', 'int64']);
  ajv.addFormat('date-time-rfc-2822', { type: 'string', validate: (value) => RFC_2822.test(value) && !Number.isNaN(Date.parse(value)) });
  ajv.addFormat('phone-number', { type: 'string', validate: (value) => PHONE_NUMBER.some((pattern) => pattern.test(value)) });
  ajv.addFormat('iso-country-code', /^[A-Z]{2}$/);
  ajv.addFormat('currency', /^[A-Z]{3}$/i);
  ajv.addFormat('http-method', /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/);
  return ajv;
}
