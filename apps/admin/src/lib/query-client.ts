// One React Query policy for the whole console.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';
import { isSignedOut } from './auth/session-ended';

/** The who-am-I query (hooks/use-current-user.ts); kept here so the client does not import a React hook. */
const CURRENT_USER_KEY = ['auth', 'me'] as const;

/**
 * A 4xx is the API's considered answer (bad input, missing resource, not allowed): asking again cannot change it.
 * Anything else (API down, 5xx) gets one more try so a blip does not paint an error page.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}

/**
 * Any answer saying the session has ended (401) makes the console ask who is signed in again; the session gate
 * (components/auth/SessionGate) then sends the user to the sign-in page.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown, queryKey?: readonly unknown[]) => {
    if (isSignedOut(error) && !(queryKey?.[0] === CURRENT_USER_KEY[0] && queryKey?.[1] === CURRENT_USER_KEY[1])) {
      void client.invalidateQueries({ queryKey: CURRENT_USER_KEY });
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (error) => onError(error) }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 10_000 },
      // Writes (sending an SMS, cleaning up sessions) are never repeated behind the user's back.
      mutations: { retry: false },
    },
  });
  return client;
}
