import type { DeliveryReport, DeliveryStatus } from '@flex-sms/domain';
import { SqlJournal } from '../journal/sql-journal';
import { migrateToLatest } from '../store/migrator';
import { DatabaseTarget, TestDatabase, describePostgres, sqliteTarget } from '../testing/test-databases';
import { SqlDeliveryLog } from './sql-delivery-log';
import { SystemCallbackOutbox } from '../system-callbacks/system-callback-outbox';

const T0 = new Date('2026-11-24T18:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
let sequence = 0;

/** The SQL DeliveryLog on each database: the status only moves forwards, whoever writes, and one run is claimed at a time. */
function deliveryLogContract(target: DatabaseTarget) {
  let handle: TestDatabase;
  let log: SqlDeliveryLog;
  let journal: SqlJournal;
  beforeAll(async () => {
    handle = await target.open();
    await migrateToLatest(handle.db);
    log = new SqlDeliveryLog(handle.db, new SystemCallbackOutbox());
    journal = new SqlJournal(handle.db);
  });
  afterAll(() => handle.close());

  /** A succeeded request whose `message` step posted `IM<n>`. */
  async function sentRequest(finishedAt = T0): Promise<{ requestId: string; messageSid: string }> {
    const messageSid = `IM${String(++sequence).padStart(32, '0')}`;
    const requestId = await journal.begin(
      {
        kind: 'system_sms',
        caller: 'bootstrap',
        fromNumber: '+15550100001',
        toNumber: '+14155550123',
        toName: 'Ada',
        channel: 'sms',
        body: 'Hi',
        idempotencyKey: null,
        input: {},
      },
      T0,
    );
    await journal.recordStep(requestId, {
      name: 'message',
      outcome: 'created',
      sids: { messageSid, channelSid: 'CH1' },
      startedAt: T0,
      finishedAt: T0,
    });
    await journal.finish(requestId, {
      status: 'succeeded',
      finishedAt,
      result: { mode: 'chat-proxy', message: { sid: messageSid }, proxySession: { sid: 'KC1' } },
    });
    return { requestId, messageSid };
  }
  const report = (messageSid: string, status: DeliveryStatus, ms: number, errorCode: number | null = null): DeliveryReport => ({
    messageSid,
    channelMessageSid: 'SM1',
    status,
    errorCode,
    errorMessage: null,
    reportedAt: at(ms),
    source: 'callback',
  });

  it('finds the request of a message its message step posted, and none for another', async () => {
    const { requestId, messageSid } = await sentRequest();
    expect(await log.requestOfMessage(messageSid)).toBe(requestId);
    expect(await log.requestOfMessage('IM-not-ours')).toBeNull();
  });

  it('says a finishing send need not ask for held reports until this process holds one, and for two minutes after', async () => {
    const fresh = new SqlDeliveryLog(handle.db, new SystemCallbackOutbox());
    expect(fresh.mayHoldReportsFor(Date.now())).toBe(false);
    await fresh.hold(report(`IM${String(++sequence).padStart(32, '0')}`, 'queued', 1), at(0));
    expect(fresh.mayHoldReportsFor(Date.now())).toBe(true);
    expect(fresh.mayHoldReportsFor(Date.now() + 2 * 60_000 + 1_000)).toBe(false);
  });

  it('holds reports about a message not journaled yet (once per status), hands them out once its step exists, and forgets what it is told to', async () => {
    const early = `IM${String(++sequence).padStart(32, '0')}`;
    await log.hold(report(early, 'sent', 2), at(10));
    await log.hold(report(early, 'queued', 1, null), at(10));
    await log.hold(report(early, 'queued', 1), at(11));
    const stranger = `IM${String(++sequence).padStart(32, '0')}`;
    await log.hold(report(stranger, 'delivered', 1), at(0));
    // Nobody's message yet: nothing to hand out.
    expect((await log.heldReports({ limit: 100 })).filter(({ report: held }) => held.messageSid === early)).toEqual([]);

    const { requestId, messageSid } = await sentRequest();
    await journal.recordStep(requestId, { name: 'message', outcome: 'created', sids: { messageSid: early }, startedAt: T0, finishedAt: T0 });
    const held = await log.heldReports({ requestId, limit: 100 });
    expect(held.map(({ requestId: of, report: kept }) => [of, kept.messageSid, kept.status, kept.reportedAt])).toEqual([
      [requestId, early, 'queued', at(1)],
      [requestId, early, 'sent', at(2)],
    ]);
    expect(messageSid).not.toBe(early);

    await log.releaseHeld(
      held.map(({ report: kept }) => kept),
      at(5),
    );
    expect(await log.heldReports({ requestId, limit: 100 })).toEqual([]);
    // Held before at(5) and never claimed: forgotten with them.
    await journal.recordStep(requestId, { name: 'message', outcome: 'created', sids: { messageSid: stranger }, startedAt: T0, finishedAt: T0 });
    expect(await log.heldReports({ requestId, limit: 100 })).toEqual([]);
  });

  it('moves the status only forwards, keeps one history row per status, and lets a later delivered end a failure', async () => {
    const { requestId, messageSid } = await sentRequest();
    const outcomes = [];
    for (const next of [
      report(messageSid, 'sent', 2),
      report(messageSid, 'queued', 1),
      report(messageSid, 'undelivered', 3, 30003),
      report(messageSid, 'sent', 2),
      report(messageSid, 'delivered', 4),
    ]) {
      const { delivery, changed } = await log.record(requestId, next);
      outcomes.push(`${next.status}→${delivery.status}${changed ? '' : ' (kept)'}`);
    }
    expect(outcomes).toEqual(['sent→sent', 'queued→sent (kept)', 'undelivered→undelivered', 'sent→undelivered (kept)', 'delivered→delivered']);
    expect((await log.ofRequests([requestId])).get(requestId)).toEqual({
      requestId,
      messageSid,
      channelMessageSid: 'SM1',
      status: 'delivered',
      errorCode: null,
      errorMessage: null,
      updatedAt: at(4),
    });
    expect((await log.historyOf(requestId)).map((event) => event.status).sort()).toEqual(['delivered', 'queued', 'sent', 'undelivered']);
  });

  it('settles two reports arriving at once the same way, whatever their order', async () => {
    const { requestId, messageSid } = await sentRequest();
    await Promise.all([
      log.record(requestId, report(messageSid, 'delivered', 2)),
      log.record(requestId, report(messageSid, 'sent', 1)),
      log.record(requestId, report(messageSid, 'queued', 0)),
    ]);
    expect((await log.ofRequests([requestId])).get(requestId)?.status).toBe('delivered');
  });

  it('lists the unsettled sends in the window, not those settled or checked since', async () => {
    const settled = await sentRequest(at(-60_000));
    const checked = await sentRequest(at(-60_000));
    const open = await sentRequest(at(-60_000));
    await log.record(settled.requestId, report(settled.messageSid, 'delivered', 0));
    const found = await log.unsettled({ sentAfter: at(-120_000), sentBefore: at(0), checkedBefore: at(0), limit: 100 });
    const mine = found.filter((message) => [settled, checked, open].some((sent) => sent.requestId === message.requestId));
    expect(mine.map((message) => message.requestId)).toEqual([checked.requestId, open.requestId]);
    expect(mine[0]).toEqual({
      requestId: checked.requestId,
      messageSid: checked.messageSid,
      mode: 'chat-proxy',
      conversationSid: null,
      proxySessionSid: 'KC1',
      channelMessageSid: null,
    });

    await log.markChecked(mine[0], at(1_000));
    const later = await log.unsettled({ sentAfter: at(-120_000), sentBefore: at(0), checkedBefore: at(0), limit: 100 });
    expect(later.map((message) => message.requestId)).toContain(open.requestId);
    expect(later.map((message) => message.requestId)).not.toContain(checked.requestId);
  });

  it('gives the reconciliation run to one caller until its lease ends', async () => {
    const other = target.name.startsWith('PostgreSQL') ? new SqlDeliveryLog(await handle.openAnother(), new SystemCallbackOutbox()) : log;
    expect(await log.claimReconciliationRun(at(0), at(60_000))).toBe(true);
    expect(await other.claimReconciliationRun(at(1_000), at(61_000))).toBe(false);
    expect(await other.claimReconciliationRun(at(60_000), at(120_000))).toBe(true);
  });
}

describe('SqlDeliveryLog on the embedded SQLite', () => deliveryLogContract(sqliteTarget));
describePostgres('SqlDeliveryLog on PostgreSQL', (target) => deliveryLogContract(target));
