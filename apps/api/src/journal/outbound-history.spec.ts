import type { OutboundRequestRecord } from '@flex-sms/domain';
import type { Database } from '../store/database';
import { migrateToLatest } from '../store/migrator';
import { DatabaseTarget, TestDatabase, describePostgres, sqliteTarget } from '../testing/test-databases';
import { OutboundHistory } from './outbound-history';
import { SqlJournal } from './sql-journal';

const day = (date: number, hour = 12) => new Date(Date.UTC(2026, 10, date, hour));
const record = (overrides: Partial<OutboundRequestRecord>): OutboundRequestRecord => ({
  kind: 'system_sms',
  caller: 'api-key:test',
  fromNumber: '+15550100001',
  toNumber: '+14155550123',
  toName: 'Ada',
  channel: 'sms',
  body: 'Hi',
  idempotencyKey: null,
  input: {},
  ...overrides,
});

function historyContract(target: DatabaseTarget) {
  let handle: TestDatabase;
  let db: Database;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    handle = await target.open();
    db = handle.db;
    await migrateToLatest(db);
    const journal = new SqlJournal(db);
    ids.oldSystem = await journal.begin(record({}), day(20));
    await journal.finish(ids.oldSystem, { status: 'succeeded', finishedAt: day(20), result: {} });
    ids.agent = await journal.begin(record({ kind: 'agent_sms', toNumber: '+14155550199' }), day(22));
    await journal.finish(ids.agent, { status: 'rolled_back', finishedAt: day(22), error: { code: 'PARTICIPANT_CONFLICT', message: 'busy' } });
    ids.otherNumber = await journal.begin(record({ fromNumber: '+15550100002' }), day(23));
    ids.newest = await journal.begin(record({}), day(24));
    await journal.recordStep(ids.newest, { name: 'flex-flow', outcome: 'resolved', sids: {}, startedAt: day(24), finishedAt: day(24) });
    await journal.recordStep(ids.oldSystem, {
      name: 'channel',
      outcome: 'created',
      sids: { channelSid: 'CH1' },
      startedAt: day(20),
      finishedAt: day(20),
    });
    await journal.recordStep(ids.otherNumber, {
      name: 'conversation',
      outcome: 'created',
      sids: { conversationSid: 'CH2' },
      startedAt: day(23),
      finishedAt: day(23),
    });
    // Closing a stale session names another conversation's channel: that does not make it this number's.
    await journal.recordStep(ids.otherNumber, {
      name: 'stale-session',
      outcome: 'closed',
      sids: { sessionSid: 'KC1', channelSid: 'CH3' },
      startedAt: day(23),
      finishedAt: day(23),
    });
  });
  afterAll(() => handle.close());

  const list = (filter: Partial<Parameters<OutboundHistory['list']>[0]>) => new OutboundHistory(db).list({ page: 1, pageSize: 10, ...filter });
  const idsOf = async (filter: Partial<Parameters<OutboundHistory['list']>[0]>) => (await list(filter)).items.map((item) => item.id);

  it('lists newest first, without steps, with the total', async () => {
    const page = await list({});
    expect(page.items.map((item) => item.id)).toEqual([ids.newest, ids.otherNumber, ids.agent, ids.oldSystem]);
    expect(page.total).toBe(4);
    expect(page.items[0]).not.toHaveProperty('steps');
    expect(page.items[2]).toMatchObject({ kind: 'agent_sms', status: 'rolled_back', error: { code: 'PARTICIPANT_CONFLICT' } });
  });

  it('filters by status, kind, number (either side) and date range', async () => {
    expect(await idsOf({ status: 'in_flight' })).toEqual([ids.newest, ids.otherNumber]);
    expect(await idsOf({ kind: 'agent_sms' })).toEqual([ids.agent]);
    expect(await idsOf({ number: '+15550100002' })).toEqual([ids.otherNumber]);
    expect(await idsOf({ number: '+14155550199' })).toEqual([ids.agent]);
    expect(await idsOf({ since: day(22, 0), until: day(24, 0) })).toEqual([ids.otherNumber, ids.agent]);
    expect(await idsOf({ status: 'succeeded', number: '+15550100001', since: day(21) })).toEqual([]);
  });

  it('keeps to the sender numbers a restricted caller may see', async () => {
    expect(await idsOf({ fromNumbers: ['+15550100002'] })).toEqual([ids.otherNumber]);
    expect(await idsOf({ fromNumbers: ['+15550100001', '+15550100002'], kind: 'agent_sms' })).toEqual([ids.agent]);
    expect(await idsOf({ fromNumbers: [] })).toEqual([]);
  });

  it('tells whose transcript a channel or conversation is, from the steps that started or reused it', async () => {
    const history = new OutboundHistory(db);
    expect(await history.isTranscriptOf('CH1', ['+15550100001'])).toBe(true);
    expect(await history.isTranscriptOf('CH1', ['+15550100002'])).toBe(false);
    expect(await history.isTranscriptOf('CH2', ['+15550100003', '+15550100002'])).toBe(true);
    expect(await history.isTranscriptOf('CH3', ['+15550100002'])).toBe(false);
  });

  it('pages with a stable order', async () => {
    const first = await list({ page: 1, pageSize: 3 });
    const second = await list({ page: 2, pageSize: 3 });
    expect(first.items).toHaveLength(3);
    expect(second).toMatchObject({ page: 2, pageSize: 3, total: 4, items: [expect.objectContaining({ id: ids.oldSystem })] });
  });
}

describe('OutboundHistory on SQLite', () => historyContract(sqliteTarget));
describePostgres('OutboundHistory on PostgreSQL', (target) => historyContract(target));
