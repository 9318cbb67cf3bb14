// Console users as the API shows them (apps/api/src/users): never a password or its hash.
import { SCHEMA_LIMITS, type Schema } from '../api/wire';

export type ConsoleUser = Schema<'ConsoleUserDto'>;
export type CreateUserRequest = Schema<'CreateUserRequestDto'>;

export const MIN_PASSWORD_LENGTH = SCHEMA_LIMITS.CreateUserRequestDto.password.minLength;
/** Usernames the API accepts. */
export const USERNAME = new RegExp(SCHEMA_LIMITS.CreateUserRequestDto.username.pattern);
