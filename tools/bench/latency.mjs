// Response time of POST /api/v1/outbound/* with 50 ms injected per Twilio request, next to the bound it cannot beat:
// its critical path × 50 ms. Calls are sequential (one at a time), each for a new customer.
import { customerNumbers, DEMO_NUMBERS } from './lib/customers.mjs';
import { percentile } from './lib/stats.mjs';
import { startStack } from './lib/stack.mjs';

export const TWILIO_LATENCY_MS = 50;

const FLOWS = [
  { name: 'task', label: 'POST /api/v1/outbound/task', body: {} },
  { name: 'message', label: 'POST /api/v1/outbound/message', body: { messageBody: 'Your order has shipped.' } },
];

/** `criticalPaths`: sequential Twilio requests per flow, as measured by the requests-per-initiate scenario. */
export async function measureLatency({ logDir, callsPerFlow, criticalPaths }) {
  const stack = await startStack({ logDir });
  try {
    await stack.controls.setFaults({ latencyMs: TWILIO_LATENCY_MS });
    const nextCustomer = customerNumbers(2);
    const rows = [];
    for (const flow of FLOWS) {
      // The first call fills the Flex Flow cache (one listing); steady state is what is measured.
      await call(stack, flow, nextCustomer());
      const times = [];
      for (let i = 0; i < callsPerFlow; i++) times.push(await call(stack, flow, nextCustomer()));
      const boundMs = criticalPaths[flow.name] * TWILIO_LATENCY_MS;
      const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(times, p));
      rows.push({ route: flow.label, calls: times.length, criticalPath: criticalPaths[flow.name], boundMs, p50, p95, p99, ratioP50: p50 / boundMs, ratioP95: p95 / boundMs, ratioP99: p99 / boundMs });
    }
    return { latencyMs: TWILIO_LATENCY_MS, rows };
  } finally {
    await stack.stop();
  }
}

async function call(stack, flow, toNumber) {
  const response = await stack.client.initiate(flow.name, { fromNumber: DEMO_NUMBERS[0], toName: 'Ada Lovelace', toNumber, ...flow.body });
  if (response.status !== 201) throw new Error(`${flow.label} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.ms;
}
