import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { apiClient } from './api-client';
import { ApiError } from './api-error';

type FetchMock = jest.Mock<typeof fetch>;
let fetchMock: FetchMock;
const realFetch = global.fetch;

beforeEach(() => {
  fetchMock = jest.fn<typeof fetch>();
  global.fetch = fetchMock;
});
afterEach(() => {
  global.fetch = realFetch;
});

describe('apiClient', () => {
  it("calls the console's own proxy, same-origin, and returns the JSON body", async () => {
    fetchMock.mockResolvedValue(Response.json({ status: 'ready' }));

    await expect(apiClient.get('/health/ready')).resolves.toEqual({ status: 'ready' });

    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/health/ready');
    expect(init).toMatchObject({ method: 'GET', credentials: 'same-origin' });
    expect(new Headers(init?.headers).get('authorization')).toBeNull();
  });

  it('sends a JSON body on writes', async () => {
    fetchMock.mockResolvedValue(Response.json({ sid: 'CH1' }, { status: 201 }));

    await apiClient.post('/v1/outbound', { toNumber: '+15005550006' });

    const [, init] = fetchMock.mock.calls[0];
    expect(init?.body).toBe('{"toNumber":"+15005550006"}');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
  });

  it('sends the headers a call adds, such as an Idempotency-Key', async () => {
    fetchMock.mockResolvedValue(Response.json({ id: 'req_1' }, { status: 201 }));

    await apiClient.post('/v1/outbound/message', { toNumber: '+15005550006' }, { headers: { 'Idempotency-Key': 'console-1' } });

    const [, init] = fetchMock.mock.calls[0];
    expect(new Headers(init?.headers).get('idempotency-key')).toBe('console-1');
    expect(new Headers(init?.headers).get('accept')).toBe('application/json');
  });

  it('rejects with the ApiError the API described', async () => {
    fetchMock.mockResolvedValue(
      Response.json({ error: { status: 404, code: 'FLEX_FLOW_NOT_FOUND', message: 'No such FlexFlow', requestId: 'r1' } }, { status: 404 }),
    );

    const failure = apiClient.get('/v1/flex-flows/FO1');
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 404, code: 'FLEX_FLOW_NOT_FOUND', requestId: 'r1' });
  });

  it('turns a network failure into a NETWORK_ERROR ApiError', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));

    await expect(apiClient.get('/health/ready')).rejects.toMatchObject({ code: 'NETWORK_ERROR', isUnreachable: true });
  });
});
