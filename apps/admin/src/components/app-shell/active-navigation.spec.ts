import { describe, expect, it } from '@jest/globals';
import { activeNavigationHref } from './active-navigation';

const hrefs = ['/', '/send', '/history', '/flex-flows'];

describe('activeNavigationHref', () => {
  it('selects the root only on the root path', () => {
    expect(activeNavigationHref('/', hrefs)).toBe('/');
    expect(activeNavigationHref('/unknown', hrefs)).toBeUndefined();
  });

  it('selects a page for its own path and the paths below it', () => {
    expect(activeNavigationHref('/history', hrefs)).toBe('/history');
    expect(activeNavigationHref('/history/SM0123', hrefs)).toBe('/history');
  });

  it('does not mistake a path that merely starts with the same letters', () => {
    expect(activeNavigationHref('/historyx', hrefs)).toBeUndefined();
  });

  it('prefers the longest matching prefix', () => {
    expect(activeNavigationHref('/flex-flows/FO1/edit', [...hrefs, '/flex-flows/FO1'])).toBe('/flex-flows/FO1');
  });
});
