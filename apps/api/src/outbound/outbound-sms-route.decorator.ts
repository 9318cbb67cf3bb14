import { HttpCode, Post, applyDecorators } from '@nestjs/common';
import { ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, type ApiOperationOptions } from '@nestjs/swagger';
import type { OutboundRequestKind } from '@flex-sms/domain';
import { Roles } from '../auth/roles.decorator';
import { SendsSms } from '../auth/sends-sms.decorator';
import { ApiErrorExamples, ERROR_EXAMPLES, RETRY_AFTER_HEADER, type ErrorExample } from '../common/api-error-examples.decorator';
import type { AnswerFromJournal } from '../idempotency/answer-from-journal';
import { Idempotent } from '../idempotency/idempotent.decorator';

/** The Flex Flow each send goes through: an agent SMS makes a task, a system SMS goes to a Studio flow. */
const INTEGRATION_TYPE = { agent_sms: 'task', system_sms: 'studio' } as const satisfies Record<OutboundRequestKind, 'task' | 'studio'>;

export interface OutboundSmsRouteOptions {
  path: string;
  kind: OutboundRequestKind;
  operation: ApiOperationOptions;
  /** The success answer: `201` with `type` on /api/v1, or the original Function's `200`. */
  response: { type: new () => object; description?: string };
  /**
   * An original Function's drop-in path: answers 200 with the original's body (also when answered from the journal),
   * takes form-encoded bodies too, and documents only the errors the original could give.
   */
  originalFunction?: { answerFromJournal: AnswerFromJournal };
}

/**
 * One outbound send route: an operator's SMS send (sender restriction, send rate limit), honouring Idempotency-Key,
 * documented with the errors a send can answer. The four outbound routes differ only in these options.
 */
export function OutboundSmsRoute(options: OutboundSmsRouteOptions) {
  const { path, kind, operation, response, originalFunction } = options;
  const integrationType = INTEGRATION_TYPE[kind];
  const idempotency = (example: ErrorExample) => (originalFunction ? [] : [example]);
  // The original Functions' paths stay SMS text only, as the Functions were: no channel, no templates.
  const channels = (...examples: ErrorExample[]) => (originalFunction ? [] : examples);
  return applyDecorators(
    Post(path),
    Roles('operator'),
    SendsSms({ kind }),
    ...(originalFunction
      ? [
          HttpCode(200),
          Idempotent({ answerFromJournal: originalFunction.answerFromJournal }),
          ApiConsumes('application/json', 'application/x-www-form-urlencoded'),
        ]
      : [Idempotent()]),
    ApiOperation(operation),
    originalFunction ? ApiOkResponse(response) : ApiCreatedResponse(response),
    ApiErrorExamples(
      {
        400: [ERROR_EXAMPLES.validationFailed, ...idempotency(ERROR_EXAMPLES.invalidIdempotencyKey), ...channels(ERROR_EXAMPLES.invalidContent)],
        409: [ERROR_EXAMPLES.participantConflict, ...idempotency(ERROR_EXAMPLES.idempotencyKeyInUse)],
        422: [
          ...channels(ERROR_EXAMPLES.channelNotSupported, ERROR_EXAMPLES.whatsappTemplateRequired),
          ERROR_EXAMPLES.flexFlowNotFound(integrationType),
          ...(integrationType === 'studio' ? [ERROR_EXAMPLES.flexFlowDisabled] : []),
          ERROR_EXAMPLES.recipientOptedOut,
          ...idempotency(ERROR_EXAMPLES.idempotencyKeyReused),
        ],
        502: [ERROR_EXAMPLES.twilioRequestFailed],
        503: [ERROR_EXAMPLES.twilioUnavailable],
      },
      { 503: RETRY_AFTER_HEADER },
    ),
  );
}
