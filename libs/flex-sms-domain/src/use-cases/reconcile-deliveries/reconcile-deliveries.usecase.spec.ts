import type { MessageDelivery, UnsettledMessage } from '../../ports/delivery-log.port';
import type { MessageDeliveryPort } from '../../ports/message-delivery.port';
import { FakeClock } from '../../testing/fake-clock';
import { InMemoryDeliveryLog } from '../../testing/in-memory-delivery-log';
import { applyHeldDeliveryReports, recordDeliveryStatus } from '../record-delivery-status/record-delivery-status.usecase';
import { ReconcileDeliveries } from './reconcile-deliveries.usecase';

const MINUTE = 60_000;
const SETTINGS = { afterMs: 10 * MINUTE, maxAgeMs: 3 * 24 * 60 * MINUTE, batchSize: 10, leaseMs: MINUTE };

const chatProxy = (n: number): UnsettledMessage => ({
  requestId: `req_${n}`,
  messageSid: `IM${n}`,
  mode: 'chat-proxy',
  conversationSid: null,
  proxySessionSid: `KC${n}`,
  channelMessageSid: null,
});
const conversations = (n: number): UnsettledMessage => ({
  requestId: `req_${n}`,
  messageSid: `IM${n}`,
  mode: 'conversations',
  conversationSid: `CH${n}`,
  proxySessionSid: null,
  channelMessageSid: null,
});

/** What Twilio holds: the SMS each session relayed, and each conversation message's receipts. */
function twilioHolding(
  sms: Record<string, { status: string; errorCode?: number }>,
  receipts: Record<string, { status: string; errorCode: number }> = {},
): MessageDeliveryPort & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async fetchSmsMessage(sid) {
      asked.push(sid);
      const found = sms[sid];
      return found
        ? { sid, from: '+15550100001', to: '+14155550123', body: 'Hi', status: found.status, errorCode: found.errorCode ?? null, errorMessage: null }
        : null;
    },
    async listDeliveryReceipts(_conversationSid, messageSid) {
      asked.push(messageSid);
      const receipt = receipts[messageSid];
      return receipt ? [{ channelMessageSid: `SM-${messageSid}`, ...receipt }] : [];
    },
    async findRelayedSms(_sessionSid, chatMessageSid) {
      asked.push(`relayed ${chatMessageSid}`);
      const smsSid = `SM-${chatMessageSid}`;
      return sms[smsSid] ? { smsSid, status: sms[smsSid].status } : null;
    },
  };
}

describe('ReconcileDeliveries', () => {
  it('reads back the sends unsettled after the delay, in both modes, and records what Twilio holds', async () => {
    const clock = new FakeClock();
    const log = new InMemoryDeliveryLog();
    const heard: MessageDelivery[] = [];
    log.sent(chatProxy(1), new Date(clock.now()));
    log.sent(conversations(2), new Date(clock.now()));
    log.sent(chatProxy(3), new Date(clock.now() + 5 * MINUTE));
    const twilio = twilioHolding(
      { 'SM-IM1': { status: 'undelivered', errorCode: 30007 }, 'SM-IM3': { status: 'delivered' } },
      { IM2: { status: 'delivered', errorCode: 0 } },
    );
    const reconcile = new ReconcileDeliveries(
      { log, twilio, clock, observer: { onDeliveryRecorded: async (delivery) => void heard.push(delivery) } },
      SETTINGS,
    );

    clock.advance(10 * MINUTE);
    expect(await reconcile.run()).toEqual({ ran: true, checked: 2, settled: 2, failed: 0, held: 0 });
    expect(log.deliveries.get('IM1')).toMatchObject({ status: 'undelivered', errorCode: 30007, channelMessageSid: 'SM-IM1' });
    expect(log.deliveries.get('IM2')).toMatchObject({ status: 'delivered', errorCode: null });
    expect(log.deliveries.has('IM3')).toBe(false);
    expect(heard.map((delivery) => delivery.requestId)).toEqual(['req_1', 'req_2']);
    expect(log.history.every((report) => report.source === 'reconciliation')).toBe(true);
  });

  it('leaves alone what a callback settled, and asks again later about what Twilio had nothing on yet', async () => {
    const clock = new FakeClock();
    const log = new InMemoryDeliveryLog();
    log.sent(chatProxy(1), new Date(clock.now()));
    log.sent(chatProxy(2), new Date(clock.now()));
    await recordDeliveryStatus(
      { log },
      {
        messageSid: 'IM1',
        channelMessageSid: 'SM-IM1',
        status: 'delivered',
        errorCode: null,
        errorMessage: null,
        reportedAt: new Date(clock.now()),
        source: 'callback',
      },
    );
    const twilio = twilioHolding({});
    const reconcile = new ReconcileDeliveries({ log, twilio, clock }, SETTINGS);

    clock.advance(10 * MINUTE);
    expect(await reconcile.run()).toMatchObject({ checked: 1, settled: 0 });
    expect(twilio.asked).toEqual(['relayed IM2']);
    clock.advance(MINUTE);
    expect(await reconcile.run()).toMatchObject({ checked: 0 });
    clock.advance(10 * MINUTE);
    expect(await reconcile.run()).toMatchObject({ checked: 1 });
  });

  it('runs on one instance at a time: a run within the lease of another is skipped', async () => {
    const clock = new FakeClock();
    const log = new InMemoryDeliveryLog();
    const first = new ReconcileDeliveries({ log, twilio: twilioHolding({}), clock }, SETTINGS);
    const second = new ReconcileDeliveries({ log, twilio: twilioHolding({}), clock }, SETTINGS);
    expect((await first.run()).ran).toBe(true);
    expect((await second.run()).ran).toBe(false);
    clock.advance(MINUTE);
    expect((await second.run()).ran).toBe(true);
  });

  it('goes on past a message Twilio could not answer for', async () => {
    const clock = new FakeClock();
    const log = new InMemoryDeliveryLog();
    log.sent(chatProxy(1), new Date(clock.now()));
    log.sent(chatProxy(2), new Date(clock.now()));
    const twilio = twilioHolding({ 'SM-IM2': { status: 'delivered' } });
    const failing = {
      ...twilio,
      findRelayedSms: async (sessionSid: string, chatMessageSid: string) =>
        chatMessageSid === 'IM1' ? Promise.reject(new Error('503')) : twilio.findRelayedSms(sessionSid, chatMessageSid),
    };
    clock.advance(10 * MINUTE);
    expect(await new ReconcileDeliveries({ log, twilio: failing, clock }, SETTINGS).run()).toEqual({
      ran: true,
      checked: 2,
      settled: 1,
      failed: 1,
      held: 0,
    });
  });
});

