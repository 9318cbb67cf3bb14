// Response time of POST /api/v1/outbound/* with 50 ms injected per Twilio request, next to the bound it cannot beat:
// its critical path × 50 ms. Calls are sequential (one at a time), each for a new customer, on the embedded database,
// in legacy mode and in Flex Conversations mode; the database calls each makes are counted too.
import { customerNumbers, DEMO_NUMBERS } from './lib/customers.mjs';
import { DATABASE_CALLS_NODE_ARGS, cpuBetween, cpuSnapshot, withDatabaseCalls } from './lib/processes.mjs';
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
        const answered = [];
        await stack.controls.clearRequests();
        const cpuBefore = cpuSnapshot(stack);
        // Work after the answer (the agent flow's follow-up) is counted with the calls it overlaps.
        const { calls } = await withDatabaseCalls(stack.api.child, async () => {
          for (let i = 0; i < callsPerFlow; i++) answered.push(await call(stack, flow, nextCustomer()));
        });
        const cpu = cpuBetween(cpuBefore, cpuSnapshot(stack));
        const { requests } = await stack.controls.requests();
        const times = answered.map((answer) => answer.ms);
        const criticalPath = criticalPaths[mode][flow.name];
        const boundMs = criticalPath * TWILIO_LATENCY_MS;
        const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(times, p));
        const twilioMs = answered.map((answer) => twilioBusyMs(answer, requests));
        const withoutLatency = await callsWithoutLatency(stack, flow, nextCustomer, callsPerFlow);
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
          // Where the time beyond the bound went, per call: while none of its Twilio requests was in flight at the sandbox
          // (the API's own work between and around them, and the hops to and from it), and the sandbox's time beyond the
          // latency it injects (its own processing and timer lateness), from its request log.
          outsideTwilioP50: percentile(
            answered.map((answer, index) => answer.ms - twilioMs[index]),
            50,
          ),
          twilioP50: percentile(twilioMs, 50),
          apiMainThreadCpuMsPerCall: (cpu.apiMainThreads[0] * 1000) / times.length,
          sandboxCpuMsPerCall: (cpu.sandbox * 1000) / times.length,
          withoutLatency,
          databaseCallsPerSend: Object.fromEntries(Object.entries(calls).map(([category, count]) => [category, count / times.length])),
        });
      }
    } finally {
      await stack.stop();
    }
  }
  return { latencyMs: TWILIO_LATENCY_MS, rows };
}

/**
 * The same calls with no latency injected: nothing to wait for, so the processes never idle between a call's steps.
 * What the API's main thread spends per call here against the run with latency shows how much of that CPU is the
 * code's and how much the idling (the latency is set back after).
 */
async function callsWithoutLatency(stack, flow, nextCustomer, count) {
  await stack.controls.setFaults({ latencyMs: 0 });
  try {
    const times = [];
    const before = cpuSnapshot(stack);
    for (let i = 0; i < count; i++) times.push((await call(stack, flow, nextCustomer())).ms);
    const cpu = cpuBetween(before, cpuSnapshot(stack));
    return {
      calls: count,
      p50: percentile(times, 50),
      apiMainThreadCpuMsPerCall: (cpu.apiMainThreads[0] * 1000) / count,
      sandboxCpuMsPerCall: (cpu.sandbox * 1000) / count,
    };
  } finally {
    await stack.controls.setFaults({ latencyMs: TWILIO_LATENCY_MS });
  }
}

/** The call's time on the same clock as the sandbox's request log (epoch ms, sub-millisecond), and the SIDs its answer names. */
async function call(stack, flow, toNumber) {
  const startedAt = performance.timeOrigin + performance.now();
  const response = await stack.client.initiate(flow.name, { fromNumber: DEMO_NUMBERS[0], toName: 'Ada Lovelace', toNumber, ...flow.body });
  if (response.status !== 201) throw new Error(`${flow.label} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return { ms: response.ms, startedAt, finishedAt: startedAt + response.ms, sids: new Set(JSON.stringify(response.body).match(CHANNEL_SID) ?? []) };
}

/** A Programmable Chat channel's or a conversation's SID (both CH…), as request paths and answers carry them. */
const CHANNEL_SID = /CH[0-9a-f]{32}/g;

/**
 * How long, within the call, at least one of its Twilio requests was in flight at the sandbox: the union of their
 * intervals. A request started during the call that names a channel the call's answer does not is the previous call's
 * follow-up (the agent flow's, after its answer), overlapping this one: not this call's.
 */
function twilioBusyMs(answer, requests) {
  const own = requests
    .filter((request) => request.startedAt >= answer.startedAt && request.startedAt < answer.finishedAt)
    .filter((request) => (request.path.match(CHANNEL_SID) ?? []).every((sid) => answer.sids.has(sid)))
    .map((request) => [request.startedAt, Math.min(request.finishedAt ?? answer.finishedAt, answer.finishedAt)])
    .sort((a, b) => a[0] - b[0]);
  let busy = 0;
  let reached = -Infinity;
  for (const [start, end] of own) {
    if (end <= reached) continue;
    busy += end - Math.max(start, reached);
    reached = end;
  }
  return busy;
}
