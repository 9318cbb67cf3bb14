// Who is using the console, as the API's GET /api/v1/auth/me tells it (apps/api/src/sessions/dto).

export type UserRole = 'admin' | 'operator';

export interface CurrentUser {
  kind: 'user' | 'api-key' | 'bootstrap';
  id: string;
  /** The username (or, for an API key, its name). */
  name: string;
  role: UserRole;
  sessionExpiresAt?: string;
}

export interface SignInRequest {
  username: string;
  password: string;
}

export interface SignedIn {
  user: CurrentUser;
  sessionExpiresAt: string;
}

export const ROLE_LABELS: Record<UserRole, string> = { admin: 'Admin', operator: 'Operator' };
