import type { ModuleRef } from '@nestjs/core';
import type { SavedResponse } from './idempotency-store';

export const ANSWER_FROM_JOURNAL = 'idempotency:answer-from-journal';

/**
 * How a route answers a request that succeeded (its use case's result is in the journal) when the process stopped
 * before the answer itself was stored: what the route would have answered. `moduleRef` reaches the route's services.
 */
export type AnswerFromJournal = (result: Record<string, unknown>, moduleRef: ModuleRef) => SavedResponse;

/** The routes that answer their use case's result as is, with 201. */
export const answerAsCreated: AnswerFromJournal = (result) => ({ status: 201, body: result });
