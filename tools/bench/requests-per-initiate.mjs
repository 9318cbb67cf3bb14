// Twilio requests per initiate, in total and on the critical path, for the API and for the original Functions'
// pattern, while the account grows from 10 to 10,000 Proxy sessions (50 extra Flex Flows throughout).
import { baselineInitiate } from './baseline.mjs';
import { customerNumbers, DEMO_NUMBERS } from './lib/customers.mjs';
import { criticalPath } from './lib/request-log.mjs';
import { sleep } from './lib/processes.mjs';
import { startStack } from './lib/stack.mjs';
import { CONVERSATIONS_ENV } from './throughput.mjs';

/** Enough to make parallel requests visibly overlap in the log, small enough to keep the 10,000-session listing short. */
const LATENCY_MS = 20;
const EXTRA_FLEX_FLOWS = 50;
const FOLLOW_UP_WAIT_MS = 10_000;

const FLOWS = [
  { name: 'task', label: 'Agent flow (task, no initial message)', body: () => ({}) },
  { name: 'task', label: 'Agent flow (task + initial message)', body: () => ({ initialMessage: 'Hi, this is Grace from Acme.' }) },
  { name: 'message', label: 'Fire-and-forget (message)', body: () => ({ messageBody: 'Your order has shipped.' }) },
];

export async function measureRequestsPerInitiate({ logDir, build, sizes, samples }) {
  const stack = await startStack({ logDir, apiScript: build.script, embeddedNodeArgs: build.embeddedNodeArgs });
  try {
    const nextCustomer = customerNumbers(1);
    await stack.controls.seedFlexFlows({ count: EXTRA_FLEX_FLOWS });
    await stack.controls.setFaults({ latencyMs: LATENCY_MS });
    const coldStart = await measureColdStart(stack, nextCustomer);
    const rows = [];
    let seeded = 0;
    for (const size of sizes) {
      await stack.controls.seedProxySessions({ count: size - seeded });
      seeded = size;
      for (const flow of FLOWS) {
        const api = [];
        for (let i = 0; i < samples; i++) api.push(await measureApiInitiate(stack, flow, nextCustomer()));
        const baseline = await measureBaseline(stack, flow, nextCustomer());
        rows.push({ size, flow: flow.label, api: summarize(api), baseline });
      }
    }
    const conversations = await measureConversations({ logDir, build, samples });
    return { latencyMs: LATENCY_MS, extraFlexFlows: EXTRA_FLEX_FLOWS, samples, coldStart, rows, conversations };
  } finally {
    await stack.stop();
  }
}

/**
 * The same flows in Flex Conversations mode (OUTBOUND_MODE=conversations): Interactions and Conversations, no Proxy
 * sessions, so the account's size in sessions does not matter; one row per flow.
 */
async function measureConversations({ logDir, build, samples }) {
  const stack = await startStack({ logDir, apiEnv: CONVERSATIONS_ENV, apiScript: build.script, embeddedNodeArgs: build.embeddedNodeArgs });
  try {
    const nextCustomer = customerNumbers(5);
    await stack.controls.setFaults({ latencyMs: LATENCY_MS });
    const coldStart = await measureColdStart(stack, nextCustomer);
    const rows = [];
    for (const flow of FLOWS) {
      const api = [];
      for (let i = 0; i < samples; i++) api.push(await measureApiInitiate(stack, flow, nextCustomer()));
      rows.push({ flow: flow.label, api: summarize(api) });
    }
    return { coldStart, rows };
  } finally {
    await stack.stop();
  }
}

/** The first request of each flow after start: the Flex Flow cache is empty, so it lists the Flex Flows once. */
async function measureColdStart(stack, nextCustomer) {
  const results = {};
  for (const flow of [FLOWS[0], FLOWS[2]]) results[flow.name] = await measureApiInitiate(stack, flow, nextCustomer());
  return results;
}

async function measureApiInitiate(stack, flow, toNumber) {
  await stack.controls.clearRequests();
  const response = await stack.client.initiate(flow.name, { fromNumber: DEMO_NUMBERS[0], toName: 'Ada Lovelace', toNumber, ...flow.body() });
  if (response.status !== 201) throw new Error(`initiate ${flow.name} answered ${response.status}: ${JSON.stringify(response.body)}`);
  const deferred = response.body.pendingSteps ?? [];
  if (deferred.length > 0) await waitForFollowUps(stack.client, response.body.id);
  const { requests } = await stack.controls.requests();
  // The deferred channel-attribute write (fetch + update of the channel itself) runs after the answer: it is
  // counted in the total but not on the response's critical path.
  const isFollowUp = (request) => deferred.includes('channel-attributes') && request.endpoint.endsWith('/Channels/:Sid');
  const onPath = requests.filter((request) => !isFollowUp(request));
  return {
    total: requests.length,
    afterAnswer: requests.length - onPath.length,
    critical: criticalPath(onPath),
    endpoints: requests.map((r) => r.endpoint),
  };
}

async function waitForFollowUps(client, requestId) {
  const deadline = Date.now() + FOLLOW_UP_WAIT_MS;
  while (Date.now() < deadline) {
    const entry = await client.get(`/api/v1/outbound/${requestId}`);
    if (entry.status === 200 && (entry.body.pendingSteps ?? []).every((step) => step.status !== 'pending')) return;
    await sleep(20);
  }
  throw new Error(`follow-up work of ${requestId} still pending after ${FOLLOW_UP_WAIT_MS} ms`);
}

async function measureBaseline(stack, flow, toNumber) {
  await stack.controls.clearRequests();
  const started = performance.now();
  await baselineInitiate(stack.twilio, stack.sandbox.account, {
    flow: flow.name,
    fromNumber: DEMO_NUMBERS[1],
    toNumber,
    toName: 'Ada Lovelace',
    messageBody: 'Your order has shipped.',
  });
  const ms = performance.now() - started;
  const { requests } = await stack.controls.requests();
  return { total: requests.length, critical: criticalPath(requests), ms };
}

/** The samples should agree; the worst one is reported, with the range when they do not. */
function summarize(samples) {
  const totals = samples.map((s) => s.total);
  const criticals = samples.map((s) => s.critical);
  return {
    total: Math.max(...totals),
    totalMin: Math.min(...totals),
    critical: Math.max(...criticals),
    criticalMin: Math.min(...criticals),
    afterAnswer: Math.max(...samples.map((s) => s.afterAnswer)),
    endpoints: samples[0].endpoints,
  };
}
