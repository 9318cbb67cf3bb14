import { describe, expect, it } from '@jest/globals';
import { safeNextPath, signInUrlFor } from './sign-in-redirect';

describe('safeNextPath', () => {
  it('keeps a path on this console, with its query', () => {
    expect(safeNextPath('/history?status=failed')).toBe('/history?status=failed');
  });

  it('refuses anything that could leave the console, or loop back to sign-in', () => {
    for (const next of ['https://evil.test', '//evil.test/x', '/\\evil.test', 'history', '', null, undefined, '/sign-in?next=/x']) {
      expect(safeNextPath(next)).toBe('/');
    }
  });
});

describe('signInUrlFor', () => {
  it('remembers the page, encoded', () => {
    expect(signInUrlFor('/history?status=failed')).toBe('/sign-in?next=%2Fhistory%3Fstatus%3Dfailed');
    expect(signInUrlFor('/')).toBe('/sign-in');
  });
});
