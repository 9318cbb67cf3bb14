// Campaigns (issue 15): a campaign over 4 sender numbers paced at 20 messages/s each, against the sandbox with 50 ms
// per Twilio request, on one API process (embedded database), and on 2 API processes sharing a throwaway PostgreSQL
// with one SIGKILLed halfway; then the API's peak memory while a large CSV streams into a campaign creation (dry run)
// beside a small one. The rate comes from the sandbox (its request log and its Message records), duplicates and
// losses from the sandbox's handsets and the campaign's recipients: nothing is taken from the API's own counts alone.
import { writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { customerNumbers, DEMO_NUMBERS } from './lib/customers.mjs';
import { startThrowawayPostgres } from './lib/postgres.mjs';
import { cpuBetween, cpuSnapshot, killHard, peakRssMiB, rssMiB, sleep } from './lib/processes.mjs';
import { startStack } from './lib/stack.mjs';
import { TWILIO_LATENCY_MS } from './latency.mjs';

export const PACING_PER_SECOND = 20;
/** Two numbers the demo account has, two bought at the start of each run (buyNumbers) as one would on Twilio. */
export const CAMPAIGN_SENDERS = [...DEMO_NUMBERS, '+15550100104', '+15550100105'];
const CHAT_MESSAGE_CREATE = 'POST /chat/v2/Services/:ServiceSid/Channels/:ChannelSid/Messages';
/** The ramp-up and the tail (the last recipients of one sender while others are done) are not the steady part. */
const STEADY_FROM = 0.1;
const STEADY_TO = 0.9;
const POLL_MS = 1_000;
/** The request log keeps its last 50,000 entries: read well before that many are written (5 per send). */
const REQUEST_LOG_READ_MS = 20_000;
const CAMPAIGN_TIMEOUT_MS = 30 * 60_000;
/**
 * After the survivors have nothing pending, how long `sending` recipients may stay unchanged before they are called
 * stuck: the dead process's sends in flight wait for crash recovery, which waits the Twilio request timeout (30 s by
 * default) after their last activity, then for the next housekeeping round (5 s).
 */
const STUCK_AFTER_MS = 60_000;
const RECIPIENT_PAGE = 1000;

export async function measureCampaigns({ logDir, build, recipients, csvRows }) {
  console.log(`  1 API process, embedded database, ${recipients.toLocaleString('en')} recipients…`);
  const single = await measureRun({ logDir, build, recipients, instances: 1 });
  console.log(`  2 API processes on PostgreSQL, one SIGKILLed halfway…`);
  const killed = await measureRun({ logDir, build, recipients, instances: 2, killHalfway: true });
  const csv = [];
  // Three sizes: a small file for reference, and the large one twice over (200,000 rows is the API's limit), so
  // "flat" is read where it matters, as what more rows add once the process has warmed up to streaming them.
  for (const rows of [1_000, csvRows, 2 * csvRows]) {
    console.log(`  CSV of ${rows.toLocaleString('en')} rows streamed into a dry run…`);
    csv.push(await measureCsvMemory({ logDir, build, rows }));
  }
  return { recipients, senders: CAMPAIGN_SENDERS, pacingPerSecond: PACING_PER_SECOND, latencyMs: TWILIO_LATENCY_MS, runs: [single, killed], csv };
}

async function measureRun({ logDir, build, recipients, instances, killHalfway = false }) {
  const postgres = instances > 1 ? startThrowawayPostgres() : undefined;
  const id = instances > 1 ? 'postgres-x2-kill' : 'embedded';
  if (postgres?.unavailable) return { id, instances, unavailable: postgres.unavailable };
  try {
    const stack = await startStack({
      logDir,
      apiEnv: postgres ? { DATABASE_URL: postgres.url } : {},
      instances,
      apiScript: build.script,
      embeddedNodeArgs: build.embeddedNodeArgs,
    });
    try {
      await buyNumbers(stack);
      await stack.controls.setFaults({ latencyMs: TWILIO_LATENCY_MS });
      await stack.controls.clearRequests();
      const numbers = Array.from({ length: recipients }, customerNumbers(instances > 1 ? 5 : 4));
      const log = new RequestLogReader(stack.controls);
      // The survivor is the one the driver asks: the killed one is the first, which restartApi brings back.
      const client = () => stack.clients.at(-1);
      const created = await postCsv(stack.apis.at(-1), campaignQuery(`bench ${id}`), csvOf(numbers));
      if (created.status !== 201) throw new Error(`campaign creation answered ${created.status}: ${created.text.slice(0, 500)}`);
      const campaignId = created.body.id;
      const started = performance.now();
      const cpuAtStart = cpuSnapshot(stack, postgres);
      let kill;
      let campaign;
      const deadline = Date.now() + CAMPAIGN_TIMEOUT_MS;
      for (;;) {
        campaign = await getJson(client(), `/api/v1/campaigns/${campaignId}`);
        const settled = campaign.counts.sent + campaign.counts.failed + campaign.counts.cancelled;
        if (killHalfway && !kill && settled >= recipients / 2) kill = await killFirst(stack, postgres, campaign, started, cpuAtStart);
        if (['completed', 'cancelled', 'stopped'].includes(campaign.status) || Date.now() > deadline) break;
        if (kill && campaign.counts.pending === 0 && stuckFor(kill, campaign) >= STUCK_AFTER_MS) break;
        await log.readIfDue();
        await sleep(POLL_MS);
      }
      const seconds = (performance.now() - started) / 1000;
      const survivors = kill ? stack.apis.slice(1) : stack.apis;
      const cpuAtEnd = cpuSnapshot(stack, postgres, survivors);
      if (kill) {
        kill.finishedAfterKillSeconds = seconds - kill.atSeconds;
        kill.cpuAfter = { seconds: kill.finishedAfterKillSeconds, ...cpuBetween(kill.cpuAtKill, cpuAtEnd) };
        delete kill.cpuAtKill;
      }
      // What the survivors could not settle: claims of the dead process whose sends are in flight in the journal.
      const stuck = kill ? await readRecipients(client(), campaignId).then((rows) => rows.filter((row) => row.state === 'sending')) : [];
      if (kill) kill.stuckBeforeRestart = stuck.length;
      if (kill && stuck.length > 0) {
        // Crash recovery (ResolveInFlight) runs when a process starts: bring the killed one back and let it settle them.
        const restartedAt = performance.now();
        await stack.restartApi();
        campaign = await waitFor(client(), campaignId, (view) => view.counts.sending === 0 && view.counts.pending === 0);
        kill.restarted = true;
        kill.settledAfterRestartSeconds = (performance.now() - restartedAt) / 1000;
      }
      await log.read();
      return {
        id,
        instances,
        database: postgres ? 'postgres' : 'embedded',
        databaseVersion: postgres?.version,
        seconds,
        status: campaign.status,
        counts: campaign.counts,
        kill,
        // Where the CPU went: over the whole run (one process), or up to the kill (kill.cpuBefore) and after it.
        cpu: kill ? undefined : { seconds, ...cpuBetween(cpuAtStart, cpuAtEnd) },
        concurrencyPerInstance: campaignConcurrency(build),
        ...(await verdictOf({ stack, client: client(), campaignId, numbers, log, killedAt: kill?.atEpochMs })),
      };
    } finally {
      await stack.stop();
    }
  } finally {
    postgres?.stop();
  }
}

/** The campaign runner's send loops per API process, read from the build being measured. */
function campaignConcurrency(build) {
  return createRequire(import.meta.url)(join(build.root, 'apps/api/dist/campaigns/campaigns.tokens.js')).DEFAULT_CAMPAIGN_OPTIONS.concurrency;
}

/**
 * The two numbers the demo account lacks, bought and set up for sending through Twilio's own APIs: the number
 * (IncomingPhoneNumbers), in the Proxy service's pool, with an enabled SMS Studio Flex Flow (what the API looks up).
 */
async function buyNumbers(stack) {
  const { chatServiceSid, proxyServiceSid, studioFlowSid } = stack.sandbox.account;
  for (const phoneNumber of CAMPAIGN_SENDERS.filter((number) => !stack.sandbox.account.numbers.includes(number))) {
    const number = await stack.twilio.incomingPhoneNumbers.create({ phoneNumber });
    await stack.twilio.proxy.v1.services(proxyServiceSid).phoneNumbers.create({ sid: number.sid });
    await stack.twilio.flexApi.v1.flexFlow.create({
      friendlyName: `Flex Messaging Channel Flow ${phoneNumber}`,
      chatServiceSid,
      channelType: 'sms',
      contactIdentity: phoneNumber,
      enabled: true,
      integrationType: 'studio',
      'integration.flowSid': studioFlowSid,
    });
  }
}

/**
 * SIGKILLs the first API process (no shutdown hooks, its sends cut mid-flight); the others carry on. The CPU every
 * process used up to the kill is read just before it (a dead process's /proc is gone).
 */
async function killFirst(stack, postgres, campaign, started, cpuAtStart) {
  const pid = stack.api.pid;
  const atSeconds = (performance.now() - started) / 1000;
  const cpuBefore = { seconds: atSeconds, ...cpuBetween(cpuAtStart, cpuSnapshot(stack, postgres)) };
  await killHard(stack.api.child);
  const cpuAtKill = cpuSnapshot(stack, postgres, stack.apis.slice(1));
  console.log(`    SIGKILLed API pid ${pid} at ${campaign.counts.sent} sent; the other carries on`);
  return {
    atSeconds,
    atEpochMs: Date.now(),
    cpuBefore,
    cpuAtKill,
    sentAtKill: campaign.counts.sent,
    sendingAtKill: campaign.counts.sending,
    restarted: false,
    lastSending: { count: -1, since: Date.now() },
  };
}

function stuckFor(kill, campaign) {
  if (campaign.counts.sending !== kill.lastSending.count) kill.lastSending = { count: campaign.counts.sending, since: Date.now() };
  return campaign.counts.sending === 0 ? Infinity : Date.now() - kill.lastSending.since;
}

/**
 * The invariants from the sandbox's side: every recipient in a final state, each `sent` one with exactly one message
 * on its handset, none with two; and the rate of message creates per sender over the steady part.
 */
async function verdictOf({ stack, client, campaignId, numbers, log, killedAt }) {
  const rows = await readRecipients(client, campaignId);
  const handsets = new Map((await stack.controls.handsets()).map((handset) => [handset.number, handset.received]));
  const received = (number) => handsets.get(number) ?? 0;
  const notFinal = rows.filter((row) => row.state === 'pending' || row.state === 'sending');
  const duplicates = numbers.filter((number) => received(number) > 1);
  const sentWithoutOne = rows.filter((row) => row.state === 'sent' && received(row.toNumber) !== 1);
  const failedButTexted = rows.filter((row) => row.state === 'failed' && received(row.toNumber) > 0);
  const messages = await stack.twilio.messages.list({ pageSize: 1000 });
  const outbound = messages.filter((message) => message.direction !== 'inbound' && CAMPAIGN_SENDERS.includes(message.from));
  return {
    recipientsListed: rows.length,
    states: tally(rows.map((row) => row.state)),
    duplicates: duplicates.length,
    lost: notFinal.length + sentWithoutOne.length,
    notFinal: notFinal.length,
    sentWithoutOneMessage: sentWithoutOne.length,
    failedButTexted: failedButTexted.length,
    messagesInSandbox: outbound.length,
    rate: rateOf(log, outbound, killedAt),
  };
}

/**
 * Achieved rate over the steady part (STEADY_FROM to STEADY_TO of the messages, by time): all senders together from
 * the request log's message creates (sub-millisecond times), and per sender from the sandbox's Message records (their
 * `date_created` has whole seconds: messages counted in the whole seconds of the steady part).
 */
function rateOf(log, outbound, killedAt) {
  const times = log
    .messageCreates()
    .map((request) => request.startedAt)
    .sort((a, b) => a - b);
  const from = times[Math.floor(times.length * STEADY_FROM)];
  const to = times[Math.floor(times.length * STEADY_TO) - 1];
  const steady = times.filter((time) => time >= from && time <= to);
  const allSenders = steady.length > 1 ? ((steady.length - 1) * 1000) / (to - from) : NaN;
  const perSender = {};
  for (const sender of CAMPAIGN_SENDERS) {
    const seconds = outbound
      .filter((message) => message.from === sender)
      .map((message) => Math.floor(message.dateCreated.getTime() / 1000))
      .sort((a, b) => a - b);
    if (seconds.length === 0) {
      perSender[sender] = { messages: 0, perSecond: 0 };
      continue;
    }
    const first = seconds[Math.floor(seconds.length * STEADY_FROM)];
    const last = seconds[Math.floor(seconds.length * STEADY_TO) - 1];
    // Whole seconds strictly inside [first, last]: the two edge seconds are partly outside the steady part.
    const inside = seconds.filter((second) => second > first && second < last).length;
    perSender[sender] = { messages: seconds.length, perSecond: last - first > 1 ? inside / (last - first - 1) : NaN };
  }
  // Around a kill: all senders together before it, and after it once the survivor had 5 s to take the work over.
  const between = (start, end) => {
    const inside = times.filter((time) => time >= start && time <= end);
    return inside.length > 1 ? ((inside.length - 1) * 1000) / (inside.at(-1) - inside[0]) : NaN;
  };
  const aroundKill = killedAt ? { before: between(from, killedAt), after: between(killedAt + 5_000, to) } : undefined;
  return {
    allSenders,
    allSendersPerSender: allSenders / CAMPAIGN_SENDERS.length,
    steadySeconds: (to - from) / 1000,
    perSender,
    aroundKill,
    ...log.load(from, to),
  };
}

/**
 * The API's memory while a CSV of `rows` rows streams into `POST /api/v1/campaigns` (dry run: the report, nothing
 * sent), on a fresh process whose peak (VmHWM) is reset just before the upload, so start-up's own peak is not counted.
 */
async function measureCsvMemory({ logDir, build, rows }) {
  const stack = await startStack({ logDir, apiScript: build.script, embeddedNodeArgs: build.embeddedNodeArgs });
  try {
    await buyNumbers(stack);
    const pid = stack.api.pid;
    const restingRssMiB = rssMiB(pid);
    const peakReset = resetPeakRss(pid);
    let sampledPeak = restingRssMiB;
    const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, rssMiB(pid))), 50);
    const started = performance.now();
    const nextCustomer = customerNumbers(6);
    const created = await postCsv(stack.api, { ...campaignQuery(`bench csv ${rows}`), dryRun: 'true' }, csvRowsOf(rows, nextCustomer));
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    if (created.status !== 201) throw new Error(`CSV campaign creation answered ${created.status}: ${created.text.slice(0, 500)}`);
    return {
      rows,
      seconds,
      bytes: created.bytes,
      restingRssMiB,
      peakRssMiB: peakRssMiB(pid),
      peakReset,
      sampledPeakRssMiB: sampledPeak,
      toSend: created.body.report.toSend,
      status: created.body.status,
    };
  } finally {
    await stack.stop();
  }
}

