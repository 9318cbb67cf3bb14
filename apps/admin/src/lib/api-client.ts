// The console's one way to talk to the Flex Outbound SMS API. Every call goes to the console's own origin
// (`/api/...`), where the route handler in src/app/api/[...path] forwards it to the API: the browser never holds
// the API key, never talks to Twilio, and the login cookie of a later release stays same-origin.
import { ApiError, CLIENT_ERROR_CODES, toApiError } from './api-error';

/** Where the console's proxy is mounted; API paths below it mirror the API's own (`/v1/...`, `/health/...`). */
export const PROXY_BASE_PATH = '/api';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers the API reads, e.g. `Idempotency-Key` (the console's proxy forwards an allow-list). */
  headers?: Record<string, string>;
  /** Send `body` as this type, as it is (a string: a CSV file), instead of as JSON. */
  contentType?: string;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Sends one request through the proxy and resolves with the parsed JSON body; every failure, including a network
 * failure, rejects with an ApiError so React Query hooks and components deal with a single error type.
 */
export async function apiRequest<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { ...options.headers, accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';

  let response: Response;
  try {
    response = await fetch(`${PROXY_BASE_PATH}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : options.contentType ? String(options.body) : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new ApiError({
      status: 0,
      code: CLIENT_ERROR_CODES.networkError,
      message: 'The console could not reach its server. Check your connection and try again.',
    });
  }

  const body = await readBody(response);
  if (!response.ok) throw toApiError(response.status, body);
  return body as T;
}

export const apiClient = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('DELETE', path, options),
};
