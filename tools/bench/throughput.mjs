// Fire-and-forget sends per second against a Twilio account that allows 100 requests in flight (429 beyond) and
// answers each in 50 ms, in each database configuration the API ships with: the embedded database (the default,
// inside the API process) and a PostgreSQL server (DATABASE_URL, as docker-compose.yml deploys it), with one API
// process and with two sharing the server; and the same in Flex Conversations mode (OUTBOUND_MODE=conversations).
// For each: the database calls a send makes, CPU time of every process (API, database server, sandbox, this
// driver), memory, and a CPU profile of the API saying where its time per send goes.
import { summariseCpuProfile } from './lib/cpu-profile.mjs';
import { customerNumbers, DEMO_NUMBERS } from './lib/customers.mjs';
import { startThrowawayPostgres } from './lib/postgres.mjs';
import {
  cpuBetween,
  cpuSnapshot,
  DATABASE_CALLS_NODE_ARGS,
  peakRssMiB,
  PROFILER_NODE_ARGS,
  rssMiB,
  withCpuProfile,
  withDatabaseCalls,
} from './lib/processes.mjs';
import { peakInFlight, statusCounts } from './lib/request-log.mjs';
import { runBounded } from './lib/stats.mjs';
import { startStack } from './lib/stack.mjs';
import { TWILIO_LATENCY_MS } from './latency.mjs';

export const CONCURRENCY_CAP = 100;
/**
 * A send has at most 2 Twilio requests in flight at once (session ∥ channel fetch, then attribute write ∥ message),
 * so 50 sends at once stay within the cap of 100: more would only buy 429s and the API's Retry-After waits.
 */
export const CLIENT_CONCURRENCY = 50;
/** Sequential sends before the measured run whose database calls are counted one send at a time. */
const SEQUENTIAL_COUNTED = 20;

/** Env of the API in Flex Conversations mode: every number carries its conversations that way. */
export const CONVERSATIONS_ENV = { OUTBOUND_MODE: 'conversations' };

export const CONFIGURATIONS = [
  { id: 'embedded', database: 'embedded', instances: 1, mode: 'legacy' },
  { id: 'postgres', database: 'postgres', instances: 1, mode: 'legacy' },
  { id: 'postgres-x2', database: 'postgres', instances: 2, mode: 'legacy' },
  { id: 'conversations-embedded', database: 'embedded', instances: 1, mode: 'conversations' },
  { id: 'conversations-postgres', database: 'postgres', instances: 1, mode: 'conversations' },
];

/** `criticalPaths`: the fire-and-forget flow's, per mode ({ legacy, conversations }), from the requests scenario. */
export async function measureThroughput({ logDir, build, sends, criticalPaths, profileSends }) {
  const configurations = [];
  for (const configuration of CONFIGURATIONS) {
    console.log(`  ${configuration.id}…`);
    const criticalPath = criticalPaths[configuration.mode];
    configurations.push({ ...(await measureConfiguration({ configuration, logDir, build, sends, profileSends })), criticalPath });
  }
  return { sends, profileSends, clientConcurrency: CLIENT_CONCURRENCY, cap: CONCURRENCY_CAP, latencyMs: TWILIO_LATENCY_MS, configurations };
}

/** One configuration on fresh processes. */
export async function measureConfiguration({ configuration, logDir, build, sends, profileSends }) {
  const postgres = configuration.database === 'postgres' ? startThrowawayPostgres() : undefined;
  if (postgres?.unavailable) return { ...configuration, unavailable: postgres.unavailable };
  try {
    // DATABASE_LOCK_CONNECTIONS sized to the driver's 50 concurrent sends, as apps/api/README.md advises (each send
    // in flight holds one lock connection; the default, 40, would cap the run below the client's concurrency).
    const apiEnv = {
      BENCH_CPU_PROFILE_DIR: logDir,
      ...(postgres ? { DATABASE_URL: postgres.url, DATABASE_LOCK_CONNECTIONS: '64' } : {}),
      ...(configuration.mode === 'conversations' ? CONVERSATIONS_ENV : {}),
    };
    const apiNodeArgs = [...PROFILER_NODE_ARGS, ...DATABASE_CALLS_NODE_ARGS];
    const stack = await startStack({
      logDir,
      apiEnv,
      apiNodeArgs,
      instances: configuration.instances,
      apiScript: build.script,
      embeddedNodeArgs: build.embeddedNodeArgs,
    });
    try {
      return { ...configuration, databaseVersion: postgres?.version, ...(await measureStack(stack, postgres, { sends, profileSends })) };
    } finally {
      await stack.stop();
    }
  } finally {
    postgres?.stop();
  }
}

