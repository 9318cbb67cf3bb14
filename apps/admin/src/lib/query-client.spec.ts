import { describe, expect, it } from '@jest/globals';
import { ApiError } from './api-error';
import { shouldRetry } from './query-client';

const apiError = (status: number, code = 'SOME_CODE') => new ApiError({ status, code, message: 'm' });

describe('shouldRetry', () => {
  it('never retries a 4xx answer', () => {
    expect(shouldRetry(0, apiError(400, 'VALIDATION_FAILED'))).toBe(false);
    expect(shouldRetry(0, apiError(404, 'FLEX_FLOW_NOT_FOUND'))).toBe(false);
  });

  it('retries an unreachable API or a 5xx once, then gives up', () => {
    expect(shouldRetry(0, apiError(502, 'API_UNREACHABLE'))).toBe(true);
    expect(shouldRetry(1, apiError(502, 'API_UNREACHABLE'))).toBe(false);
    expect(shouldRetry(0, apiError(503))).toBe(true);
  });

  it('retries errors that are not ApiErrors once', () => {
    expect(shouldRetry(0, new TypeError('boom'))).toBe(true);
    expect(shouldRetry(1, new TypeError('boom'))).toBe(false);
  });
});
