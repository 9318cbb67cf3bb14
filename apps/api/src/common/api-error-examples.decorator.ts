import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { OptOutNotFound, ProxyServiceNotConfigured, RecipientOptedOut } from '@flex-sms/domain';
import { ErrorResponseDto } from './error-response.dto';

export interface ErrorExample {
  code: string;
  message: string;
  details?: { field: string; message: string }[];
  context?: Record<string, unknown>;
  twilioCode?: number;
}

/**
 * Documents a route's error answers in the one error shape, with one named example per error code:
 * `@ApiErrorExamples({ 409: [PARTICIPANT_CONFLICT_EXAMPLE] })`.
 */
export function ApiErrorExamples(
  errors: Record<number, ErrorExample[]>,
  headers: Record<number, Record<string, { description: string; schema: { type: 'integer' | 'string' } }>> = {},
) {
  return applyDecorators(
    ApiExtraModels(ErrorResponseDto),
    ...Object.entries(errors).map(([statusText, examples]) => {
      const status = Number(statusText);
      return ApiResponse({
        status,
        description: examples.map((example) => example.code).join(' | '),
        ...(headers[status] ? { headers: headers[status] } : {}),
        content: {
          'application/json': {
            schema: { $ref: getSchemaPath(ErrorResponseDto) },
            examples: Object.fromEntries(
              examples.map((example) => [
                example.code,
                { value: { error: { status, ...example, requestId: '5f0c6c1e-8c1b-4d5e-9a43-0a4c1b7f6f2e' } } },
              ]),
            ),
          },
        },
      });
    }),
  );
}

const EXAMPLE_USER_ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const EXAMPLE_API_KEY_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

