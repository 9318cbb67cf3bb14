// Who is using the console, as the API's GET /api/v1/auth/me tells it (apps/api/src/sessions/dto).
import type { Schema } from '../api/wire';

export type CurrentUser = Schema<'WhoAmIDto'>;
export type UserRole = CurrentUser['role'];
export type SignInRequest = Schema<'SignInRequestDto'>;
export type SignedIn = Schema<'SignedInDto'>;

export const ROLE_LABELS: Record<UserRole, string> = { admin: 'Admin', operator: 'Operator' };
