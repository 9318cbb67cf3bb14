import { describe, expect, it } from '@jest/globals';
import { validateUserForm } from './user-form';

describe('validateUserForm', () => {
  it('accepts a plain username and a long enough password', () => {
    expect(validateUserForm({ username: 'ada.lovelace', password: 'correct horse battery', role: 'operator' })).toEqual({});
  });

  it('names a bad username and a short password', () => {
    expect(validateUserForm({ username: 'a b', password: 'short', role: 'admin' })).toEqual({
      username: '3 to 64 letters, digits or . _ @ -',
      password: 'At least 12 characters.',
    });
  });
});
