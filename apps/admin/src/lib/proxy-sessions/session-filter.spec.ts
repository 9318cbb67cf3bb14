import { describe, expect, it } from '@jest/globals';
import type { ProxySession } from './proxy-session.types';
import { filterSessions, isLive } from './session-filter';

const session = (sid: string, status: ProxySession['status'], uniqueName: string | null = null): ProxySession => ({
  sid,
  serviceSid: 'KS1',
  uniqueName,
  status,
  mode: 'message-only',
  dateCreated: '2026-11-24T18:00:00Z',
  dateUpdated: '2026-11-24T18:00:00Z',
});

describe('filterSessions', () => {
  const open = session('KCaaa1', 'open', 'CHfeed01');
  const closed = session('KCbbb2', 'closed', 'CHbeef02');
  const busy = session('KCccc3', 'in-progress');

  it('keeps everything without a filter', () => {
    expect(filterSessions([open, closed, busy], {})).toEqual([open, closed, busy]);
  });

  it('filters by status and by part of the SID or the channel it is named after, ignoring case', () => {
    expect(filterSessions([open, closed, busy], { status: 'closed' })).toEqual([closed]);
    expect(filterSessions([open, closed, busy], { search: 'chFEED' })).toEqual([open]);
    expect(filterSessions([open, closed, busy], { search: 'kcccc', status: 'in-progress' })).toEqual([busy]);
    expect(filterSessions([open, closed, busy], { search: 'kcccc', status: 'open' })).toEqual([]);
  });

  it('calls open and in-progress sessions live', () => {
    expect([open, closed, busy].map(isLive)).toEqual([true, false, true]);
  });
});
