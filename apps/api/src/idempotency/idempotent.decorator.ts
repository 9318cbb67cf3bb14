import { SetMetadata, UseInterceptors, applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ANSWER_FROM_JOURNAL, AnswerFromJournal, answerAsCreated } from './answer-from-journal';
import { IDEMPOTENCY_KEY_HEADER, IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * Makes a route honour `Idempotency-Key` (see IdempotencyInterceptor) and documents the header. The route documents
 * the 409 IDEMPOTENCY_KEY_IN_USE and 422 IDEMPOTENCY_KEY_REUSED answers beside its own 409/422 codes.
 */
export function Idempotent(options: { answerFromJournal?: AnswerFromJournal } = {}) {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    SetMetadata(ANSWER_FROM_JOURNAL, options.answerFromJournal ?? answerAsCreated),
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      description:
        'Any unique string (e.g. a UUID), at most 255 characters. Repeating the request with the same key and body within 24 h answers the first ' +
        'response again (header `Idempotent-Replayed: true`) without sending anything to Twilio. Keys are scoped to the API key.',
      example: '9f1c4b5e-2f0b-4c1d-8a57-3c8f6e1d2a10',
    }),
  );
}
