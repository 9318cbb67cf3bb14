import { startSandbox, SandboxControls, DEMO_NUMBERS, type RunningSandbox } from '@flex-sms/twilio-sandbox';
import { Client } from 'pg';
import { BuiltApi, callApi, ensureApiBuilt, startBuiltApi, until } from '../testing/built-api';
import { createTestSchema, describePostgres, TEST_DATABASE_URL } from '../testing/test-databases';
import { ANY_TIME, customers, received, type CampaignBody } from './campaigns.test-helpers';

/**
 * Two built API processes share a running campaign on one PostgreSQL and one is SIGKILLed mid-campaign: no shutdown
 * hooks, its sends cut with their journal rows in flight and their recipients claimed. The other is not restarted
 * and must finish the campaign alone: the dead one's claims settled from the journal, its sends in flight settled by
 * crash recovery first (which no process start runs here), nobody texted twice, nobody left behind.
 */

/** Enough to last well past the other process's next housekeeping (5 s), when it joins. */
const RECIPIENTS = 200;
const BODY = 'Your appointment is tomorrow';
/** Each Twilio request takes a while, posting the message longest, so the killed process has sends in flight when it dies. */
const LATENCY_MS = 100;
const MESSAGE_POST_MS = 1_500;
/** Above MESSAGE_POST_MS; recovery undoes an interrupted request once this has passed since its last activity. */
const TWILIO_REQUEST_TIMEOUT_MS = 4_000;

describePostgres('A campaign on two API processes, one SIGKILLed mid-campaign', () => {
  let schema: { url: string; drop(): Promise<void> } | undefined;
  let sandbox: RunningSandbox;
  let controls: SandboxControls;
  const apis: BuiltApi[] = [];

  beforeAll(ensureApiBuilt, 180_000);

  beforeAll(async () => {
    schema = await createTestSchema(TEST_DATABASE_URL as string);
    sandbox = await startSandbox({ port: 0, host: '127.0.0.1' });
    controls = new SandboxControls(sandbox.url);
    const env = { DATABASE_URL: schema.url, TWILIO_REQUEST_TIMEOUT_MS: String(TWILIO_REQUEST_TIMEOUT_MS) };
    // One after the other, so only the first migrates.
    apis.push(await startBuiltApi(sandbox, env));
    apis.push(await startBuiltApi(sandbox, env));
  }, 60_000);

  afterAll(async () => {
    for (const api of apis) if (api.child.exitCode === null && api.child.signalCode === null) api.child.kill('SIGKILL');
    await sandbox?.close();
    await schema?.drop();
  });

  /** How many instances have claimed recipients of the campaign so far. */
  async function claimers(campaignId: string): Promise<number> {
    const database = new Client({ connectionString: schema!.url });
    await database.connect();
    try {
      const { rows } = await database.query<{ count: string }>(
        'SELECT count(DISTINCT claimed_by) AS count FROM campaign_recipient WHERE campaign_id = $1 AND claimed_by IS NOT NULL',
        [campaignId],
      );
      return Number(rows[0].count);
    } finally {
      await database.end();
    }
  }

  /** What each process logged, its request lines left out. */
  const processLog = () =>
    apis
      .map(
        (api, index) =>
          `--- API ${index + 1}:\n${api.output
            .join('')
            .split('\n')
            .filter((line) => !line.includes('"context":"HTTP"'))
            .join('\n')
            .slice(-4_000)}`,
      )
      .join('\n');

  it('is finished by the other: every recipient settled, each sent one texted once, nobody twice', async () => {
    const [doomed, survivor] = apis;
    await controls.setFaults({
      latencyMs: LATENCY_MS,
      endpoints: [{ method: 'POST', path: '/chat/v2/Services/*/Channels/*/Messages', latencyMs: MESSAGE_POST_MS }],
    });
    const numbers = customers(RECIPIENTS, 700);
    const created = await callApi<CampaignBody>(survivor.url, '/api/v1/campaigns', {
      method: 'POST',
      body: JSON.stringify({
        name: 'Shared, one killed',
        body: BODY,
        senders: DEMO_NUMBERS.slice(0, 2),
        pacingPerSecond: 10,
        ...ANY_TIME,
        recipients: numbers.map((number) => ({ number })),
      }),
    });
    expect(created.status).toBe(201);
    const view = async () => (await callApi<CampaignBody>(survivor.url, `/api/v1/campaigns/${created.body.id}`)).body;
    await until(async () => ((await view()).counts.sent >= RECIPIENTS / 4 ? true : undefined), 'a quarter of the campaign sent', 60_000);
    // The other process joins a campaign created elsewhere at its next housekeeping (it polls for claims only while
    // some campaign runs): kill it once it is sending too, so that it dies with sends in flight.
    await until(async () => ((await claimers(created.body.id)) >= 2 ? true : undefined), 'both processes claiming recipients', 60_000);

    const exited = new Promise((resolve) => doomed.child.once('exit', resolve));
    doomed.child.kill('SIGKILL');
    await exited;

    const done = await until(
      async () => {
        const campaign = await view();
        return campaign.status === 'completed' ? campaign : undefined;
      },
      'the other process to finish the campaign',
      90_000,
    ).catch(async (error: unknown) => {
      throw new Error(`${String(error)}: ${JSON.stringify((await view()).counts)}\n${processLog()}`);
    });
    await controls.clearFaults();

    // Every recipient in a final state; the dead process's interrupted sends count as failed, never as pending.
    expect(done.counts).toMatchObject({ pending: 0, sending: 0 });
    expect(done.counts.sent + done.counts.failed).toBe(RECIPIENTS);
    expect(done.counts.sent).toBeGreaterThan(RECIPIENTS / 2);
    // The kill cut sends mid-flight (their journal rows in flight): crash recovery undid them and they were settled
    // failed by the survivor — before, they stayed `sending` until some process started again.
    expect(done.counts.failed).toBeGreaterThan(0);
    const texts = await Promise.all(numbers.map(async (number) => (await received(controls, number, BODY)).length));
    // Nobody texted twice (a failed one may have been texted once before its send was cut: never again).
    expect(texts.filter((count) => count > 1)).toEqual([]);
    const database = new Client({ connectionString: schema!.url });
    await database.connect();
    try {
      const { rows } = await database.query<{ to_number: string; state: string; claimed_by: string }>(
        'SELECT to_number, state, claimed_by FROM campaign_recipient WHERE campaign_id = $1 ORDER BY position',
        [created.body.id],
      );
      // Each one counted sent was texted exactly once.
      expect(rows.filter((row) => row.state === 'sent' && texts[numbers.indexOf(row.to_number)] !== 1)).toEqual([]);
      // Both processes had claimed recipients: the killed one took part.
      expect(new Set(rows.map((row) => row.claimed_by)).size).toBeGreaterThanOrEqual(2);
    } finally {
      await database.end();
    }
    expect(survivor.child.exitCode).toBeNull();
  }, 180_000);
});
