// `npm run chaos [-- --requests N]`: mixed initiates against a faulty Twilio (10% 5xx, 5% 429, 2% dropped
// connections; of its delivery callbacks 20% dropped, 10% duplicated, all reordered) while the API is SIGKILLed once
// mid-run and restarted on the same DATA_DIR; some handsets never get their SMS (30007, 30003) and some customers
// text STOP mid-run and are sent to again. Then the invariants (tools/chaos/invariants.mjs) are checked against the
// sandbox's state and the journal, once the API's reconciliation has settled every delivery. Exits 1 if any breaks.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../bench/lib/paths.mjs';
import { killHard, sleep, tempDir } from '../bench/lib/processes.mjs';
import { runBounded } from '../bench/lib/stats.mjs';
import { startStack } from '../bench/lib/stack.mjs';
import { checkChaosCampaign, startChaosCampaign } from './campaign.mjs';
import { checkInvariants, readDeliveryTruth, readJournal, readTwilioState } from './invariants.mjs';
import { handsetFates, planRequests, planStops, sendWithRetries, textStop } from './traffic.mjs';

/** What happens to the delivery callbacks the sandbox sends, during the traffic and until deliveries settle. */
const CALLBACK_FAULTS = { callbackDropRate: 0.2, callbackDuplicateRate: 0.1, callbackReorderMs: 300 };
const FAULTS = { errorRate: 0.1, rateLimitRate: 0.05, dropRate: 0.02, ...CALLBACK_FAULTS };
/** Where in the run customers text STOP, and how many (at least two, about one in a hundred requests). */
const STOP_AT_SHARE = 0.2;
/** The API's reconciliation, short so that what no callback told is read back within the run. */
const RECONCILE = { DELIVERY_RECONCILE_AFTER_MS: '2000', DELIVERY_RECONCILE_EVERY_MS: '1000' };
const CLIENT_CONCURRENCY = 12;
/** Where in the run the API is killed: after this share of the requests has started, with others in flight. */
const KILL_AT_SHARE = 0.4;
/** Short, so start-up recovery (which waits this long after an interrupted request) settles within the run. */
const TWILIO_REQUEST_TIMEOUT_MS = 5_000;
const SETTLE_TIMEOUT_MS = 90_000;
const DELIVERY_SETTLE_TIMEOUT_MS = 60_000;
const INVARIANT_GROUPS = ['duplicates', 'orphans', 'terminal', 'answers', 'delivery', 'consent'];

const requests = Number(argValue('--requests') ?? 1_000);
const seed = Number(argValue('--seed') ?? 1);

// `--no-build`: use the dist already there (e.g. while another change leaves the build broken).
if (!process.argv.includes('--no-build')) {
  execFileSync(process.execPath, [join(root, 'tools/scripts/ensure-built.mjs'), '@flex-sms/api', '@flex-sms/twilio-sandbox'], {
    stdio: 'inherit',
    cwd: root,
  });
}
const logDir = tempDir('flex-sms-chaos-logs-');
console.log(`› Chaos: ${requests} requests, seed ${seed}, faults ${JSON.stringify(FAULTS)}; process logs in ${logDir}`);
const stack = await startStack({
  logDir,
  apiEnv: { TWILIO_REQUEST_TIMEOUT_MS: String(TWILIO_REQUEST_TIMEOUT_MS), ...RECONCILE },
  // The API registers its webhook routes with the sandbox, so the delivery callbacks (and a customer's STOP) reach it.
  publicBaseUrl: true,
});
let exitCode = 1;
try {
  exitCode = await chaos(stack);
} catch (error) {
  console.error(error);
} finally {
  await stack.stop();
}
process.exit(exitCode);

async function chaos(stack) {
  const before = await snapshotBefore(stack);
  const campaign = await startChaosCampaign(stack.client);
  const plan = planRequests(requests, seed);
  for (const { number, fate } of handsetFates(plan)) await stack.controls.setHandsetFate(number, fate);
  await stack.controls.setFaults(FAULTS);
  const started = performance.now();
  const { outcomes, stops } = await runTrafficWithOneCrash(stack, plan);
  const trafficSeconds = (performance.now() - started) / 1000;
  // What the STOPs opened (the number's Flex Flow takes a customer's first text) is not the run's sends' to account for.
  for (const { created } of stops) {
    if (created.sessionSid) before.sessionSids.add(created.sessionSid);
    if (created.taskSid) before.taskSids.add(created.taskSid);
  }

  // Recovery and follow-ups run against a healthy Twilio: the question is whether they converge, not how long an outage
  // lasts. Its delivery callbacks stay faulty: what they lose, reconciliation must read back.
  await stack.controls.setFaults(CALLBACK_FAULTS);
  // The campaign first: its sends must be over before the sandbox and the journal are read.
  const campaignVerdict = await checkChaosCampaign(() => stack.client, stack.controls, campaign);
  const settleSeconds = await waitUntilSettled(stack.client);
  const deliverySeconds = await waitUntilDeliveriesSettled(stack);
  await stack.controls.clearFaults();
  const journal = await readJournal(stack.client);
  const twilio = await readTwilioState(stack.twilio, stack.sandbox.account);
  const deliveryTruth = await readDeliveryTruth(stack.twilio, stack.sandbox.account, journal);
  const verdict = checkInvariants({ before, twilio, journal, outcomes, deliveryTruth, stops });
  printReport({ plan, outcomes, journal, twilio, verdict, trafficSeconds, settleSeconds, deliverySeconds, deliveryTruth, stops });
  if (broken(verdict).length > 0) printEvidence(verdict, journal, outcomes);
  console.log(campaignVerdict.lines.join('\n'));
  if (campaignVerdict.broken.length > 0) console.log(`VERDICT (campaign): BROKEN — ${campaignVerdict.broken.join(', ')}`);
  return broken(verdict).length === 0 && campaignVerdict.broken.length === 0 ? 0 : 1;
}

