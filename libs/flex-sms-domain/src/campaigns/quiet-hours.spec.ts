import { DEFAULT_QUIET_HOURS, nextSendableTime, timeZonesOfNumber } from './quiet-hours';

describe('quiet hours', () => {
  it('places a number in its country’s time zones', () => {
    expect(timeZonesOfNumber('+442079460958')).toEqual(['Europe/London']);
    expect(timeZonesOfNumber('+14155550123')).toEqual(expect.arrayContaining(['America/New_York', 'America/Los_Angeles']));
    // The sandbox's fictional 555-01xx numbers have no country: their calling code's main one.
    expect(timeZonesOfNumber('+15550100003')).toContain('America/Chicago');
  });

  it('sends at once inside the window and defers to its start outside it (London)', () => {
    const noon = Date.parse('2026-06-01T11:00:00Z'); // 12:00 BST
    expect(nextSendableTime('+442079460958', DEFAULT_QUIET_HOURS, noon)).toBe(noon);
    const late = Date.parse('2026-06-01T21:30:00Z'); // 22:30 BST
    expect(new Date(nextSendableTime('+442079460958', DEFAULT_QUIET_HOURS, late)).toISOString()).toBe('2026-06-02T07:00:00.000Z');
  });

  it('waits until the window holds in every zone of a country that spans several', () => {
    // 08:00 in New York is 05:00 in Los Angeles: too early there.
    const newYorkMorning = Date.parse('2026-06-01T12:00:00Z');
    const next = nextSendableTime('+14155550123', { sendFrom: '08:00', sendUntil: '21:00' }, newYorkMorning);
    expect(next).toBeGreaterThan(newYorkMorning);
    expect(new Date(next).toISOString() >= '2026-06-01T15:00:00.000Z').toBe(true);
  });

  it('reads the same time twice as no quiet hours', () => {
    const late = Date.parse('2026-06-01T23:30:00Z');
    expect(nextSendableTime('+442079460958', { sendFrom: '00:00', sendUntil: '00:00' }, late)).toBe(late);
  });

  it('accepts a window across midnight', () => {
    const noon = Date.parse('2026-06-01T11:00:00Z');
    expect(nextSendableTime('+442079460958', { sendFrom: '22:00', sendUntil: '06:00' }, noon)).toBe(Date.parse('2026-06-01T21:00:00Z'));
  });
});