export const RETRY_AFTER_HEADER = { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' as const } } };

export const ERROR_EXAMPLES = {
  proxyServiceNotConfigured: { code: 'PROXY_SERVICE_NOT_CONFIGURED', message: new ProxyServiceNotConfigured().message },
  validationFailed: {
    code: 'VALIDATION_FAILED',
    message: 'The request has 2 invalid fields.',
    details: [
      { field: 'toNumber', message: 'toNumber must be a phone number in E.164 format, e.g. +15551234567' },
      { field: 'colour', message: 'property colour should not exist' },
    ],
  },
  invalidIdempotencyKey: { code: 'INVALID_IDEMPOTENCY_KEY', message: 'Idempotency-Key must be 1 to 255 printable ASCII characters.' },
  participantConflict: {
    code: 'PARTICIPANT_CONFLICT',
    message:
      '+14155550123 is already in an open Proxy Session with +15550100001 (session KC…, channel CH…, task WT…). Finish or close that conversation first.',
    context: {
      customerNumber: '+14155550123',
      proxyNumber: '+15550100001',
      conflictingSessionSid: 'KC0123456789abcdef0123456789abcdef',
      conflictingChannelSid: 'CH0123456789abcdef0123456789abcdef',
      conflictingTaskSid: 'WT0123456789abcdef0123456789abcdef',
      requestId: 'req_6f1d2c3b4a5e6f708192a3b4',
      undone: [{ action: 'cancel-task', sid: 'WT1123456789abcdef0123456789abcdef', ok: true }],
    },
    twilioCode: 80604,
  },
  idempotencyKeyInUse: {
    code: 'IDEMPOTENCY_KEY_IN_USE',
    message: 'A request with this Idempotency-Key is still running; retry once it has finished.',
  },
  idempotencyKeyReused: {
    code: 'IDEMPOTENCY_KEY_REUSED',
    message: 'This Idempotency-Key was already used with a different request; use a new key for a new request.',
  },
  flexFlowNotFound: (integrationType: 'task' | 'studio') => ({
    code: 'FLEX_FLOW_NOT_FOUND',
    message: `No sms Flex Flow with IntegrationType=${integrationType} has ContactIdentity +15550100003. Create one (POST https://flex-api.twilio.com/v1/FlexFlows with ChannelType=sms, IntegrationType=${integrationType}, ContactIdentity=+15550100003) or send from a number that has one.`,
    context: {
      phoneNumber: '+15550100003',
      integrationType,
      fix: `Create an sms Flex Flow with IntegrationType=${integrationType} and ContactIdentity=+15550100003`,
    },
  }),
  recipientOptedOut: {
    code: 'RECIPIENT_OPTED_OUT',
    message: new RecipientOptedOut('+14155550123', '+15550100001', new Date('2026-12-01T10:00:00.000Z'), 'inbound-keyword').message,
    context: { recipient: '+14155550123', scope: '+15550100001', since: '2026-12-01T10:00:00.000Z', source: 'inbound-keyword' },
  },
  optOutNotFound: { code: 'OPT_OUT_NOT_FOUND', message: new OptOutNotFound('+14155550123', '+15550100001').message },
  csvHeaderInvalid: {
    code: 'CSV_HEADER_INVALID',
    message: 'The CSV header must name the columns recipient,scope,reason; missing: recipient',
    context: { missing: ['recipient'] },
  },
  csvUnsupportedMediaType: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the file as Content-Type: text/csv.' },
  flexFlowDisabled: {
    code: 'FLEX_FLOW_DISABLED',
    message:
      'The studio Flex Flow FO… for +15550100001 is disabled. Enable it (POST https://flex-api.twilio.com/v1/FlexFlows/FO… with Enabled=true) before sending through it.',
    context: { flexFlowSid: 'FO0123456789abcdef0123456789abcdef', phoneNumber: '+15550100001', integrationType: 'studio' },
  },
  invalidContent: {
    code: 'INVALID_CONTENT',
    message:
      'The Content template cannot be sent as asked: contentVariables.nickname: is not a placeholder of template appointment_reminder (its placeholders: 1, 2); contentVariables.2: is required: template appointment_reminder has {{2}} (its placeholders: 1, 2)',
    context: {
      problems: [
        { field: 'contentVariables.nickname', message: 'is not a placeholder of template appointment_reminder (its placeholders: 1, 2)' },
        { field: 'contentVariables.2', message: 'is required: template appointment_reminder has {{2}} (its placeholders: 1, 2)' },
      ],
    },
  },
  channelNotSupported: {
    code: 'CHANNEL_NOT_SUPPORTED',
    message:
      '+15550100001 cannot send on whatsapp: the number is in Chat + Proxy mode (a Flex Flow on Programmable Chat), and Proxy relays SMS only. …',
    context: { channel: 'whatsapp', fromNumber: '+15550100001' },
  },
  whatsappTemplateRequired: {
    code: 'WHATSAPP_TEMPLATE_REQUIRED',
    message:
      "whatsapp:+14155550123 has not written to whatsapp:+15550100003: outside WhatsApp's 24-hour customer service window only an approved template can be sent. Send contentSid (GET /api/v1/content-templates) instead of the text.",
    context: { customer: 'whatsapp:+14155550123', sender: 'whatsapp:+15550100003', lastInboundAt: null },
  },
  twilioRequestFailed: {
    code: 'TWILIO_REQUEST_FAILED',
    message: 'Chat message: The message body is too long',
    context: { status: 400 },
    twilioCode: 50301,
  },
  twilioUnavailable: {
    code: 'TWILIO_UNAVAILABLE',
    message: "Twilio stayed unavailable during 'create Proxy session' (Proxy session: Service Unavailable). Try again in about 2s.",
    context: { operation: 'create Proxy session', retryAfterSeconds: 2, lastStatus: 503, lastKind: 'server_error' },
    twilioCode: 20503,
  },
  resourceNotFound: (resource: string, sid: string) => ({
    code: 'RESOURCE_NOT_FOUND',
    message: `${resource} ${sid} was not found`,
    context: { resource, sid },
    twilioCode: 20404,
  }),
  usernameTaken: { code: 'USERNAME_TAKEN', message: 'The username jane is taken.', context: { username: 'jane' } },
  userNotFound: { code: 'USER_NOT_FOUND', message: `User ${EXAMPLE_USER_ID} was not found.`, context: { userId: EXAMPLE_USER_ID } },
  lastAdmin: { code: 'LAST_ADMIN', message: 'Cannot demote the last admin: make another user admin first.', context: { userId: EXAMPLE_USER_ID } },
  apiKeyNotFound: { code: 'API_KEY_NOT_FOUND', message: `API key ${EXAMPLE_API_KEY_ID} was not found.`, context: { apiKeyId: EXAMPLE_API_KEY_ID } },
  apiKeyRevoked: { code: 'API_KEY_REVOKED', message: `API key ${EXAMPLE_API_KEY_ID} is revoked.`, context: { apiKeyId: EXAMPLE_API_KEY_ID } },
  signingSecretMissing: {
    code: 'SIGNING_SECRET_MISSING',
    message: `API key ${EXAMPLE_API_KEY_ID} has no signing secret yet: create one (POST /api/v1/api-keys/${EXAMPLE_API_KEY_ID}/signing-secret) first.`,
  },
  invalidCredentials: { code: 'INVALID_CREDENTIALS', message: 'Wrong username or password.' },
  untrustedOrigin: { code: 'UNTRUSTED_ORIGIN', message: 'Requests from https://elsewhere.example are not accepted.' },
  loginThrottled: { code: 'LOGIN_THROTTLED', message: 'Too many failed sign-ins. Try again in 30 s.', context: { retryAfterSeconds: 30 } },
  signInBusy: { code: 'SIGN_IN_BUSY', message: 'Too many sign-ins at once. Try again in a moment.', context: { retryAfterSeconds: 1 } },
};
