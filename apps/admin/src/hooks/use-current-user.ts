'use client';
// Who is signed in to the console, from GET /api/v1/auth/me through the console's proxy (the session cookie goes
// with it). Every component that depends on the role (AdminOnly, the navigation, the top bar) reads it here.
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../lib/api-error';
import { apiClient } from '../lib/api-client';
import type { CurrentUser } from '../lib/auth/auth.types';

export type { CurrentUser, UserRole } from '../lib/auth/auth.types';

export const currentUserQueryKey = ['auth', 'me'] as const;

export interface CurrentUserState {
  user: CurrentUser | undefined;
  /** Nothing known yet: the first answer is on its way. */
  isLoading: boolean;
  /** Why the user is unknown: a 401 means nobody is signed in. */
  error: unknown;
}

/**
 * The signed-in user, or `null` when the API cannot be reached to ask. That is an answer, not an error: the pages
 * then show their own "API unreachable" state instead of a sign-in loop, and a later refetch (focus, staleness)
 * finds out more without the console flickering back to "checking your session".
 */
async function fetchCurrentUser(signal: AbortSignal): Promise<CurrentUser | null> {
  try {
    return await apiClient.get<CurrentUser>('/v1/auth/me', { signal });
  } catch (error) {
    if (error instanceof ApiError && error.isUnreachable) return null;
    throw error;
  }
}

export function useCurrentUser(): CurrentUserState {
  const query = useQuery<CurrentUser | null>({
    queryKey: currentUserQueryKey,
    queryFn: ({ signal }) => fetchCurrentUser(signal),
    staleTime: 60_000,
    // Each component asking (top bar, navigation, gate) must not start another request after a failure.
    retryOnMount: false,
  });
  return { user: query.data ?? undefined, isLoading: query.isPending, error: query.error };
}
