import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { createTwilioClient } from '@flex-sms/twilio-adapter';
import { SandboxControls, startSandbox, type RunningSandbox } from '@flex-sms/twilio-sandbox';
import type twilio from 'twilio';
import { TWILIO_NUMBER } from '../outbound/outbound.test-helpers';
import { BuiltApi, callApi, ensureApiBuilt, startBuiltApi, until } from '../testing/built-api';
import { describePostgres } from '../testing/test-databases';

/**
 * A managed PostgreSQL's failover or maintenance, for real: two built API processes on one server, sends in flight,
 * the server stopped (its sessions ended with 57P01) for a few seconds and started again. The cluster is this
 * test's own (throwaway-postgres.sh), so restarting it disturbs no other suite.
 */

const THROWAWAY_POSTGRES = resolve(__dirname, '../../../../tools/scripts/throwaway-postgres.sh');
const OUTAGE_MS = 4_000;
/**
 * Longer than the outage: the Proxy Session creates sent before the stop land after the restart, when their senders
 * have lost their pair lock and a retry for the same customer may hold it (the hard case).
 */
const SESSION_CREATE_MS = 5_500;
/** Above SESSION_CREATE_MS; recovery waits this long after an interrupted request's last activity before undoing it. */
const TWILIO_REQUEST_TIMEOUT_MS = 7_000;
const CUSTOMERS = Array.from({ length: 8 }, (_, index) => `+1415556${String(index).padStart(4, '0')}`);
/** Each customer gets two sends with keys of their own at once, so sends for one conversation meet on both APIs. */
const SENDS = CUSTOMERS.flatMap((customer, index) =>
  [0, 1].map((second) => ({ customer, key: `restart-${index}-${second}`, body: `Your order ${index}-${second} shipped` })),
);

const sleep = (ms: number) => new Promise((resolvePromise) => setTimeout(resolvePromise, ms));

function throwawayPostgres(...args: string[]): string {
  return execFileSync('bash', [THROWAWAY_POSTGRES, ...args], { encoding: 'utf8', timeout: 60_000 });
}

interface Attempt {
  api: number;
  status: number;
  code?: string;
  retryAfter: string | null;
  id?: string;
  /** The request got no HTTP answer at all (its process died). */
  failed?: string;
}

interface ErrorBody {
  error?: { code: string; context?: { checks?: { database?: { status: string; reason?: string } } } };
  id?: string;
  status?: string;
}

