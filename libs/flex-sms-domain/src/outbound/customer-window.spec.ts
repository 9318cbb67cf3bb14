import { PhoneNumber } from '../value-objects/phone-number.value-object';
import { customerWindowOf, WHATSAPP_WINDOW_MS } from './customer-window';

describe('customerWindowOf', () => {
  const from = PhoneNumber.parse('+15550100003');
  const to = PhoneNumber.parse('+14155550123');
  const wroteAt = new Date('2026-12-05T09:00:00Z');
  const windows = {
    lastInboundAt: async (customer: string, sender: string) =>
      customer === 'whatsapp:+14155550123' && sender === 'whatsapp:+15550100003' ? wroteAt : null,
  };
  const at = (ms: number) => ({ now: () => ms });

  it('is open until 24 hours after the customer last wrote, and closed from that instant on', async () => {
    const inside = await customerWindowOf(windows, at(wroteAt.getTime() + WHATSAPP_WINDOW_MS - 1), from, to);
    expect(inside).toEqual({
      sender: 'whatsapp:+15550100003',
      customer: 'whatsapp:+14155550123',
      lastInboundAt: wroteAt,
      openUntil: new Date('2026-12-06T09:00:00Z'),
      open: true,
    });
    expect((await customerWindowOf(windows, at(wroteAt.getTime() + WHATSAPP_WINDOW_MS), from, to)).open).toBe(false);
  });

  it('is closed for a customer who never wrote, and for everyone without a port', async () => {
    expect(await customerWindowOf(windows, at(wroteAt.getTime()), from, PhoneNumber.parse('+14155550124'))).toMatchObject({
      lastInboundAt: null,
      openUntil: null,
      open: false,
    });
    expect((await customerWindowOf(undefined, at(wroteAt.getTime()), from, to)).open).toBe(false);
  });
});
