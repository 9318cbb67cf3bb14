import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { OutboundRequestKind } from '@flex-sms/domain';
import { ErrorResponseDto } from '../common/error-response.dto';

export const SENDS_SMS = 'flex-sms:sends-sms';

export interface SendsSmsOptions {
  /** Which send the route makes, as the journal records it (sends_total's `flow` for a send refused before it). */
  kind: OutboundRequestKind;
  /** The body field naming the sender number; `fromNumber` by default. */
  fromField: string;
}

const EXAMPLE_REQUEST_ID = '5f0c6c1e-8c1b-4d5e-9a43-0a4c1b7f6f2e';

/**
 * Marks a route that sends SMS. The guard then (1) refuses an API key restricted to some sender numbers when the
 * body's sender is not one of them (403 FROM_NUMBER_NOT_ALLOWED, also when the body names none: fail closed), and
 * (2) counts the send against the caller's SEND_RATE_LIMIT_PER_MINUTE (429 RATE_LIMITED with Retry-After).
 */
export const SendsSms = (options: Pick<SendsSmsOptions, 'kind'> & Partial<SendsSmsOptions>) =>
  applyDecorators(
    SetMetadata(SENDS_SMS, { kind: options.kind, fromField: options.fromField ?? 'fromNumber' } satisfies SendsSmsOptions),
    ApiExtraModels(ErrorResponseDto),
    ApiResponse({
      status: 429,
      description: 'RATE_LIMITED: too many sends for this API key or user (SEND_RATE_LIMIT_PER_MINUTE)',
      headers: { 'Retry-After': { description: 'Seconds until sends are accepted again', schema: { type: 'integer' } } },
      content: {
        'application/json': {
          schema: { $ref: getSchemaPath(ErrorResponseDto) },
          examples: {
            RATE_LIMITED: {
              value: {
                error: {
                  status: 429,
                  code: 'RATE_LIMITED',
                  message: 'Too many SMS sends: at most 60 a minute for this API key.',
                  context: { retryAfterSeconds: 42 },
                  requestId: EXAMPLE_REQUEST_ID,
                },
              },
            },
          },
        },
      },
    }),
  );
