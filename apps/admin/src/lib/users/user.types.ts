// Console users as the API shows them (apps/api/src/users): never a password or its hash.
import type { UserRole } from '../auth/auth.types';

export interface ConsoleUser {
  id: string;
  username: string;
  role: UserRole;
  createdAt: string;
  updatedAt: string;
}

export interface CreateUserRequest {
  username: string;
  password: string;
  role: UserRole;
}

/** The API's MIN_PASSWORD_LENGTH (apps/api/src/config/load-app-config.ts). */
export const MIN_PASSWORD_LENGTH = 12;
