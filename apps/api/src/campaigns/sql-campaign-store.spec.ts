import type { CampaignReport, CampaignSettings, NewCampaignRecipient } from '@flex-sms/domain';
import { migrateToLatest } from '../store/migrator';
import { DatabaseTarget, TestDatabase, describePostgres, sqliteTarget } from '../testing/test-databases';
import { SqlCampaignStore } from './sql-campaign-store';

const T0 = new Date('2026-12-05T12:00:00.000Z');
const SENDER = '+15550100001';
const OTHER_SENDER = '+15550100002';

const SETTINGS: CampaignSettings = {
  name: 'Reminders',
  body: 'Hi {{name}}',
  channel: 'sms',
  contentSid: null,
  senders: [SENDER, OTHER_SENDER],
  pacingPerSecond: 10,
  quietHours: { sendFrom: '00:00', sendUntil: '00:00' },
  startAt: null,
  inConversation: 'send',
  filteredStopThreshold: 10,
};

const REPORT: CampaignReport = {
  rows: 0,
  toSend: 0,
  invalid: { count: 0, rows: [] },
  duplicates: { count: 0, rows: [] },
  optedOut: { count: 0, rows: [] },
  inConversation: { count: 0, rows: [] },
  segments: { encoding: 'GSM-7', perMessageMin: 1, perMessageMax: 1, total: 0, ucs2Messages: 0 },
  perSender: {},
  preview: [],
  estimatedDurationSeconds: 0,
};

function recipients(count: number, fromNumber: string, offset = 0): NewCampaignRecipient[] {
  return Array.from({ length: count }, (_, index) => ({
    position: offset + index,
    row: offset + index + 2,
    toNumber: `+1415555${String(offset + index).padStart(4, '0')}`,
    toName: `Customer ${offset + index}`,
    variables: {},
    fromNumber,
    state: 'pending',
    reason: null,
  }));
}

/**
 * The claim's order, which the queue's index serves (migration 150): the oldest running campaign first, within it the
 * sender's recipients by position, each once; recipients deferred to later are passed over, not waited for.
 */
