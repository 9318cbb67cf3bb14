import { describe, expect, it } from '@jest/globals';
import { emptyCleanupSelection, formatEta, toCleanupSelection, validateCleanupSelection } from './cleanup-selection-form';
import { CONVERSATION_CLEANUP, PROXY_SESSION_CLEANUP } from './cleanup-targets';

const empty = { statuses: [], olderThanHours: '', number: '' };

describe('clean-up selection', () => {
  it('starts from the statuses safe to clean up', () => {
    expect(emptyCleanupSelection(PROXY_SESSION_CLEANUP)).toEqual({ statuses: ['closed'], olderThanHours: '', number: '' });
    expect(emptyCleanupSelection(CONVERSATION_CLEANUP).statuses).toEqual(['inactive']);
  });

  it('refuses an empty selection, as the API does, in the words of what it cleans', () => {
    expect(validateCleanupSelection(PROXY_SESSION_CLEANUP, empty)).toEqual({
      selection: 'Choose at least one status, an age or a number: a clean-up never takes every session.',
    });
    expect(validateCleanupSelection(CONVERSATION_CLEANUP, empty)).toEqual({
      selection: 'Choose at least one state, an age or a number: a clean-up never takes every conversation.',
    });
  });

  it('checks the age and the number', () => {
    expect(validateCleanupSelection(PROXY_SESSION_CLEANUP, { ...empty, olderThanHours: '-1', number: '555' })).toEqual({
      olderThanHours: 'A number of hours, 0 or more.',
      number: expect.stringContaining('E.164'),
    });
    expect(validateCleanupSelection(PROXY_SESSION_CLEANUP, { ...empty, olderThanHours: '0' })).toEqual({});
  });

  it('sends only the criteria given', () => {
    expect(toCleanupSelection({ statuses: ['closed'], olderThanHours: ' 24 ', number: '' })).toEqual({ statuses: ['closed'], olderThanHours: 24 });
    expect(toCleanupSelection({ ...empty, number: '+15550100001' })).toEqual({ number: '+15550100001' });
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
