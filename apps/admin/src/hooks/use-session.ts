'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../lib/api-client';
import type { SignInRequest, SignedIn } from '../lib/auth/auth.types';
import { currentUserQueryKey } from './use-current-user';

/** Signs in; the API sets the session cookie (httpOnly: the console's scripts never see it). */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation<SignedIn, unknown, SignInRequest>({
    mutationFn: (credentials) => apiClient.post<SignedIn>('/v1/auth/login', credentials),
    onSuccess: (signedIn) => {
      // Nothing cached under another user's session may show for this one.
      queryClient.clear();
      queryClient.setQueryData(currentUserQueryKey, { ...signedIn.user, sessionExpiresAt: signedIn.sessionExpiresAt });
    },
  });
}

/** Ends the session on the API (not just in this browser) and forgets everything loaded under it. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation<void, unknown, void>({
    mutationFn: () => apiClient.post<void>('/v1/auth/logout'),
    onSettled: () => queryClient.clear(),
  });
}