/** Linux: writing 5 to clear_refs resets VmHWM to the current RSS (proc(5)). False when the kernel refuses. */
function resetPeakRss(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

function campaignQuery(name) {
  return {
    name,
    body: 'Hi {{name}}, your appointment is on {{date}}. Reply to reschedule.',
    senders: CAMPAIGN_SENDERS.join(','),
    pacingPerSecond: String(PACING_PER_SECOND),
    // No quiet hours: the bench must not depend on the time of day it runs at.
    sendFrom: '00:00',
    sendUntil: '00:00',
  };
}

function csvOf(numbers) {
  return (function* () {
    yield 'number,name,date\n';
    for (let index = 0; index < numbers.length; index += 500)
      yield numbers
        .slice(index, index + 500)
        .map((number, offset) => `${number},Customer ${index + offset},March 3\n`)
        .join('');
  })();
}

function csvRowsOf(rows, nextCustomer) {
  return (function* () {
    yield 'number,name,date\n';
    for (let index = 0; index < rows; index += 500) {
      let chunk = '';
      for (let offset = index; offset < Math.min(rows, index + 500); offset++) chunk += `${nextCustomer()},Customer ${offset},March 3\n`;
      yield chunk;
    }
  })();
}

/** POSTs a CSV body chunk by chunk (with back-pressure), so neither side needs the whole file at once. */
function postCsv(api, query, chunks) {
  const url = new URL(`${api.url}/api/v1/campaigns?${new URLSearchParams(query)}`);
  return new Promise((resolve, reject) => {
    let bytes = 0;
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: url.pathname + url.search,
        headers: { authorization: `Bearer ${api.apiKey}`, 'content-type': 'text/csv' },
      },
      (res) => {
        const parts = [];
        res.on('data', (part) => parts.push(part));
        res.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8');
          let body;
          try {
            body = JSON.parse(text);
          } catch {
            body = undefined;
          }
          resolve({ status: res.statusCode, body, text, bytes });
        });
      },
    );
    req.on('error', reject);
    const write = () => {
      for (;;) {
        const { value, done } = chunks.next();
        if (done) return req.end();
        bytes += Buffer.byteLength(value);
        if (!req.write(value)) return req.once('drain', write);
      }
    };
    write();
  });
}