describe('recordDeliveryStatus', () => {
  const report = (status: 'queued' | 'sent' | 'delivered' | 'undelivered', at: number) => ({
    messageSid: 'IM1',
    channelMessageSid: 'SM1',
    status,
    errorCode: null,
    errorMessage: null,
    reportedAt: new Date(at),
    source: 'callback' as const,
  });

  it('holds a report about a message the journal does not know, tells no one, and forgets it after the hold', async () => {
    const log = new InMemoryDeliveryLog();
    const clock = new FakeClock(0);
    const heard: string[] = [];
    const observer = { onDeliveryRecorded: async (delivery: MessageDelivery) => void heard.push(delivery.status) };
    expect(await recordDeliveryStatus({ log, observer, clock }, report('delivered', 1))).toBeNull();
    expect(log.held.map((kept) => kept.report.status)).toEqual(['delivered']);
    expect(heard).toEqual([]);

    clock.advance(61 * MINUTE);
    await new ReconcileDeliveries({ log, twilio: twilioHolding({}), clock, observer }, SETTINGS).run();
    expect(log.held).toEqual([]);
    expect(heard).toEqual([]);
  });

  it("records reports held before the send journaled its message, once the send's request is known, in the order reported", async () => {
    const log = new InMemoryDeliveryLog();
    const clock = new FakeClock(0);
    const heard: string[] = [];
    const observer = { onDeliveryRecorded: async (delivery: MessageDelivery, changed: boolean) => void heard.push(`${delivery.status} ${changed}`) };
    await recordDeliveryStatus({ log, observer, clock }, report('sent', 2));
    await recordDeliveryStatus({ log, observer, clock }, report('queued', 1));
    log.sent(chatProxy(1), new Date(0));

    expect(await applyHeldDeliveryReports({ log, observer, clock }, { requestId: 'req_1', limit: 10 })).toBe(2);
    expect(heard).toEqual(['queued true', 'sent true']);
    expect(log.deliveries.get('IM1')).toMatchObject({ requestId: 'req_1', status: 'sent' });
    expect(log.held).toEqual([]);
    // Applied twice (the send and reconciliation both looked): nothing moves.
    expect(await applyHeldDeliveryReports({ log, observer, clock }, { limit: 10 })).toBe(0);
  });

  it('reconciliation records held reports whose send journaled its message without applying them', async () => {
    const log = new InMemoryDeliveryLog();
    const clock = new FakeClock(20 * MINUTE);
    await recordDeliveryStatus({ log, clock }, report('delivered', 1));
    log.sent(chatProxy(1), new Date(0));
    const twilio = twilioHolding({});

    expect(await new ReconcileDeliveries({ log, twilio, clock }, SETTINGS).run()).toEqual({ ran: true, checked: 0, settled: 0, failed: 0, held: 1 });
    expect(log.deliveries.get('IM1')).toMatchObject({ status: 'delivered' });
    expect(twilio.asked).toEqual([]);
  });

  it('tells observers of every report that stands (a repeat too), never of a stale one', async () => {
    const log = new InMemoryDeliveryLog();
    log.sent(chatProxy(1), new Date(0));
    const heard: string[] = [];
    const observer = { onDeliveryRecorded: async (delivery: MessageDelivery, changed: boolean) => void heard.push(`${delivery.status} ${changed}`) };
    for (const next of [report('sent', 1), report('delivered', 2), report('sent', 3), report('delivered', 4), report('undelivered', 5)])
      await recordDeliveryStatus({ log, observer }, next);
    expect(heard).toEqual(['sent true', 'delivered true', 'delivered false']);
    expect(log.deliveries.get('IM1')).toMatchObject({ status: 'delivered', updatedAt: new Date(2) });
  });
});
