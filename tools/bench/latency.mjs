// Response time of POST /api/v1/outbound/* with 50 ms injected per Twilio request, next to the bound it cannot beat:
// its critical path × 50 ms. Calls are sequential (one at a time), each for a new customer, on the embedded database,
// in legacy mode and in Flex Conversations mode; the database calls each makes are counted too.
import { customerNumbers, DEMO_NUMBERS } from './lib/customers.mjs';
import { DATABASE_CALLS_NODE_ARGS, withDatabaseCalls } from './lib/processes.mjs';
import { percentile } from './lib/stats.mjs';
import { startStack } from './lib/stack.mjs';

export const TWILIO_LATENCY_MS = 50;

const FLOWS = [
  { name: 'task', label: 'POST /api/v1/outbound/task', body: {} },
  { name: 'message', label: 'POST /api/v1/outbound/message', body: { messageBody: 'Your order has shipped.' } },
];

export const MODES = [
  { mode: 'legacy', env: {} },
  { mode: 'conversations', env: { OUTBOUND_MODE: 'conversations' } },
];

/** `criticalPaths`: sequential Twilio requests per mode and flow, as measured by the requests-per-initiate scenario. */
export async function measureLatency({ logDir, build, callsPerFlow, criticalPaths }) {
  const rows = [];
  for (const { mode, env } of MODES) {
    const stack = await startStack({
      logDir,
      apiEnv: env,
      apiNodeArgs: DATABASE_CALLS_NODE_ARGS,
      apiScript: build.script,
      embeddedNodeArgs: build.embeddedNodeArgs,
    });
    try {
      await stack.controls.setFaults({ latencyMs: TWILIO_LATENCY_MS });
      const nextCustomer = customerNumbers(mode === 'legacy' ? 2 : 4);
      for (const flow of FLOWS) {
        // The first call fills the Flex Flow cache (one listing); steady state is what is measured.
        await call(stack, flow, nextCustomer());
        const times = [];
        // Work after the answer (the agent flow's follow-up) is counted with the calls it overlaps.
        const { calls } = await withDatabaseCalls(stack.api.child, async () => {
          for (let i = 0; i < callsPerFlow; i++) times.push(await call(stack, flow, nextCustomer()));
        });
        const criticalPath = criticalPaths[mode][flow.name];
        const boundMs = criticalPath * TWILIO_LATENCY_MS;
        const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(times, p));
        rows.push({
          mode,
          flow: flow.name,
          route: flow.label,
          calls: times.length,
          criticalPath,
          boundMs,
          p50,
          p95,
          p99,
          ratioP50: p50 / boundMs,
          ratioP95: p95 / boundMs,
          ratioP99: p99 / boundMs,
          databaseCallsPerSend: Object.fromEntries(Object.entries(calls).map(([category, count]) => [category, count / times.length])),
        });
      }
    } finally {
      await stack.stop();
    }
  }
  return { latencyMs: TWILIO_LATENCY_MS, rows };
}

async function call(stack, flow, toNumber) {
  const response = await stack.client.initiate(flow.name, { fromNumber: DEMO_NUMBERS[0], toName: 'Ada Lovelace', toNumber, ...flow.body });
  if (response.status !== 201) throw new Error(`${flow.label} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.ms;
}
