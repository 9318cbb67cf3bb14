// Fire-and-forget sends per second against a Twilio account that allows 100 requests in flight (429 beyond) and
// answers each in 50 ms, with the CPU time of each process (API, sandbox, this driver) to show where the time goes
// on a small machine, and the API's peak memory.
import { customerNumbers, DEMO_NUMBERS } from './lib/customers.mjs';
import { cpuSeconds, mainThreadCpuSeconds, peakRssMiB, rssMiB } from './lib/processes.mjs';
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

export async function measureThroughput({ logDir, sends, criticalPath }) {
  const stack = await startStack({ logDir });
  try {
    const nextCustomer = customerNumbers(3);
    await stack.controls.setFaults({ latencyMs: TWILIO_LATENCY_MS, concurrencyLimit: CONCURRENCY_CAP });
    await send(stack, nextCustomer()); // fills the Flex Flow cache
    await stack.controls.clearRequests();
    const apiRestingRssMiB = rssMiB(stack.api.pid);

    const cpuBefore = cpuOf(stack);
    const outcomes = {};
    const started = performance.now();
    await runBounded(sends, CLIENT_CONCURRENCY, async () => {
      const response = await send(stack, nextCustomer());
      const key = response.status === 201 ? '201' : `${response.status} ${response.body?.error?.code ?? response.error?.code ?? ''}`.trim();
      outcomes[key] = (outcomes[key] ?? 0) + 1;
    });
    const seconds = (performance.now() - started) / 1000;
    const cpu = diffCpu(cpuBefore, cpuOf(stack));
    const apiPeakRssMiB = peakRssMiB(stack.api.pid);
    const { requests } = await stack.controls.requests();

    const succeeded = outcomes['201'] ?? 0;
    const ratePerSecond = succeeded / seconds;
    const requestsPerSend = requests.length / sends;
    return {
      sends,
      clientConcurrency: CLIENT_CONCURRENCY,
      cap: CONCURRENCY_CAP,
      latencyMs: TWILIO_LATENCY_MS,
      seconds,
      succeeded,
      failed: sends - succeeded,
      outcomes,
      ratePerSecond,
      // The bound as set for the product: the cap, each send holding one slot for its critical path.
      boundPerSecond: CONCURRENCY_CAP / ((criticalPath * TWILIO_LATENCY_MS) / 1000),
      // The tighter bound from request-time: every request a send makes holds a slot for 50 ms.
      slotBoundPerSecond: CONCURRENCY_CAP / ((requestsPerSend * TWILIO_LATENCY_MS) / 1000),
      // What the client concurrency allows at the critical path's latency.
      clientBoundPerSecond: CLIENT_CONCURRENCY / ((criticalPath * TWILIO_LATENCY_MS) / 1000),
      twilioRequests: requests.length,
      requestsPerSend,
      twilioStatuses: statusCounts(requests),
      peakInFlight: peakInFlight(requests),
      cpu,
      apiRestingRssMiB,
      apiPeakRssMiB,
    };
  } finally {
    await stack.stop();
  }
}

function send(stack, toNumber) {
  return stack.client.initiate('message', { fromNumber: DEMO_NUMBERS[0], toName: 'Ada Lovelace', toNumber, messageBody: 'Your order has shipped.' });
}

function cpuOf(stack) {
  const usage = process.cpuUsage();
  return {
    api: cpuSeconds(stack.api.pid),
    apiMainThread: mainThreadCpuSeconds(stack.api.pid),
    sandbox: cpuSeconds(stack.sandbox.pid),
    driver: (usage.user + usage.system) / 1e6,
  };
}

function diffCpu(before, after) {
  return Object.fromEntries(Object.keys(before).map((name) => [name, after[name] - before[name]]));
}
