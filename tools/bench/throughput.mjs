// Fire-and-forget sends per second against a Twilio account that allows 100 requests in flight (429 beyond) and
// answers each in 50 ms, in each database configuration the API ships with: the embedded SQLite (the default, the
// database inside the API process) and a PostgreSQL server (DATABASE_URL, as docker-compose.yml deploys it), with
// one API process and with two sharing the server. For each: CPU time of every process (API, database server,
// sandbox, this driver), memory, and a CPU profile of the API saying where its time per send goes.
import { summariseCpuProfile } from './lib/cpu-profile.mjs';
import { customerNumbers, DEMO_NUMBERS } from './lib/customers.mjs';
import { startThrowawayPostgres } from './lib/postgres.mjs';
import { cpuSeconds, machineCpuSeconds, mainThreadCpuSeconds, peakRssMiB, PROFILER_NODE_ARGS, rssMiB, withCpuProfile } from './lib/processes.mjs';
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

export const CONFIGURATIONS = [
  { id: 'sqlite', name: 'SQLite (embedded), 1 API process', database: 'sqlite', instances: 1 },
  { id: 'postgres', name: 'PostgreSQL server, 1 API process', database: 'postgres', instances: 1 },
  { id: 'postgres-x2', name: 'PostgreSQL server, 2 API processes', database: 'postgres', instances: 2 },
];

export async function measureThroughput({ logDir, sends, criticalPath, profileSends }) {
  const configurations = [];
  for (const configuration of CONFIGURATIONS) {
    console.log(`  ${configuration.name}…`);
    configurations.push(await measureConfiguration({ configuration, logDir, sends, profileSends }));
  }
  return {
    sends,
    profileSends,
    clientConcurrency: CLIENT_CONCURRENCY,
    cap: CONCURRENCY_CAP,
    latencyMs: TWILIO_LATENCY_MS,
    criticalPath,
    // The bound as set for the product: the cap, each send holding one slot for its critical path.
    boundPerSecond: CONCURRENCY_CAP / ((criticalPath * TWILIO_LATENCY_MS) / 1000),
    // What the client concurrency allows at the critical path's latency.
    clientBoundPerSecond: CLIENT_CONCURRENCY / ((criticalPath * TWILIO_LATENCY_MS) / 1000),
    configurations,
  };
}

/** One configuration on fresh processes; `apiScript`: another build of the API (see embedded-store.mjs). */
export async function measureConfiguration({ configuration, logDir, sends, profileSends, apiScript }) {
  const postgres = configuration.database === 'postgres' ? startThrowawayPostgres() : undefined;
  if (postgres?.unavailable) return { ...configuration, unavailable: postgres.unavailable };
  try {
    // DATABASE_LOCK_CONNECTIONS sized to the driver's 50 concurrent sends, as apps/api/README.md advises (each send
    // in flight holds one lock connection; the default, 40, would cap the run below the client's concurrency).
    const apiEnv = { BENCH_CPU_PROFILE_DIR: logDir, ...(postgres ? { DATABASE_URL: postgres.url, DATABASE_LOCK_CONNECTIONS: '64' } : {}) };
    const stack = await startStack({ logDir, apiEnv, apiNodeArgs: PROFILER_NODE_ARGS, instances: configuration.instances, apiScript });
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
  const send = () => stack.clients[turn++ % stack.clients.length].initiate('message', { fromNumber: DEMO_NUMBERS[0], toName: 'Ada Lovelace', toNumber: nextCustomer(), messageBody: 'Your order has shipped.' });
  await stack.controls.setFaults({ latencyMs: TWILIO_LATENCY_MS, concurrencyLimit: CONCURRENCY_CAP });
  for (const _ of stack.apis) await send(); // fills each process's Flex Flow cache
  await stack.controls.clearRequests();
  const apiRestingRssMiB = stack.apis.map((api) => rssMiB(api.pid));
  const databaseRestingPssMiB = postgres?.pssMiB();

  const cpuBefore = cpuOf(stack, postgres);
  const outcomes = {};
  const started = performance.now();
  await runBounded(sends, CLIENT_CONCURRENCY, async () => {
    const response = await send();
    const key = response.status === 201 ? '201' : `${response.status} ${response.body?.error?.code ?? response.error?.code ?? ''}`.trim();
    outcomes[key] = (outcomes[key] ?? 0) + 1;
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = diffCpu(cpuBefore, cpuOf(stack, postgres));
  const apiPeakRssMiB = stack.apis.map((api) => peakRssMiB(api.pid));
  const databasePssMiB = postgres?.pssMiB();
  const { requests } = await stack.controls.requests();

  // Then, apart from the measured run (the profiler costs CPU of its own), where one process's CPU per send goes.
  const profile = stack.apis.length === 1 ? await profileSending(stack, send, profileSends) : undefined;

  const succeeded = outcomes['201'] ?? 0;
  const requestsPerSend = requests.length / sends;
  return {
    seconds,
    succeeded,
    failed: sends - succeeded,
    outcomes,
    ratePerSecond: succeeded / seconds,
    // The tighter bound from request-time: every request a send makes holds a slot for 50 ms.
    slotBoundPerSecond: CONCURRENCY_CAP / ((requestsPerSend * TWILIO_LATENCY_MS) / 1000),
    twilioRequests: requests.length,
    requestsPerSend,
    twilioStatuses: statusCounts(requests),
    peakInFlight: peakInFlight(requests),
    cpu,
    apiRestingRssMiB,
    apiPeakRssMiB,
    databaseRestingPssMiB,
    databasePssMiB,
    profile,
  };
}

async function profileSending(stack, send, sends) {
  const { profileFile } = await withCpuProfile(stack.api.child, () => runBounded(sends, CLIENT_CONCURRENCY, send));
  return { sends, file: profileFile, ...summariseCpuProfile(profileFile, { top: 12 }) };
}

function cpuOf(stack, postgres) {
  const usage = process.cpuUsage();
  return {
    api: sum(stack.apis.map((api) => cpuSeconds(api.pid))),
    // The busiest main thread: Node runs all of a process's JavaScript there, so it sets one process's ceiling.
    apiMainThreads: stack.apis.map((api) => mainThreadCpuSeconds(api.pid)),
    database: postgres ? postgres.cpuSeconds() : 0,
    sandbox: cpuSeconds(stack.sandbox.pid),
    driver: (usage.user + usage.system) / 1e6,
    machine: machineCpuSeconds(),
  };
}

function diffCpu(before, after) {
  return Object.fromEntries(
    Object.keys(before).map((name) => [name, Array.isArray(before[name]) ? after[name].map((value, index) => value - before[name][index]) : after[name] - before[name]]),
  );
}

function sum(values) {
  return values.reduce((total, value) => total + value, 0);
}