async function snapshotBefore(stack) {
  const { proxyServiceSid, workspaceSid } = stack.sandbox.account;
  const [sessions, tasks] = await Promise.all([
    stack.twilio.proxy.v1.services(proxyServiceSid).sessions.list({ pageSize: 1000 }),
    stack.twilio.taskrouter.v1.workspaces(workspaceSid).tasks.list({ pageSize: 1000 }),
  ]);
  return { sessionSids: new Set(sessions.map((s) => s.sid)), taskSids: new Set(tasks.map((t) => t.sid)) };
}

/**
 * Sends the plan with bounded concurrency; once KILL_AT_SHARE of it has started, SIGKILLs the API and restarts it.
 * Once STOP_AT_SHARE has started, the STOP customers text STOP; their later requests wait until the API has it.
 */
async function runTrafficWithOneCrash(stack, plan) {
  const outcomes = [];
  let crash = null;
  let stopping = null;
  const killAt = Math.max(1, Math.floor(plan.length * KILL_AT_SHARE));
  const stopAt = Math.floor(plan.length * STOP_AT_SHARE);
  const stops = planStops(plan, stopAt, Math.max(2, Math.floor(plan.length / 100)));
  const stopCustomers = new Set(stops.map((stop) => stop.customer));
  await runBounded(plan.length, CLIENT_CONCURRENCY, async (index) => {
    if (index === stopAt) stopping = Promise.all(stops.map((stop) => textStop(stack.controls, () => stack.client, stop)));
    if (index === killAt) crash = crashAndRestart(stack);
    if (crash && index > killAt) await crash.restarted;
    if (stopCustomers.has(plan[index].body.toNumber)) await stopping;
    const outcome = await sendWithRetries(() => stack.client, plan[index]);
    outcomes.push({ ...outcome, succeededIds: succeededIds(outcome) });
  });
  await crash?.restarted;
  return { outcomes, stops: (await stopping) ?? [] };
}

/** The kill lands while other workers' requests are in flight; new requests wait for the restart (callers would retry). */
function crashAndRestart(stack) {
  const restarted = (async () => {
    await sleep(50);
    const pid = stack.api.pid;
    await killHard(stack.api.child);
    console.log(`  SIGKILLed the API (pid ${pid}) mid-run`);
    await sleep(500);
    const api = await stack.restartApi();
    console.log(`  restarted the API (pid ${api.pid}) on the same port and DATA_DIR`);
  })();
  return { restarted };
}

function succeededIds(outcome) {
  return outcome.final.status === 201 && outcome.final.body?.id ? [outcome.final.body.id] : [];
}

/** Until no journal entry is in flight and no follow-up is pending (start-up recovery waits out the Twilio timeout first). */
async function waitUntilSettled(client) {
  const started = performance.now();
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const inFlight = await client.get('/api/v1/outbound?status=in_flight&pageSize=1');
    if (inFlight.status === 200 && inFlight.body.total === 0) {
      const journal = await readJournal(client);
      if (journal.every((entry) => (entry.pendingSteps ?? []).every((step) => step.status !== 'pending'))) break;
    }
    await sleep(500);
  }
  return (performance.now() - started) / 1000;
}

/**
 * Until every sent message's delivery is final in the journal (callbacks, then reconciliation every second for what
 * they lost), or the time is up: the invariants then say what did not converge.
 */
async function waitUntilDeliveriesSettled(stack) {
  const started = performance.now();
  const deadline = Date.now() + DELIVERY_SETTLE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const pages = await Promise.all(
      ['accepted', 'queued', 'sent'].map((status) => stack.client.get(`/api/v1/outbound?status=succeeded&delivery=${status}&pageSize=1`)),
    );
    if (pages.every((page) => page.status === 200 && page.body.total === 0)) break;
    await sleep(1_000);
  }
  return (performance.now() - started) / 1000;
}

