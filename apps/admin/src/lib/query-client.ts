// One React Query policy for the whole console.
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';

/**
 * A 4xx is the API's considered answer (bad input, missing resource, not allowed): asking again cannot change it.
 * Anything else (API down, 5xx) gets one more try so a blip does not paint an error page.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 10_000 },
      // Writes (sending an SMS, cleaning up sessions) are never repeated behind the user's back.
      mutations: { retry: false },
    },
  });
}
