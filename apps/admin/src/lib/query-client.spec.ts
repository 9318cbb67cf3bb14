import { describe, expect, it } from '@jest/globals';
import { ApiError } from './api-error';
import { createQueryClient, shouldRetry } from './query-client';

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

describe('createQueryClient', () => {
  it('asks who is signed in again when any query answers 401, so the console can send the user to sign in', async () => {
    const client = createQueryClient();
    client.setQueryData(['auth', 'me'], { id: 'usr_1', role: 'admin' });
    await client
      .fetchQuery({ queryKey: ['history'], queryFn: () => Promise.reject(apiError(401, 'SESSION_EXPIRED')), retry: false })
      .catch(() => undefined);
    expect(client.getQueryState(['auth', 'me'])?.isInvalidated).toBe(true);
  });

  it('leaves the session alone on other failures', async () => {
    const client = createQueryClient();
    client.setQueryData(['auth', 'me'], { id: 'usr_1', role: 'admin' });
    await client
      .fetchQuery({ queryKey: ['history'], queryFn: () => Promise.reject(apiError(403, 'FORBIDDEN')), retry: false })
      .catch(() => undefined);
    expect(client.getQueryState(['auth', 'me'])?.isInvalidated).toBe(false);
  });
});
