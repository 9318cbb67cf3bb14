// One Idempotency-Key per submission of a send form (the API keeps the first answer for that key, Stripe-style:
// apps/api/src/idempotency/idempotency.interceptor.ts). When a send got no answer the console can trust — the
// network failed, the API was out of reach or answered 5xx, or the first attempt is still running — it may have
// reached Twilio anyway; sending the same request again with the same key then returns what that attempt did
// instead of texting the customer twice. Any other answer is final, and the next submission gets a new key.
import { ApiError, CLIENT_ERROR_CODES, PROXY_ERROR_CODES } from '../api-error';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** The API's answer while the request that claimed the key is still running. */
const KEY_IN_USE = 'IDEMPOTENCY_KEY_IN_USE';

export interface Submission<Request> {
  request: Request;
  idempotencyKey: string;
}

/**
 * The submission for `request`: the unanswered one's key when the request is the same (a retry), a new key
 * otherwise (a key sent again with another body is refused with 422 IDEMPOTENCY_KEY_REUSED).
 */
export function submissionFor<Request>(
  request: Request,
  unanswered: Submission<Request> | undefined,
  newKey: () => string = randomIdempotencyKey,
): Submission<Request> {
  if (unanswered && sameRequest(unanswered.request, request)) return { request, idempotencyKey: unanswered.idempotencyKey };
  return { request, idempotencyKey: newKey() };
}

/** Whether a send that failed this way may have run, so a retry must carry the same key. */
export function isUnanswered(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (
    error.code === CLIENT_ERROR_CODES.networkError ||
    error.code === PROXY_ERROR_CODES.apiUnreachable ||
    error.code === PROXY_ERROR_CODES.apiTimeout
  )
    return true;
  return error.code === KEY_IN_USE || error.status >= 500;
}

function sameRequest(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * 128 random bits. `crypto.getRandomValues` rather than `randomUUID`, which browsers offer only on HTTPS or
 * localhost: a console served over plain HTTP inside a private network must send keys too.
 */
export function randomIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `console-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
