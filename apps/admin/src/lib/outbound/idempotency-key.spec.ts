import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../api-error';
import { isUnanswered, randomIdempotencyKey, submissionFor } from './idempotency-key';

const request = { fromNumber: '+15550100001', toName: 'Ada', toNumber: '+14155550123', messageBody: 'Shipped' };
let counter = 0;
const newKey = () => `key-${++counter}`;

describe('submissionFor', () => {
  it('gives a first submission a new key', () => {
    expect(submissionFor(request, undefined, () => 'key-a')).toEqual({ request, idempotencyKey: 'key-a' });
  });

  it('keeps the key of an unanswered submission when the same request is sent again (a retry)', () => {
    const first = submissionFor(request, undefined, newKey);
    expect(submissionFor({ ...request }, first, newKey).idempotencyKey).toBe(first.idempotencyKey);
  });

  it('gives an edited request a new key, which the API would otherwise refuse as reused', () => {
    const first = submissionFor(request, undefined, newKey);
    const edited = submissionFor({ ...request, messageBody: 'Delivered' }, first, newKey);
    expect(edited.idempotencyKey).not.toBe(first.idempotencyKey);
  });
});

describe('isUnanswered', () => {
  const error = (status: number, code: string) => new ApiError({ status, code, message: code });

  it.each([
    [0, 'NETWORK_ERROR'],
    [502, 'API_UNREACHABLE'],
    [504, 'API_TIMEOUT'],
    [503, 'TWILIO_UNAVAILABLE'],
    [409, 'IDEMPOTENCY_KEY_IN_USE'],
  ])('%i %s may have run: retry with the same key', (status, code) => {
    expect(isUnanswered(error(status, code))).toBe(true);
  });

  it.each([
    [400, 'VALIDATION_FAILED'],
    [409, 'PARTICIPANT_CONFLICT'],
    [404, 'FLEX_FLOW_NOT_FOUND'],
  ])('%i %s is a final answer', (status, code) => {
    expect(isUnanswered(error(status, code))).toBe(false);
  });

  it('is false for an error that is not the API’s', () => {
    expect(isUnanswered(new Error('boom'))).toBe(false);
  });
});

describe('randomIdempotencyKey', () => {
  it('is printable ASCII the API accepts, and different each time', () => {
    const key = randomIdempotencyKey();
    expect(key).toMatch(/^console-[0-9a-f]{32}$/);
    expect(randomIdempotencyKey()).not.toBe(key);
  });
});
