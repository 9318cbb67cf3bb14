import { describe, expect, it } from '@jest/globals';
import { progressOf } from './campaign.types';

const counts = { pending: 0, sending: 0, sent: 0, failed: 0, invalid: 0, duplicate: 0, opted_out: 0, in_conversation: 0, cancelled: 0 };

describe('progressOf', () => {
  it('counts the recipients to send that are no longer pending or sending', () => {
    const report = { toSend: 8 } as never;
    expect(progressOf({ report, counts: { ...counts, pending: 5, sending: 1, sent: 2, invalid: 3 } })).toEqual({ done: 2, total: 8, percent: 25 });
    expect(progressOf({ report, counts: { ...counts, sent: 7, failed: 1 } })).toEqual({ done: 8, total: 8, percent: 100 });
  });

  it('is complete when there was nothing to send', () => {
    expect(progressOf({ report: { toSend: 0 } as never, counts })).toEqual({ done: 0, total: 0, percent: 100 });
  });
});
