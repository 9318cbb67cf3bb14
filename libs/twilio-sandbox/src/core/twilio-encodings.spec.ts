import { endOfDay, listItems, readBoolean, readDate, readJsonObjects } from './twilio-encodings';

describe('twilio-encodings', () => {
  it('reads booleans in any casing and nothing else', () => {
    expect(['true', 'True', 'TRUE', 'false', 'False', 'FALSE'].map(readBoolean)).toEqual([true, true, true, false, false, false]);
    expect(['yes', '1', ''].map(readBoolean)).toEqual([undefined, undefined, undefined]);
  });

  it('reads ISO 8601 dates with Z, offsets (with or without a colon), fractions, no zone (UTC) and date-only', () => {
    const read = (text: string) => readDate(text)?.date.toISOString();
    expect(read('2026-11-24T18:00:00Z')).toBe('2026-11-24T18:00:00.000Z');
    expect(read('2026-11-24T19:30:00+01:30')).toBe('2026-11-24T18:00:00.000Z');
    expect(read('2026-11-24T13:00:00-0500')).toBe('2026-11-24T18:00:00.000Z');
    expect(read('2026-11-24T18:00:00.250Z')).toBe('2026-11-24T18:00:00.250Z');
    expect(read('2026-11-24T18:00:00')).toBe('2026-11-24T18:00:00.000Z');
    expect(readDate('2026-11-24')).toEqual({ date: new Date('2026-11-24T00:00:00Z'), dateOnly: true });
    expect(endOfDay(new Date('2026-11-24T00:00:00Z')).toISOString()).toBe('2026-11-24T23:59:59.999Z');
  });

  it('refuses what is no ISO 8601 date, nor a day that does not exist', () => {
    expect(['1', 'next Tuesday', '2026-02-30', '2026-11-24T25:00:00Z', 'Tue, 24 Nov 2026 18:00:00 +0000'].map(readDate)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('reads a list from repeated values, one JSON array, or both', () => {
    expect(listItems(['a', 'b'])).toEqual(['a', 'b']);
    expect(listItems(['["a","b"]'])).toEqual(['a', 'b']);
    expect(listItems(['["a"]', 'c'])).toEqual(['a', 'c']);
    expect(listItems(['[not json'])).toEqual(['[not json']);
  });

  it('reads objects from one JSON object per value or one JSON array of them', () => {
    expect(readJsonObjects(['{"Identifier":"+1"}', '{"Identifier":"+2"}'])).toEqual([{ Identifier: '+1' }, { Identifier: '+2' }]);
    expect(readJsonObjects(['[{"Identifier":"+1"},{"Identifier":"+2"}]'])).toEqual([{ Identifier: '+1' }, { Identifier: '+2' }]);
    expect(readJsonObjects(['+1'])).toBeUndefined();
    expect(readJsonObjects(['["+1"]'])).toBeUndefined();
  });
});
