import type { Role } from '../auth/caller';

/** A person who signs in to the console. Never carries the password or its hash. */
export interface ConsoleUser {
  id: string;
  username: string;
  role: Role;
  createdAt: Date;
  updatedAt: Date;
}