function printReport({ plan, outcomes, journal, twilio, verdict, trafficSeconds, settleSeconds, deliverySeconds, deliveryTruth, stops }) {
  const finals = tally(
    outcomes.map((o) => (o.final.status === 201 ? '201' : `${o.final.status} ${o.final.body?.error?.code ?? o.final.error?.code ?? ''}`.trim())),
  );
  const succeeded = outcomes.filter((o) => o.final.status === 201).length;
  const firstTry = outcomes.filter((o) => o.attempts.length === 1 && o.final.status === 201).length;
  const retried = outcomes.filter((o) => o.attempts.length > 1).length;
  const replayed = outcomes.filter((o) => o.final.headers?.['idempotent-replayed'] === 'true').length;
  const lines = [
    '',
    `Chaos run: ${plan.length} requests (${plan.filter((p) => p.flow === 'task').length} task, ${plan.filter((p) => p.flow === 'message').length} message; ` +
      `${plan.filter((p) => p.resend).length} re-sent Idempotency-Keys), one SIGKILL + restart; traffic ${trafficSeconds.toFixed(1)} s, recovery settled in ${settleSeconds.toFixed(1)} s`,
    `  Success after client retries: ${succeeded}/${outcomes.length} = ${((succeeded / outcomes.length) * 100).toFixed(1)}% (first try ${firstTry}; ${retried} needed retries; ${replayed} answered from the idempotency store)`,
    `  Final answers: ${Object.entries(finals)
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')}`,
    `  Client gave up (retries exhausted): ${outcomes.filter((o) => o.gaveUp).length}${
      outcomes.some((o) => o.gaveUp)
        ? ` — e.g. ${outcomes
            .filter((o) => o.gaveUp)
            .slice(0, 3)
            .map((o) => `${o.request.idempotencyKey}: ${o.attempts.join(' → ')}`)
            .join('; ')}`
        : ''
    }`,
    `  Journal: ${Object.entries(tally(journal.map((e) => e.status)))
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')} (${journal.length} requests ran)`,
    `  Twilio state: ${twilio.channels.length} channels, ${twilio.sessions.length} sessions, ${twilio.tasks.length} tasks, ${twilio.messages.length} messages`,
    `  Delivery (Twilio's truth, ${deliveryTruth.size} messages, settled ${deliverySeconds.toFixed(1)} s after recovery): ${Object.entries(
      tally([...deliveryTruth.values()]),
    )
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')}`,
    `  STOPs texted mid-run: ${stops.length} (${stops.filter((stop) => stop.heard).length} reached the API); requests refused RECIPIENT_OPTED_OUT: ${
      journal.filter((entry) => entry.error?.code === 'RECIPIENT_OPTED_OUT').length
    }`,
    `  Undo records that failed (recorded leftovers): ${verdict.recordedLeftovers.length}`,
    `  Interrupted before the journal heard of their channel, found by its unique name and undone: ${journal.filter(channelFoundByUniqueName).length}`,
    '',
    ...invariantLines(verdict),
    '',
    broken(verdict).length === 0 ? 'VERDICT: every invariant holds' : `VERDICT: BROKEN — ${broken(verdict).join(', ')}`,
  ];
  console.log(lines.join('\n'));
}

/** For each violation, the journal entries and client outcomes that name the same SIDs: where a diagnosis starts. */
function printEvidence(verdict, journal, outcomes) {
  const violations = INVARIANT_GROUPS.flatMap((group) => Object.values(verdict[group]).flat());
  const sids = new Set(violations.flatMap((violation) => violation.match(/\b(?:CH|KC|WT|IM|req_)[0-9a-f]+|\+14157\d{6}/g) ?? []));
  console.log('\nEvidence (journal entries and client outcomes naming the SIDs above):');
  for (const entry of journal) {
    const text = JSON.stringify(entry);
    if ([...sids].some((sid) => text.includes(sid))) console.log(`  journal ${text}`);
  }
  for (const outcome of outcomes) {
    const text = JSON.stringify({
      key: outcome.request.idempotencyKey,
      flow: outcome.request.flow,
      body: outcome.request.body,
      attempts: outcome.attempts,
      final: outcome.final.body,
    });
    if ([...sids].some((sid) => text.includes(sid))) console.log(`  client ${text}`);
  }
}

function invariantLines(verdict) {
  const groups = Object.fromEntries(INVARIANT_GROUPS.map((group) => [group, verdict[group]]));
  return Object.entries(groups).flatMap(([group, checks]) =>
    Object.entries(checks).map(
      ([name, violations]) =>
        `  ${violations.length === 0 ? 'ok  ' : 'FAIL'} ${group}.${name}: ${violations.length}${violations.length ? ` — ${violations.slice(0, 5).join('; ')}` : ''}`,
    ),
  );
}

function broken(verdict) {
  const groups = Object.fromEntries(INVARIANT_GROUPS.map((group) => [group, verdict[group]]));
  return Object.entries(groups).flatMap(([group, checks]) =>
    Object.entries(checks)
      .filter(([, v]) => v.length > 0)
      .map(([name]) => `${group}.${name}`),
  );
}

function tally(values) {
  const counts = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

function argValue(name) {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** Recovery undid a channel the request never journaled (ResolveInFlight's look-up by flexChannelUniqueName). */
function channelFoundByUniqueName(entry) {
  const journaled = entry.steps.some((step) => step.name === 'channel' && step.outcome !== 'failed');
  return !journaled && (entry.undone ?? []).some((undone) => undone.action === 'remove-channel' && undone.ok);
}
