import { describe, expect, it } from '@jest/globals';
import { ApiError } from './api-error';
import { notReadyReadiness, toReadiness } from './readiness';

describe('toReadiness', () => {
  it('reads a ready answer with the Twilio mode', () => {
    const readiness = toReadiness({ status: 'ready', checks: { database: { status: 'up' }, twilio: { status: 'up', mode: 'sandbox' } } });
    expect(readiness).toEqual({ ready: true, database: { up: true }, twilio: { up: true, mode: 'sandbox' } });
  });

  it('reads the outbound mode, and ignores one it does not know', () => {
    const report = (outboundMode: unknown) =>
      toReadiness({ status: 'ready', checks: { database: { status: 'up' }, twilio: { status: 'up', mode: 'twilio', outboundMode } } });
    expect(report('conversations').twilio).toEqual({ up: true, mode: 'twilio', outboundMode: 'conversations' });
    expect(report('mixed').twilio.outboundMode).toBe('mixed');
    expect(report('chat').twilio).toEqual({ up: true, mode: 'twilio' });
  });

  it('leaves the mode out when the API does not report it', () => {
    const readiness = toReadiness({ status: 'ready', checks: { database: { status: 'up' }, twilio: { status: 'up' } } });
    expect(readiness.twilio).toEqual({ up: true });
  });

  it('is not ready when a check is down, whatever the status says', () => {
    const readiness = toReadiness({ status: 'ready', checks: { database: { status: 'down', reason: 'failed' }, twilio: { status: 'up' } } });
    expect(readiness.ready).toBe(false);
    expect(readiness.database).toEqual({ up: false, reason: 'failed' });
  });

  it('refuses a body that is not a readiness report', () => {
    expect(() => toReadiness({ status: 'ok' })).toThrow('without a readiness report');
    expect(() => toReadiness('<html>')).toThrow('without a readiness report');
  });
});

describe('notReadyReadiness', () => {
  it('turns a NOT_READY error into a readiness report with the reasons', () => {
    const error = new ApiError({
      status: 503,
      code: 'NOT_READY',
      message: 'Not ready: twilio is down.',
      context: { checks: { database: { status: 'up' }, twilio: { status: 'down', reason: 'answered HTTP 401 (Twilio error 20003)' } } },
    });
    expect(notReadyReadiness(error)).toEqual({
      ready: false,
      database: { up: true },
      twilio: { up: false, reason: 'answered HTTP 401 (Twilio error 20003)' },
    });
  });

  it('ignores every other error', () => {
    expect(notReadyReadiness(new ApiError({ status: 502, code: 'API_UNREACHABLE', message: 'down' }))).toBeUndefined();
    expect(notReadyReadiness(new ApiError({ status: 503, code: 'NOT_READY', message: 'no checks' }))).toBeUndefined();
    expect(notReadyReadiness(new Error('boom'))).toBeUndefined();
  });
});
