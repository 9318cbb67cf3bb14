import type { JsonSchema } from './openapi-to-json-schema';

/**
 * The body of every Twilio error response. twilio-oai models no error responses, so this follows Twilio's
 * documentation of its REST error format (https://www.twilio.com/docs/usage/twilios-response): the Twilio
 * error code, a message, a link to the code's page and the HTTP status repeated.
 */
export const TWILIO_ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    code: { type: 'integer', minimum: 10000 },
    message: { type: 'string', minLength: 1 },
    more_info: { type: 'string', format: 'uri', pattern: '^https://www\\.twilio\\.com/docs/errors/\\d+$' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
  },
  required: ['code', 'message', 'more_info', 'status'],
  additionalProperties: false,
};
