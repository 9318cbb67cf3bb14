import { describe, expect, it } from '@jest/globals';
import { durationBetween, formatDuration } from './format';

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [420.4, '420 ms'],
    [3_210, '3.2 s'],
    [42_000, '42 s'],
    [125_000, '2 min 5 s'],
    [3_840_000, '1 h 4 min'],
    [-1, '—'],
    [Number.NaN, '—'],
  ])('writes %p ms as %p', (milliseconds, text) => {
    expect(formatDuration(milliseconds)).toBe(text);
  });

  it('measures between two instants, and nothing without an end', () => {
    expect(durationBetween('2026-11-24T18:00:00.100Z', '2026-11-24T18:00:00.420Z')).toBe(320);
    expect(durationBetween('2026-11-24T18:00:00.100Z', null)).toBeUndefined();
  });
});
