// The "Add user" form's checks, mirroring the API's, so a mistake is named before anything is sent.
import { MIN_PASSWORD_LENGTH, USERNAME, type CreateUserRequest } from './user.types';

export type UserFormErrors = Partial<Record<keyof CreateUserRequest, string>>;

export function validateUserForm(values: CreateUserRequest): UserFormErrors {
  const errors: UserFormErrors = {};
  if (!USERNAME.test(values.username)) errors.username = '3 to 64 letters, digits or . _ @ -';
  if (values.password.length < MIN_PASSWORD_LENGTH) errors.password = `At least ${MIN_PASSWORD_LENGTH} characters.`;
  return errors;
}
