'use client';
// STUB, written by the console-pages work because sign-in had not landed yet: the engineer building auth
// (apps/api/src/auth, apps/admin/src/server/**, the sign-in page) replaces this file with the real hook, reading
// who-am-I through the console's proxy. Until then the console has no users: whoever reaches it acts with the
// API key the proxy holds, which may do everything, so the one "user" is an admin.
export type UserRole = 'admin' | 'operator';

export interface CurrentUser {
  id: string;
  name: string;
  role: UserRole;
}

export interface CurrentUserState {
  user: CurrentUser | undefined;
  isLoading: boolean;
}

const API_KEY_HOLDER: CurrentUser = { id: 'api-key', name: 'API key holder', role: 'admin' };

export function useCurrentUser(): CurrentUserState {
  return { user: API_KEY_HOLDER, isLoading: false };
}