describePostgres('A PostgreSQL restart under traffic from two API processes', () => {
  let cluster: { url: string; dir: string } | undefined;
  let sandbox: RunningSandbox;
  let controls: SandboxControls;
  let client: twilio.Twilio;
  const apis: BuiltApi[] = [];
  /** Brought forward by afterAll, so a failed test leaves no sends retrying behind it. */
  let stopBy = Infinity;

  beforeAll(ensureApiBuilt, 180_000);

  beforeAll(async () => {
    const exports = throwawayPostgres();
    cluster = { url: /TEST_DATABASE_URL=(\S+)/.exec(exports)![1], dir: /THROWAWAY_PG_DIR=(\S+)/.exec(exports)![1] };
    sandbox = await startSandbox({ port: 0 });
    controls = new SandboxControls(sandbox.url);
    client = createTwilioClient({ accountSid: sandbox.account.accountSid, authToken: sandbox.account.authToken, baseUrl: sandbox.url });
    const env = { DATABASE_URL: cluster.url, TWILIO_REQUEST_TIMEOUT_MS: String(TWILIO_REQUEST_TIMEOUT_MS), SEND_RATE_LIMIT_PER_MINUTE: '100000' };
    // One after the other, so only the first migrates.
    apis.push(await startBuiltApi(sandbox, env));
    apis.push(await startBuiltApi(sandbox, env));
  }, 60_000);

  afterAll(async () => {
    stopBy = 0;
    for (const api of apis) if (api.child.exitCode === null) api.child.kill('SIGKILL');
    await sandbox?.close();
    if (cluster) throwawayPostgres('stop', cluster.dir);
  });

  /** One send, retried with its Idempotency-Key on alternating APIs (as a caller behind a load balancer) until answered for good. */
  async function sendUntilAnswered(send: (typeof SENDS)[number], first: number, deadline: number): Promise<Attempt[]> {
    const attempts: Attempt[] = [];
    for (let index = first; ; index++) {
      const api = index % apis.length;
      const attempt = await callApi<ErrorBody>(apis[api].url, '/api/v1/outbound/message', {
        method: 'POST',
        headers: { 'Idempotency-Key': send.key },
        body: JSON.stringify({ fromNumber: TWILIO_NUMBER, toNumber: send.customer, toName: 'Ada', messageBody: send.body }),
      }).then(
        ({ status, headers, body }): Attempt => ({
          api,
          status,
          code: body.error?.code,
          retryAfter: headers.get('retry-after'),
          id: status === 201 ? body.id : undefined,
        }),
        (error: unknown): Attempt => ({ api, status: 0, retryAfter: null, failed: String(error) }),
      );
      attempts.push(attempt);
      if (
        attempt.status === 201 ||
        (attempt.status >= 400 && attempt.status < 500 && attempt.status !== 409) ||
        Date.now() > Math.min(deadline, stopBy)
      )
        return attempts;
      // Sooner than Retry-After says: the test wants to see answers during the outage, not only after it.
      await sleep(200);
    }
  }

  const processLog = () =>
    apis.map((api, index) => `--- API ${index + 1} (exit ${api.child.exitCode}):\n${api.output.join('').slice(-4_000)}`).join('\n');

  async function readiness(api: BuiltApi): Promise<{ status: number; database?: { status: string; reason?: string } }> {
    const answer = await callApi<ErrorBody & { checks?: { database: { status: string } } }>(api.url, '/health/ready').catch((error: unknown) => {
      throw new Error(`No answer from ${api.url} (${String(error)}):\n${processLog()}`);
    });
    return { status: answer.status, database: answer.body.checks?.database ?? answer.body.error?.context?.checks?.database };
  }

  it('keeps both processes up, answers 503 DATABASE_UNAVAILABLE meanwhile, recovers by itself and sends nothing twice', async () => {
    // Every Twilio request takes a while, so sends are mid-flight (pair locks held, journal rows in_flight) when the server stops.
    await controls.setFaults({
      latencyMs: 300,
      endpoints: [{ method: 'POST', path: '/proxy/v1/Services/*/Sessions', latencyMs: SESSION_CREATE_MS }],
    });
    await controls.clearRequests();
    const deadline = Date.now() + 40_000;
    const traffic = Promise.all(SENDS.map((send, index) => sendUntilAnswered(send, index, deadline)));
    const sessionCreates = async () =>
      (await controls.requests()).requests.filter((request) => request.endpoint === 'POST /proxy/v1/Services/:ServiceSid/Sessions').length;
    await until(async () => ((await sessionCreates()) >= 3 ? true : undefined), 'Proxy Session creates in flight');

    throwawayPostgres('pause', cluster!.dir);
    const stoppedAt = Date.now();
    const down = await Promise.all(
      apis.map((api) =>
        until(async () => ((await readiness(api)).status === 503 ? readiness(api) : undefined), 'readiness to report the database down'),
      ),
    );
    await sleep(Math.max(0, stoppedAt + OUTAGE_MS - Date.now()));
    throwawayPostgres('resume', cluster!.dir);
    await Promise.all(
      apis.map((api) => until(async () => ((await readiness(api)).status === 200 ? true : undefined), 'readiness to come back by itself', 20_000)),
    );

    const perSend = await traffic;
    const answers = perSend.flat();
    await controls.clearFaults();
    // After recovery, sends succeed from both processes.
    const after = await Promise.all(
      apis.map((_, index) =>
        sendUntilAnswered({ customer: `+14155569${index}00`, key: `after-restart-${index}`, body: 'Back again' }, index, Date.now() + 20_000),
      ),
    );
    // Recovery settles what the outage interrupted, without a process restart.
    const inFlight = await until(
      async () => {
        const { body } = await callApi<{ total: number }>(apis[0].url, '/api/v1/outbound?status=in_flight');
        return body.total === 0 ? 0 : undefined;
      },
      'recovery to settle the requests the outage interrupted',
      20_000,
    ).catch(() => -1);
    const failure = processLog();

    expect({ exits: apis.map((api) => api.child.exitCode), failure }).toEqual({ exits: [null, null], failure });
    expect(down.map((answer) => answer.database)).toEqual([
      { status: 'down', reason: expect.any(String) },
      { status: 'down', reason: expect.any(String) },
    ]);
    // Never a 500 nor a dropped connection: 201, 503 DATABASE_UNAVAILABLE (Retry-After), or 409 while a previous
    // attempt with the key is still in flight (Retry-After).
    const unexpected = answers.filter(
      (answer) =>
        !(
          answer.status === 201 ||
          (answer.status === 503 && answer.code === 'DATABASE_UNAVAILABLE') ||
          (answer.status === 409 && answer.code === 'IDEMPOTENCY_KEY_IN_USE')
        ),
    );
    expect(unexpected).toEqual([]);
    expect(answers.filter((answer) => answer.status !== 201 && !answer.retryAfter)).toEqual([]);
    expect(answers.some((answer) => answer.code === 'DATABASE_UNAVAILABLE')).toBe(true);
    expect(after.map((attempts) => attempts.at(-1)?.status)).toEqual([201, 201]);
    expect(inFlight).toBe(0);

    // Every send answered 201 in the end, with one execution per Idempotency-Key (every 201 of a key names one
    // request), and the journal holds each answered request as succeeded.
    const answeredIds = perSend.map((attempts) => [...new Set(attempts.filter((attempt) => attempt.status === 201).map((attempt) => attempt.id))]);
    expect(answeredIds.map((ids) => ids.length)).toEqual(SENDS.map(() => 1));
    const journaled = await Promise.all(
      answeredIds.map(async ([id]) => (await callApi<{ status: string }>(apis[1].url, `/api/v1/outbound/${id}`)).body.status),
    );
    expect(journaled).toEqual(SENDS.map(() => 'succeeded'));

    // Twilio holds one conversation per customer, each SMS once, nothing orphaned.
    const { chatServiceSid, proxyServiceSid } = sandbox.account;
    const [channels, sessions] = await Promise.all([
      client.chat.v2.services(chatServiceSid).channels.list({ limit: 1000 }),
      client.proxy.v1.services(proxyServiceSid).sessions.list({ limit: 1000 }),
    ]);
    const liveSessions = sessions.filter((session) => session.status !== 'closed');
    const channelsOf = (customer: string) => channels.filter((channel) => channel.friendlyName === `SMS ${customer}`).map((channel) => channel.sid);
    expect(CUSTOMERS.map((customer) => channelsOf(customer).length)).toEqual(CUSTOMERS.map(() => 1));
    expect(CUSTOMERS.map((customer) => liveSessions.filter((session) => session.uniqueName === channelsOf(customer)[0]).length)).toEqual(
      CUSTOMERS.map(() => 1),
    );
    const channelSids = new Set(channels.map((channel) => channel.sid));
    expect(liveSessions.filter((session) => !channelSids.has(session.uniqueName)).map((session) => session.sid)).toEqual([]);
    expect(channels.filter((channel) => !liveSessions.some((session) => session.uniqueName === channel.sid)).map((channel) => channel.sid)).toEqual(
      [],
    );
    const received = await Promise.all(CUSTOMERS.map(async (customer) => (await controls.handsetThread(customer)).map((sms) => sms.body).sort()));
    expect(received).toEqual(
      CUSTOMERS.map((customer) =>
        SENDS.filter((send) => send.customer === customer)
          .map((send) => send.body)
          .sort(),
      ),
    );
  }, 120_000);
});
