// Proxy session clean-up: 5,000 closed sessions (what an account accumulates), through POST
// /api/v1/cleanup/proxy-sessions and its job, at the same cap and latency as the throughput run.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cpuSeconds, mainThreadCpuSeconds, sleep } from './lib/processes.mjs';
import { peakInFlight, statusCounts } from './lib/request-log.mjs';
import { startStack } from './lib/stack.mjs';
import { TWILIO_LATENCY_MS } from './latency.mjs';
import { CONCURRENCY_CAP } from './throughput.mjs';

const POLL_MS = 250;
const JOB_TIMEOUT_MS = 10 * 60_000;

/** The product's default CLEANUP_CONCURRENCY, read from the build being measured (once it is built). */
function defaultCleanupConcurrency(build) {
  return createRequire(import.meta.url)(join(build.root, 'apps/api/dist/config/app-config.js')).DEFAULT_CLEANUP_CONCURRENCY;
}
/** The other setting measured: the most CLEANUP_CONCURRENCY allows, what a one-off purge in a quiet hour would use. */
export const HIGH_CLEANUP_CONCURRENCY = 50;

/** The same clean-up at the default concurrency and at a high one. */
export async function measureCleanup({ logDir, build, sessions }) {
  const defaultConcurrency = defaultCleanupConcurrency(build);
  const runs = [];
  for (const concurrency of [defaultConcurrency, HIGH_CLEANUP_CONCURRENCY]) {
    console.log(`  CLEANUP_CONCURRENCY=${concurrency}${concurrency === defaultConcurrency ? ' (default)' : ''}…`);
    // The default run leaves the variable unset: it measures the product as shipped.
    runs.push(
      await measureCleanupAt({
        logDir,
        build,
        sessions,
        concurrency,
        apiEnv: concurrency === defaultConcurrency ? {} : { CLEANUP_CONCURRENCY: String(concurrency) },
      }),
    );
  }
  return { sessions, defaultConcurrency, runs };
}

async function measureCleanupAt({ logDir, build, sessions, concurrency, apiEnv }) {
  const stack = await startStack({ logDir, apiEnv, apiScript: build.script, embeddedNodeArgs: build.embeddedNodeArgs });
  try {
    await stack.controls.seedProxySessions({ count: sessions, status: 'closed' });
    await stack.controls.setFaults({ latencyMs: TWILIO_LATENCY_MS, concurrencyLimit: CONCURRENCY_CAP });
    await stack.controls.clearRequests();
    const cpuBefore = { api: cpuSeconds(stack.api.pid), apiMainThread: mainThreadCpuSeconds(stack.api.pid), sandbox: cpuSeconds(stack.sandbox.pid) };

    const started = performance.now();
    const accepted = await stack.client.post('/api/v1/cleanup/proxy-sessions', { statuses: ['closed'] });
    if (accepted.status !== 202) throw new Error(`clean-up answered ${accepted.status}: ${JSON.stringify(accepted.body)}`);
    const job = await waitForJob(stack.client, accepted.body.id);
    const seconds = (performance.now() - started) / 1000;

    const { requests } = await stack.controls.requests();
    const listing = requests.filter((request) => request.method === 'GET' && request.endpoint.endsWith('/Sessions')).length;
    const perSession = (requests.length - listing) / sessions;
    const remaining = await stack.twilio.proxy.v1
      .services(stack.sandbox.account.proxyServiceSid)
      .sessions.list({ limit: sessions + 10, pageSize: 1000 });
    return {
      concurrency,
      sessions,
      seconds,
      status: job.status,
      counts: { done: job.progress.done, failed: job.progress.failed, skipped: job.progress.skipped },
      ratePerSecond: job.progress.done / seconds,
      remainingSessions: remaining.length,
      twilioRequests: requests.length,
      listingRequests: listing,
      requestsPerSession: perSession,
      // Each session's requests run one after another (close if live, mark channel, delete: the handler awaits each).
      boundPerSecond: CONCURRENCY_CAP / ((perSession * TWILIO_LATENCY_MS) / 1000),
      // What the job's own concurrency allows: that many sessions at once, each taking its requests' latency.
      concurrencyBoundPerSecond: Math.min(concurrency, CONCURRENCY_CAP) / ((perSession * TWILIO_LATENCY_MS) / 1000),
      twilioStatuses: statusCounts(requests),
      endpoints: endpointCounts(requests),
      peakInFlight: peakInFlight(requests),
      cpu: {
        api: cpuSeconds(stack.api.pid) - cpuBefore.api,
        apiMainThread: mainThreadCpuSeconds(stack.api.pid) - cpuBefore.apiMainThread,
        sandbox: cpuSeconds(stack.sandbox.pid) - cpuBefore.sandbox,
      },
    };
  } finally {
    await stack.stop();
  }
}

function endpointCounts(requests) {
  const counts = {};
  for (const request of requests) counts[request.endpoint] = (counts[request.endpoint] ?? 0) + 1;
  return counts;
}

async function waitForJob(client, jobId) {
  const deadline = Date.now() + JOB_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const job = await client.get(`/api/v1/cleanup/jobs/${jobId}`);
    if (job.status === 200 && ['completed', 'cancelled', 'failed'].includes(job.body.status)) return job.body;
    await sleep(POLL_MS);
  }
  throw new Error(`clean-up job ${jobId} not finished within ${JOB_TIMEOUT_MS / 1000} s`);
}
