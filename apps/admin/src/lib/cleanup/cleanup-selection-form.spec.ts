import { describe, expect, it } from '@jest/globals';
import { formatEta, toProxySessionSelection, validateCleanupSelection } from './cleanup-selection-form';

const empty = { statuses: [], olderThanHours: '', number: '' };

describe('clean-up selection', () => {
  it('refuses an empty selection, as the API does', () => {
    expect(validateCleanupSelection(empty)).toEqual({ selection: expect.stringContaining('never takes every session') });
  });

  it('checks the age and the number', () => {
    expect(validateCleanupSelection({ ...empty, olderThanHours: '-1', number: '555' })).toEqual({
      olderThanHours: 'A number of hours, 0 or more.',
      number: expect.stringContaining('E.164'),
    });
    expect(validateCleanupSelection({ ...empty, olderThanHours: '0' })).toEqual({});
  });

  it('sends only the criteria given', () => {
    expect(toProxySessionSelection({ statuses: ['closed'], olderThanHours: ' 24 ', number: '' })).toEqual({ statuses: ['closed'], olderThanHours: 24 });
    expect(toProxySessionSelection({ ...empty, number: '+15550100001' })).toEqual({ number: '+15550100001' });
  });
});

describe('formatEta', () => {
  it.each([
    [null, 'estimating…'],
    [0, 'done'],
    [42, '42 s'],
    [250, '4 min 10 s'],
    [7_500, '2 h 5 min'],
  ])('writes %p as %p', (seconds, text) => {
    expect(formatEta(seconds)).toBe(text);
  });
});
