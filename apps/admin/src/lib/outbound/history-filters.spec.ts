import { describe, expect, it } from '@jest/globals';
import { historyFiltersFrom, historySearchParams, pageCount } from './history-filters';

describe('history filters', () => {
  it('reads the filters the API knows from the page URL, and ignores the rest', () => {
    expect(historyFiltersFrom(new URLSearchParams('status=rolled_back&kind=agent_sms&number=%2B14155550123&page=3'))).toEqual({
      status: 'rolled_back',
      kind: 'agent_sms',
      number: '+14155550123',
      page: 3,
      pageSize: 20,
    });
    expect(historyFiltersFrom(new URLSearchParams('status=deleted&kind=&page=-2&number=%20'))).toEqual({ page: 1, pageSize: 20 });
  });

  it('writes the API query with page and size, and encodes the plus of a number', () => {
    const params = historySearchParams({ number: '+14155550123', status: 'failed', page: 1, pageSize: 20 }, { includePageSize: true });
    expect(params.toString()).toBe('status=failed&number=%2B14155550123&page=1&pageSize=20');
  });

  it('carries the delivery filter both ways, and drops a delivery status the API does not have', () => {
    expect(historyFiltersFrom(new URLSearchParams('delivery=undelivered'))).toEqual({ delivery: 'undelivered', page: 1, pageSize: 20 });
    expect(historyFiltersFrom(new URLSearchParams('delivery=lost'))).toEqual({ page: 1, pageSize: 20 });
    expect(historySearchParams({ delivery: 'undelivered', page: 1, pageSize: 20 }, { includePageSize: false }).toString()).toBe(
      'delivery=undelivered',
    );
  });

  it('keeps the page URL short: no first page, no size', () => {
    expect(historySearchParams({ page: 1, pageSize: 20 }, { includePageSize: false }).toString()).toBe('');
    expect(historySearchParams({ kind: 'system_sms', page: 2, pageSize: 20 }, { includePageSize: false }).toString()).toBe('kind=system_sms&page=2');
  });

  it('counts at least one page', () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(41, 20)).toBe(3);
  });
});