async function getJson(client, path) {
  const response = await client.get(path);
  if (response.status !== 200)
    throw new Error(`GET ${path} answered ${response.status}: ${JSON.stringify(response.body ?? response.error?.message)}`);
  return response.body;
}

async function readRecipients(client, campaignId) {
  const rows = [];
  for (let after = -1; ;) {
    const page = await getJson(client, `/api/v1/campaigns/${campaignId}/recipients?limit=${RECIPIENT_PAGE}&after=${after}`);
    rows.push(...page.recipients);
    if (page.next === null) return rows;
    after = page.next;
  }
}

async function waitFor(client, campaignId, done) {
  const deadline = Date.now() + CAMPAIGN_TIMEOUT_MS;
  for (;;) {
    const campaign = await getJson(client, `/api/v1/campaigns/${campaignId}`);
    if (done(campaign) || Date.now() > deadline) return campaign;
    await sleep(POLL_MS);
  }
}

/** Reads the sandbox's request log now and then and keeps every entry once (by id): it forgets beyond 50,000. */
class RequestLogReader {
  constructor(controls) {
    this.controls = controls;
    this.entries = new Map();
    this.lastRead = Date.now();
  }

  async readIfDue() {
    if (Date.now() - this.lastRead >= REQUEST_LOG_READ_MS) await this.read();
  }

  async read() {
    this.lastRead = Date.now();
    for (const request of (await this.controls.requests()).requests) this.entries.set(request.id, request);
  }

  messageCreates() {
    return [...this.entries.values()].filter(
      (request) => request.endpoint === CHAT_MESSAGE_CREATE && request.status !== null && request.status < 300,
    );
  }

  /** Twilio requests per message and requests in flight on average (Little's law), both over [from, to]. */
  load(from, to) {
    const inside = [...this.entries.values()].filter((request) => request.startedAt >= from && request.startedAt <= to);
    const messages = inside.filter((request) => request.endpoint === CHAT_MESSAGE_CREATE).length;
    const busy = inside.reduce((sum, request) => sum + ((request.finishedAt ?? request.startedAt) - request.startedAt), 0);
    return { requestsPerMessage: messages ? inside.length / messages : NaN, averageInFlight: busy / (to - from) };
  }
}

function tally(values) {
  const counts = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
