import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { DEMO_NUMBERS, RunningSandbox, startSandbox } from '@flex-sms/twilio-sandbox';
import { FAST_RETRIES } from '../outbound/outbound.test-helpers';
import { OUTBOUND_SMS_OPTIONS } from '../outbound/outbound-sms.tokens';
import { embeddedDatabaseFile } from '../store/open-database';
import { createTestSchema, TEST_DATABASE_URL } from '../testing/test-databases';
import { TestApp, createTestApp } from '../testing/test-app';
import { CAMPAIGN_OPTIONS, DEFAULT_CAMPAIGN_OPTIONS } from './campaigns.tokens';
import { ANY_TIME, customers, received, waitForCampaign } from './campaigns.test-helpers';

const [SENDER, OTHER_SENDER] = DEMO_NUMBERS;

function startApi(sandbox: RunningSandbox, env: Record<string, string | undefined>): Promise<TestApp> {
  return createTestApp({
    sandbox,
    logger: false,
    env,
    override: (builder) =>
      builder
        .overrideProvider(OUTBOUND_SMS_OPTIONS)
        .useValue(FAST_RETRIES)
        .overrideProvider(CAMPAIGN_OPTIONS)
        .useValue({ ...DEFAULT_CAMPAIGN_OPTIONS, idlePollMs: 20, housekeepingMs: 200 }),
  });
}

describe('Campaigns across a restart (embedded SQLite file)', () => {
  let sandbox: RunningSandbox;
  let dataDir: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, host: '127.0.0.1' });
    dataDir = mkdtempSync(join(tmpdir(), 'campaign-restart-'));
  });

  afterAll(async () => {
    await sandbox?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('resumes where it was, settles what a dead instance had claimed from the journal, and texts nobody twice', async () => {
    const env = { DATABASE_URL: undefined, DATA_DIR: dataDir };
    const numbers = customers(30, 500);
    const first = await startApi(sandbox, env);
    let campaignId: string;
    try {
      const created = await first.http
        .post('/api/v1/campaigns')
        .send({
          name: 'Restart',
          body: 'Once only',
          senders: [SENDER],
          pacingPerSecond: 10,
          ...ANY_TIME,
          recipients: numbers.map((number) => ({ number })),
        })
        .expect(201);
      campaignId = created.body.id;
      await waitForCampaign(first, campaignId, (campaign) => campaign.counts.sent >= 5);
    } finally {
      await first.close();
    }

    // What a process killed mid-send leaves: recipients claimed by an instance that is gone, one of them already
    // sent (its journal row succeeded), the others never journaled.
    const file = new Sqlite(embeddedDatabaseFile(dataDir));
    try {
      const [sentOne] = file
        .prepare(`SELECT position FROM campaign_recipient WHERE campaign_id = ? AND state = 'sent' ORDER BY position LIMIT 1`)
        .all(campaignId) as { position: number }[];
      file
        .prepare(`UPDATE campaign_recipient SET state = 'sending', claimed_by = 'dead-instance' WHERE campaign_id = ? AND position = ?`)
        .run(campaignId, sentOne.position);
      const pending = file
        .prepare(`SELECT position FROM campaign_recipient WHERE campaign_id = ? AND state = 'pending' ORDER BY position LIMIT 2`)
        .all(campaignId) as { position: number }[];
      expect(pending).toHaveLength(2);
      for (const { position } of pending) {
        file
          .prepare(`UPDATE campaign_recipient SET state = 'sending', claimed_by = 'dead-instance' WHERE campaign_id = ? AND position = ?`)
          .run(campaignId, position);
      }
    } finally {
      file.close();
    }

    const second = await startApi(sandbox, env);
    try {
      const done = await waitForCampaign(second, campaignId, (campaign) => campaign.status === 'completed');
      expect(done.counts).toMatchObject({ sent: 30, sending: 0, pending: 0, failed: 0 });
      for (const number of numbers) expect(await received(second.controls, number, 'Once only')).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});

const describeOnPostgres = TEST_DATABASE_URL ? describe : describe.skip;

describeOnPostgres('Campaigns on PostgreSQL with two API instances claiming from one queue', () => {
  let sandbox: RunningSandbox;
  let schema: { url: string; drop(): Promise<void> };
  const apps: TestApp[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, host: '127.0.0.1' });
    schema = await createTestSchema(TEST_DATABASE_URL as string);
    apps.push(await startApi(sandbox, { DATABASE_URL: schema.url }));
    apps.push(await startApi(sandbox, { DATABASE_URL: schema.url }));
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await schema?.drop();
    await sandbox?.close();
  });

  it('sends every recipient exactly once, claimed by both instances', async () => {
    const [one, two] = apps;
    const numbers = customers(40, 600);
    const created = await one.http
      .post('/api/v1/campaigns')
      .send({
        name: 'Shared',
        body: 'Two instances',
        senders: [SENDER, OTHER_SENDER],
        pacingPerSecond: 20,
        ...ANY_TIME,
        recipients: numbers.map((number) => ({ number })),
      })
      .expect(201);
    const done = await waitForCampaign(two, created.body.id, (campaign) => campaign.status === 'completed');
    expect(done.counts).toMatchObject({ sent: 40, failed: 0 });
    for (const number of numbers) expect(await received(one.controls, number, 'Two instances')).toHaveLength(1);
    const claimers = await one.db.query<{ claimed_by: string }>('SELECT DISTINCT claimed_by FROM campaign_recipient WHERE campaign_id = $1', [
      created.body.id,
    ]);
    expect(claimers).toHaveLength(2);
  }, 120_000);
});
