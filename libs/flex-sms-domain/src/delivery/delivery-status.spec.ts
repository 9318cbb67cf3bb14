import { DELIVERY_STATUSES, isSettled, statusesSupersededBy, supersedes, toDeliveryStatus, type DeliveryStatus } from './delivery-status';
import { describeTwilioError, explainTwilioError } from './twilio-error-explanations';

describe('delivery status order', () => {
  it('moves forwards along queued < sent < delivered < read, never back', () => {
    const forwards: DeliveryStatus[] = ['accepted', 'queued', 'sent', 'delivered', 'read'];
    forwards.forEach((current, index) => {
      for (const next of forwards) expect([current, next, supersedes(next, current)]).toEqual([current, next, forwards.indexOf(next) > index]);
    });
  });

  it('takes any first report', () => {
    for (const status of DELIVERY_STATUSES) expect(supersedes(status, null)).toBe(true);
  });

  it('lets a failure end a message still on its way, but not one delivered', () => {
    for (const failure of ['undelivered', 'failed'] as const) {
      expect(['accepted', 'queued', 'sent'].map((current) => supersedes(failure, current as DeliveryStatus))).toEqual([true, true, true]);
      expect(supersedes(failure, 'delivered')).toBe(false);
      expect(supersedes(failure, 'read')).toBe(false);
    }
  });

  it('keeps undelivered and failed final unless a later delivered or read proves otherwise', () => {
    for (const current of ['undelivered', 'failed'] as const) {
      expect(statusesSupersededBy('delivered')).toContain(current);
      expect(DELIVERY_STATUSES.filter((next) => supersedes(next, current))).toEqual(['delivered', 'read']);
    }
  });

  it('settles at delivered, read, undelivered and failed', () => {
    expect(DELIVERY_STATUSES.filter(isSettled)).toEqual(['delivered', 'read', 'undelivered', 'failed']);
  });

  it("reads Twilio's words, folding the Message resource's extra ones and ignoring inbound ones", () => {
    expect(
      [
        'accepted',
        'scheduled',
        'queued',
        'sending',
        'sent',
        'delivered',
        'read',
        'undelivered',
        'failed',
        'canceled',
        'received',
        'bogus',
        undefined,
      ].map(toDeliveryStatus),
    ).toEqual(['accepted', 'accepted', 'queued', 'queued', 'sent', 'delivered', 'read', 'undelivered', 'failed', 'failed', null, null, null]);
  });
});

describe('Twilio error explanations', () => {
  it('explains the codes a send meets, with what to do', () => {
    for (const code of [30003, 30005, 30006, 30007, 30008, 21610, 21211, 21612, 21408, 21614, 63016, 63024, 63032, 63049]) {
      expect(explainTwilioError(code)).toMatchObject({ code, meaning: expect.any(String), action: expect.any(String) });
    }
    expect(describeTwilioError(30007)).toBe(
      'the carrier filtered it as spam — check the message content and your A2P 10DLC (or toll-free) registration before sending again.',
    );
  });

  it('has nothing to say without a code or for one it does not know', () => {
    expect([describeTwilioError(null), describeTwilioError(undefined), describeTwilioError(99999)]).toEqual([null, null, null]);
  });
});
