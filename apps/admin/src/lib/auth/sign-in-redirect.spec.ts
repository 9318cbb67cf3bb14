import { describe, expect, it } from '@jest/globals';
import { safeNextPath, signInUrlFor } from './sign-in-redirect';

const ORIGIN = 'http://localhost:4200';

describe('safeNextPath', () => {
  it('keeps a path on this console, with its query and fragment', () => {
    expect(safeNextPath('/history?status=failed', ORIGIN)).toBe('/history?status=failed');
    expect(safeNextPath('/history/req_1#steps', ORIGIN)).toBe('/history/req_1#steps');
  });

  it('refuses anything that could leave the console, or loop back to sign-in', () => {
    for (const next of ['https://evil.test', '//evil.test/x', '/\\evil.test', 'history', '', null, undefined, '/sign-in?next=/x']) {
      expect(safeNextPath(next, ORIGIN)).toBe('/');
    }
  });

  it('refuses spellings the URL parser turns into another host (tabs and new lines dropped, dot segments, backslashes)', () => {
    // `?next=/%09/evil.test` arrives decoded as "/\t/evil.test".
    for (const next of [
      '/\t/evil.test',
      '/\n/evil.test',
      '/\r\n/evil.test',
      '/\t\\evil.test',
      '/.//evil.test',
      '/..//evil.test',
      '/%2e//evil.test',
      '\t//evil.test',
    ]) {
      expect(safeNextPath(next, ORIGIN)).toBe('/');
    }
  });

  it('hands the router the resolved path, so what was checked is what is followed', () => {
    expect(safeNextPath('/a/../history', ORIGIN)).toBe('/history');
  });
});

describe('signInUrlFor', () => {
  it('remembers the page, encoded', () => {
    expect(signInUrlFor('/history?status=failed', ORIGIN)).toBe('/sign-in?next=%2Fhistory%3Fstatus%3Dfailed');
    expect(signInUrlFor('/', ORIGIN)).toBe('/sign-in');
  });
});