async function measureStack(stack, postgres, { sends, profileSends }) {
  const nextCustomer = customerNumbers(3);
  let turn = 0;
  // Round robin over the API processes, as a load balancer in front of them would.
  const send = () =>
    stack.clients[turn++ % stack.clients.length].initiate('message', {
      fromNumber: DEMO_NUMBERS[0],
      toName: 'Ada Lovelace',
      toNumber: nextCustomer(),
      messageBody: 'Your order has shipped.',
    });
  await stack.controls.setFaults({ latencyMs: TWILIO_LATENCY_MS, concurrencyLimit: CONCURRENCY_CAP });
  for (const _ of stack.apis) await expectCreated(send()); // fills each process's Flex Flow cache
  // What one send asks of the database on its own (one process: the counts are that process's).
  const sequential = await withDatabaseCalls(stack.api.child, async () => {
    for (let i = 0; i < SEQUENTIAL_COUNTED; i++)
      await expectCreated(
        stack.client.initiate('message', {
          fromNumber: DEMO_NUMBERS[0],
          toName: 'Ada Lovelace',
          toNumber: nextCustomer(),
          messageBody: 'Your order has shipped.',
        }),
      );
  });
  await stack.controls.clearRequests();
  const apiRestingRssMiB = stack.apis.map((api) => rssMiB(api.pid));
  const databaseRestingPssMiB = postgres?.pssMiB();

  for (const client of stack.clients) await eventLoopDelay(client); // from here on
  const cpuBefore = cpuSnapshot(stack, postgres);
  const outcomes = {};
  const started = performance.now();
  const underLoad = await withDatabaseCalls(stack.api.child, () =>
    runBounded(sends, CLIENT_CONCURRENCY, async () => {
      const response = await send();
      const key = response.status === 201 ? '201' : `${response.status} ${response.body?.error?.code ?? response.error?.code ?? ''}`.trim();
      outcomes[key] = (outcomes[key] ?? 0) + 1;
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuBetween(cpuBefore, cpuSnapshot(stack, postgres));
  const eventLoop = [];
  for (const client of stack.clients) eventLoop.push(await eventLoopDelay(client));
  const apiPeakRssMiB = stack.apis.map((api) => peakRssMiB(api.pid));
  const databasePssMiB = postgres?.pssMiB();
  const { requests } = await stack.controls.requests();

  // Then, apart from the measured run (the profiler costs CPU of its own), where one process's CPU per send goes.
  const profile = stack.apis.length === 1 ? await profileSending(stack, send, profileSends) : undefined;

  const succeeded = outcomes['201'] ?? 0;
  return {
    seconds,
    succeeded,
    failed: sends - succeeded,
    outcomes,
    ratePerSecond: succeeded / seconds,
    twilioRequests: requests.length,
    requestsPerSend: requests.length / sends,
    twilioStatuses: statusCounts(requests),
    peakInFlight: peakInFlight(requests),
    // Requests in flight on average (Little's law over the request log: total time in flight ÷ the run's length).
    averageInFlight: requests.reduce((sum, request) => sum + ((request.finishedAt ?? request.startedAt) - request.startedAt), 0) / (seconds * 1000),
    databaseCalls: {
      sequential: perSend(sequential.calls, SEQUENTIAL_COUNTED),
      underLoad: perSend(underLoad.calls, stack.apis.length === 1 ? sends : sends / stack.apis.length),
    },
    cpu,
    eventLoop,
    apiRestingRssMiB,
    apiPeakRssMiB,
    databaseRestingPssMiB,
    databasePssMiB,
    profile,
  };
}

/**
 * The two bounds a configuration's rate is held to, and the one that binds: what the account's concurrency cap lets
 * through when each of a send's requests holds a slot for the Twilio latency, and what the client's sends in flight
 * allow when each takes its critical path's latency.
 */
export function boundsOf(run, { cap, clientConcurrency, latencyMs }) {
  const capBound = cap / ((run.requestsPerSend * latencyMs) / 1000);
  const clientBound = clientConcurrency / ((run.criticalPath * latencyMs) / 1000);
  return { capBound, clientBound, bound: Math.min(capBound, clientBound), binding: capBound <= clientBound ? 'cap' : 'client' };
}

async function profileSending(stack, send, sends) {
  const { profileFile } = await withCpuProfile(stack.api.child, () => runBounded(sends, CLIENT_CONCURRENCY, send));
  return { sends, file: profileFile, ...summariseCpuProfile(profileFile, { top: 12 }) };
}

async function expectCreated(sending) {
  const response = await sending;
  if (response.status !== 201) throw new Error(`a send answered ${response.status}: ${JSON.stringify(response.body ?? response.error?.message)}`);
}

function perSend(calls, sends) {
  return Object.fromEntries(Object.entries(calls).map(([category, count]) => [category, count / sends]));
}

/** prom-client samples the event loop every 10 ms (its default eventLoopMonitoringPrecision); each sample includes that interval. */
const EVENT_LOOP_SAMPLING_MS = 10;

/**
 * How long a callback ready to run waited for the API's event loop since the previous read, in ms (mean and
 * percentiles): the API's own nodejs_eventloop_lag_* metrics, whose histogram prom-client resets at every scrape.
 */
async function eventLoopDelay(client) {
  const { status, body } = await client.get('/metrics');
  if (status !== 200 || typeof body !== 'string') throw new Error(`GET /metrics answered ${status}`);
  const delay = (name) => {
    const seconds = Number(new RegExp(`^nodejs_eventloop_lag_${name}_seconds (\\S+)$`, 'm').exec(body)?.[1]);
    return Math.max(0, seconds * 1000 - EVENT_LOOP_SAMPLING_MS);
  };
  return { mean: delay('mean'), p50: delay('p50'), p90: delay('p90'), p99: delay('p99'), max: delay('max') };
}