function claimOrderContract(target: DatabaseTarget) {
  let handle: TestDatabase;
  let store: SqlCampaignStore;
  beforeEach(async () => {
    handle = await target.open();
    await migrateToLatest(handle.db);
    store = new SqlCampaignStore(handle.db);
  });
  afterEach(() => handle.close());

  async function runningCampaign(createdAt: Date, rows: NewCampaignRecipient[]): Promise<string> {
    const id = await store.create({ settings: SETTINGS, createdBy: 'api-key:test', createdAt });
    await store.addRecipients(id, rows);
    await store.finishPreparing(id, REPORT, 'running');
    return id;
  }

  it("claims the oldest campaign's recipients of the sender by position, each once, then the next campaign's", async () => {
    // Rows interleaved between the senders, and the newer campaign's rows added first.
    const newer = await runningCampaign(new Date(T0.getTime() + 1000), recipients(2, SENDER, 0));
    const older = await runningCampaign(
      T0,
      [...recipients(3, OTHER_SENDER, 0), ...recipients(3, SENDER, 3)].sort((a, b) => b.position - a.position),
    );
    const now = new Date(T0.getTime() + 60_000);
    const claimed: string[] = [];
    for (;;) {
      // Far ahead (one hour) so pacing never stops the loop: the order is what is checked here.
      const claim = await store.claimNext('instance-a', now, 3_600_000);
      if (!claim) break;
      claimed.push(`${claim.campaign.id === older ? 'older' : 'newer'}:${claim.recipient.fromNumber}:${claim.recipient.position}`);
    }
    const ofSender = claimed.filter((entry) => entry.includes(SENDER));
    expect(ofSender).toEqual([`older:${SENDER}:3`, `older:${SENDER}:4`, `older:${SENDER}:5`, `newer:${SENDER}:0`, `newer:${SENDER}:1`]);
    expect(claimed.filter((entry) => entry.includes(OTHER_SENDER))).toEqual([
      `older:${OTHER_SENDER}:0`,
      `older:${OTHER_SENDER}:1`,
      `older:${OTHER_SENDER}:2`,
    ]);
    expect(await store.countsByState(newer)).toEqual({ sending: 2 });
  });

  it('passes over a recipient deferred to later (quiet hours) and takes it once its time has come', async () => {
    const id = await runningCampaign(T0, recipients(3, SENDER));
    const now = new Date(T0.getTime() + 60_000);
    const first = await store.claimNext('instance-a', now, 3_600_000);
    expect(first?.recipient.position).toBe(0);
    await store.release(id, 0, new Date(now.getTime() + 3_600_000));
    const next = [await store.claimNext('instance-a', now, 3_600_000), await store.claimNext('instance-a', now, 3_600_000)];
    expect(next.map((claim) => claim?.recipient.position)).toEqual([1, 2]);
    expect(await store.claimNext('instance-a', now, 3_600_000)).toBeNull();
    const later = await store.claimNext('instance-a', new Date(now.getTime() + 3_600_001), 0);
    expect(later?.recipient.position).toBe(0);
  });

  it('skips a campaign that is paused or backing off', async () => {
    const paused = await runningCampaign(T0, recipients(1, SENDER, 0));
    const running = await runningCampaign(new Date(T0.getTime() + 1000), recipients(1, SENDER, 1));
    await store.transition(paused, ['running'], 'paused', T0);
    const now = new Date(T0.getTime() + 60_000);
    await store.backOff(running, new Date(now.getTime() + 5_000));
    expect(await store.claimNext('instance-a', now, 3_600_000)).toBeNull();
    const afterPause = await store.claimNext('instance-a', new Date(now.getTime() + 5_000), 3_600_000);
    expect(afterPause?.campaign.id).toBe(running);
  });

  it("records a sent recipient's delivery status, keeping the last error code, and answers null for a request of no campaign", async () => {
    const id = await runningCampaign(T0, recipients(2, SENDER));
    const now = new Date(T0.getTime() + 60_000);
    const claim = await store.claimNext('instance-a', now, 3_600_000);
    await store.settle(id, claim?.recipient.position as number, { state: 'sent', requestId: 'req_campaign_0' }, now);
    const sent = {
      ...claim?.recipient,
      state: 'sent',
      requestId: 'req_campaign_0',
      settledAt: now,
      notBefore: expect.any(Date),
      variables: {},
    };

    expect(await store.recordDelivery('req_campaign_0', 'undelivered', 30007)).toEqual({
      ...sent,
      deliveryStatus: 'undelivered',
      deliveryErrorCode: 30007,
    });
    expect(await store.recordDelivery('req_campaign_0', 'delivered', null)).toEqual({
      ...sent,
      deliveryStatus: 'delivered',
      deliveryErrorCode: 30007,
    });
    expect(await store.recordDelivery('req_no_campaign', 'delivered', null)).toBeNull();
    expect(await store.countDeliveryErrors(id, SENDER, 30007)).toBe(1);
  });
}

describe('SqlCampaignStore claims, SQLite (embedded)', () => claimOrderContract(sqliteTarget));
describePostgres('SqlCampaignStore claims', (target) => {
  claimOrderContract(target);

  it('two instances claiming at once take different recipients, each once', async () => {
    const handle = await target.open();
    try {
      await migrateToLatest(handle.db);
      const stores = [new SqlCampaignStore(handle.db), new SqlCampaignStore(await handle.openAnother())];
      const id = await stores[0].create({ settings: SETTINGS, createdBy: 'api-key:test', createdAt: T0 });
      await stores[0].addRecipients(id, [...recipients(20, SENDER, 0), ...recipients(20, OTHER_SENDER, 20)]);
      await stores[0].finishPreparing(id, REPORT, 'running');
      const now = new Date(T0.getTime() + 60_000);
      const claims = await Promise.all(
        Array.from({ length: 60 }, (_, index) => stores[index % 2].claimNext(`instance-${index % 2}`, now, 3_600_000)),
      );
      const positions = claims.flatMap((claim) => (claim ? [claim.recipient.position] : []));
      expect(new Set(positions).size).toBe(positions.length);
      expect(await stores[0].countsByState(id)).toEqual({
        sending: positions.length,
        ...(positions.length < 40 ? { pending: 40 - positions.length } : {}),
      });
    } finally {
      await handle.close();
    }
  });
});
