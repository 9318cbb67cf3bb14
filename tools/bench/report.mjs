// docs/BENCHMARKS.md from one run's results. Every verdict and "why" below is computed from the figures of the
// same run: nothing here is a remembered number.
import { round } from './lib/stats.mjs';

const TARGETS = { criticalPath: 3, criticalPathTask: 2, latencyRatioP50: 1.15, throughputShare: 0.9 };

export function renderReport({ machine, quick, minutes, settings, requests, latency, throughput, cleanup }) {
  return [
    '# Benchmarks',
    '',
    ...(quick ? ['> **Quick run (`npm run bench -- --quick`): small counts, a smoke test of the harness. Not the figures to quote.**', ''] : []),
    `Measured ${machine.date} at commit \`${machine.commit}\` by \`npm run bench\` (${round(minutes, 1)} min) on ${machine.cpuModel}, ` +
      `${machine.cores} cores, ${machine.ramGiB} GiB RAM, Node ${machine.node}. Everything runs on this one machine: the Twilio sandbox ` +
      '(`libs/twilio-sandbox`, its own process), the API (`apps/api/dist/main.js`, its own process, embedded PGlite journal in a temp ' +
      '`DATA_DIR`) and the driver (`tools/bench`). Twilio latency, errors and the concurrency cap are injected by the sandbox ' +
      '(`/_sandbox/faults`); request counts and overlap come from its request log (sub-millisecond start/finish per request).',
    '',
    summaryTable({ requests, latency, throughput, cleanup }),
    '',
    requestsSection(requests),
    latencySection(latency),
    throughputSection(throughput, machine.cores),
    cleanupSection(cleanup),
    memorySection(throughput),
    chaosSection(),
    methodSection(settings),
  ].join('\n');
}

function summaryTable({ requests, latency, throughput, cleanup }) {
  const apiRows = requests.rows;
  const worstCritical = Math.max(...apiRows.map((row) => row.api.critical));
  const worstTask = Math.max(...apiRows.filter((row) => row.flow.startsWith('Agent flow (task, no')).map((row) => row.api.critical));
  const flat = isFlat(apiRows, (row) => row.api.total);
  const worstP50 = Math.max(...latency.rows.map((row) => row.ratioP50));
  const share = throughput.ratePerSecond / throughput.boundPerSecond;
  return [
    '## Summary',
    '',
    '| What | Target | Measured | Verdict |',
    '| --- | --- | --- | --- |',
    `| Critical path per initiate (Twilio round trips) | ≤ ${TARGETS.criticalPath} (task flow ${TARGETS.criticalPathTask}), flat across account sizes | ${worstCritical} (task flow ${worstTask}); totals ${flat ? 'flat' : 'NOT flat'} from ${requests.rows[0].size.toLocaleString('en')} to ${requests.rows.at(-1).size.toLocaleString('en')} sessions | ${worstCritical <= TARGETS.criticalPath && worstTask <= TARGETS.criticalPathTask && flat ? 'met' : 'missed'} |`,
    `| Latency, p50 / bound (critical path × ${latency.latencyMs} ms) | ≤ ${TARGETS.latencyRatioP50} | ${latency.rows.map((row) => `${row.route.split('/').at(-1)} ${round(row.ratioP50, 2)}`).join(', ')} | ${verdict(worstP50 <= TARGETS.latencyRatioP50, `missed by ${round((worstP50 / TARGETS.latencyRatioP50 - 1) * 100, 1)}%`)} |`,
    `| Throughput, sends/s / bound (cap ${throughput.cap} ÷ (${criticalOf(throughput)} × ${throughput.latencyMs} ms)) | ≥ ${TARGETS.throughputShare * 100}%, 0 failed | ${round(throughput.ratePerSecond, 0)}/s = ${round(share * 100, 0)}% of ${round(throughput.boundPerSecond, 0)}/s, ${throughput.failed} failed | ${verdict(share >= TARGETS.throughputShare && throughput.failed === 0, `missed by ${round((TARGETS.throughputShare - share) * 100, 0)} points (see why below)`)} |`,
    `| Clean-up, sessions/s / bound | — | ${round(cleanup.ratePerSecond, 1)}/s = ${round((cleanup.ratePerSecond / cleanup.boundPerSecond) * 100, 1)}% of ${round(cleanup.boundPerSecond, 0)}/s, ${cleanup.counts.failed} failed | see below |`,
    `| API peak RSS during the throughput run | — | ${round(throughput.apiPeakRssMiB, 0)} MiB | see below |`,
  ].join('\n');
}

function requestsSection(result) {
  const rows = result.rows.map(
    (row) =>
      `| ${row.size.toLocaleString('en')} | ${row.flow} | ${row.api.total}${row.api.totalMin !== row.api.total ? ` (min ${row.api.totalMin})` : ''} | ${row.api.afterAnswer} | ` +
      `${row.api.critical}${row.api.criticalMin !== row.api.critical ? ` (min ${row.api.criticalMin})` : ''} | ${row.baseline.total} | ${row.baseline.critical} | ${round(row.baseline.ms, 0)} ms |`,
  );
  const cold = result.coldStart;
  return [
    '## Twilio requests per initiate',
    '',
    `Account: the sandbox's demo Flex account plus ${result.extraFlexFlows} extra Flex Flows, grown to each number of Proxy sessions. ` +
      `${result.latencyMs} ms injected per Twilio request so that requests sent in parallel visibly overlap. **API**: the worst of ${result.samples} ` +
      'initiates per row, each for a new customer, warm Flex Flow cache. **Critical path**: the longest chain of requests each starting after the ' +
      'previous one finished (requests overlapping in the log count once). **After the answer**: the agent flow journals the channel\'s ' +
      '`proxySession` attribute write as a pending step and does it right after answering (fetch + update of the channel); counted in the ' +
      'total, not on the response path. **Baseline**: the original Functions\' pattern on the official SDK against the same sandbox in the same run ' +
      '(`tools/bench/baseline.mjs`: list every Flex Flow, list every Proxy session, then create channel, session and, fire-and-forget, message).',
    '',
    '| Proxy sessions | Flow | API total | of which after the answer | API critical path | Baseline total | Baseline critical path | Baseline time |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    `Cold start (first request of each flow after the API starts, empty Flex Flow cache): agent flow ${cold.task.total} requests / ` +
      `${cold.task.critical} on the critical path, fire-and-forget ${cold.message.total} / ${cold.message.critical} (the Flex Flow listing is paid once, then cached).`,
    '',
    `API requests per steady-state initiate: ${[...new Set(result.rows.map((row) => row.flow))].map((flow) => `${flow}: \`${result.rows.find((row) => row.flow === flow).api.endpoints.join('`, `')}\``).join('; ')}.`,
    '',
  ].join('\n');
}

function latencySection(result) {
  const rows = result.rows.map(
    (row) =>
      `| \`${row.route}\` | ${row.calls} | ${row.criticalPath} | ${row.boundMs} ms | ${round(row.p50, 1)} ms | ${round(row.p95, 1)} ms | ${round(row.p99, 1)} ms | ` +
      `**${round(row.ratioP50, 2)}** / ${round(row.ratioP95, 2)} / ${round(row.ratioP99, 2)} | ${round(row.p50 - row.boundMs, 1)} ms |`,
  );
  const missed = result.rows.filter((row) => row.ratioP50 > TARGETS.latencyRatioP50);
  return [
    '## Latency',
    '',
    `${result.latencyMs} ms injected per Twilio request; sequential calls (one at a time), each for a new customer, after one warm-up call per route. ` +
      'Bound = critical path × latency: what a server with zero cost of its own would answer in.',
    '',
    '| Route | Calls | Critical path | Bound | p50 | p95 | p99 | p50 / p95 / p99 ÷ bound | p50 − bound (API\'s own time) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
    ...rows,
    '',
    `Where the time goes: p50 − bound is the API's own time per call (HTTP and auth, validation, the journal written to the embedded PGlite database ` +
      `before and after the Twilio calls, the pair lock): ${result.rows.map((row) => `${round(row.p50 - row.boundMs, 1)} ms on \`${row.route}\``).join(', ')}. ` +
      `The target allows ${result.rows.map((row) => `${round((TARGETS.latencyRatioP50 - 1) * row.boundMs, 1)} ms`).join(' and ')} respectively.`,
    '',
    missed.length === 0
      ? `Target (p50 ≤ ${TARGETS.latencyRatioP50} × bound) met on both routes.`
      : `Target (p50 ≤ ${TARGETS.latencyRatioP50} × bound) missed on ${missed.map((row) => `\`${row.route}\` by ${round((row.ratioP50 / TARGETS.latencyRatioP50 - 1) * 100, 1)}%`).join('; ')}: ` +
        'the same fixed cost weighs more against a shorter bound.',
    '',
  ].join('\n');
}

function throughputSection(result, cores) {
  const share = result.ratePerSecond / result.boundPerSecond;
  const coresUsed = Object.fromEntries(Object.entries(result.cpu).map(([name, seconds]) => [name, seconds / result.seconds]));
  const totalCores = coresUsed.api + coresUsed.sandbox + coresUsed.driver;
  // The main thread runs all of the API's JavaScript (Nest, validation, the PGlite journal, the SDK): its CPU per
  // send sets the ceiling of one process, however many cores the machine has.
  const mainThreadMsPerSend = (result.cpu.apiMainThread * 1000) / result.succeeded;
  const mainThreadBound = 1000 / mainThreadMsPerSend;
  const mainThreadBusy = coresUsed.apiMainThread;
  return [
    '## Throughput',
    '',
    `${result.sends.toLocaleString('en')} fire-and-forget sends (\`POST /api/v1/outbound/message\`, each a new customer), client concurrency ${result.clientConcurrency}, ` +
      `sandbox concurrency cap ${result.cap} requests in flight (429 beyond), ${result.latencyMs} ms per Twilio request.`,
    '',
    '| | |',
    '| --- | --- |',
    `| Sends | ${result.succeeded.toLocaleString('en')} succeeded, ${result.failed} failed (${Object.entries(result.outcomes).map(([k, v]) => `${k}: ${v}`).join(', ')}) in ${round(result.seconds, 1)} s |`,
    `| Rate | **${round(result.ratePerSecond, 1)} sends/s** |`,
    `| Bound: cap ÷ (critical path ${criticalOf(result)} × ${result.latencyMs} ms) | ${round(result.boundPerSecond, 0)}/s → measured **${round(share * 100, 1)}%** |`,
    `| Tighter bound: cap ÷ (${round(result.requestsPerSend, 2)} requests per send × ${result.latencyMs} ms), every request holding a slot | ${round(result.slotBoundPerSecond, 0)}/s → ${round((result.ratePerSecond / result.slotBoundPerSecond) * 100, 1)}% |`,
    `| Client-side bound: ${result.clientConcurrency} in flight ÷ (${criticalOf(result)} × ${result.latencyMs} ms) | ${round(result.clientBoundPerSecond, 0)}/s |`,
    `| Twilio requests | ${result.twilioRequests.toLocaleString('en')} (${Object.entries(result.twilioStatuses).map(([k, v]) => `${k}: ${v}`).join(', ')}); peak ${result.peakInFlight} in flight |`,
    `| CPU (user + system, /proc/<pid>/stat), in cores busy over the run | API ${round(coresUsed.api, 2)} (main thread ${round(mainThreadBusy, 2)}), sandbox ${round(coresUsed.sandbox, 2)}, driver ${round(coresUsed.driver, 2)}: ${round(totalCores, 2)} of ${cores} |`,
    `| API CPU per send | ${round((result.cpu.api * 1000) / result.succeeded, 2)} ms, of which ${round(mainThreadMsPerSend, 2)} ms on the main thread → one API process tops out near ${round(mainThreadBound, 0)} sends/s |`,
    '',
    share >= TARGETS.throughputShare
      ? `Target (≥ ${TARGETS.throughputShare * 100}% of the bound) met.`
      : `Target (≥ ${TARGETS.throughputShare * 100}% of the bound) missed by ${round((TARGETS.throughputShare - share) * 100, 1)} points. Why: the Twilio side was not ` +
        `the limit (peak ${result.peakInFlight} of ${result.cap} slots in flight, ${result.twilioStatuses['429'] ?? 0} 429s). The API's main thread was busy ` +
        `${round(mainThreadBusy * 100, 0)}% of the run at ${round(mainThreadMsPerSend, 2)} ms per send: Node runs all of the API's JavaScript on that one thread, so one ` +
        `process cannot go much past ${round(mainThreadBound, 0)} sends/s here whatever Twilio allows, and the sandbox and driver take ` +
        `${round(coresUsed.sandbox + coresUsed.driver, 2)} of the ${cores} cores besides. Reaching the cap-bound would take about ${Math.ceil(result.boundPerSecond / mainThreadBound)} ` +
        'API processes on more cores (pair locks, idempotency keys and the journal are in the database, so instances can share a PostgreSQL `DATABASE_URL`), or less CPU per send.',
    '',
  ].join('\n');
}

function cleanupSection(result) {
  const concurrencyBound = result.peakInFlight / ((result.requestsPerSession * 50) / 1000);
  return [
    '## Clean-up',
    '',
    `${result.sessions.toLocaleString('en')} closed Proxy sessions seeded, then \`POST /api/v1/cleanup/proxy-sessions {"statuses":["closed"]}\` (202 + job), polled ` +
      'until finished; same cap and latency as the throughput run.',
    '',
    '| | |',
    '| --- | --- |',
    `| Job | ${result.status}: ${result.counts.done.toLocaleString('en')} done, ${result.counts.failed} failed, ${result.counts.skipped} skipped in ${round(result.seconds, 1)} s; ${result.remainingSessions} sessions left in the sandbox |`,
    `| Rate | **${round(result.ratePerSecond, 1)} sessions/s** |`,
    `| Twilio requests | ${result.twilioRequests.toLocaleString('en')}: ${result.listingRequests} listing pages + ${round(result.requestsPerSession, 2)} per session, one after another within a session (the handler awaits each); peak ${result.peakInFlight} in flight |`,
    `| By endpoint | ${Object.entries(result.endpoints).map(([endpoint, count]) => `\`${endpoint}\` ${count.toLocaleString('en')}`).join(', ')} |`,
    `| Bound: cap ÷ (${round(result.requestsPerSession, 2)} × 50 ms) | ${round(result.boundPerSecond, 0)}/s → measured **${round((result.ratePerSecond / result.boundPerSecond) * 100, 1)}%** |`,
    `| Bound at the job's own concurrency (${result.peakInFlight} sessions at once) | ${round(concurrencyBound, 1)}/s → measured ${round((result.ratePerSecond / concurrencyBound) * 100, 1)}% |`,
    `| CPU time | API ${round(result.cpu.api, 1)} s, sandbox ${round(result.cpu.sandbox, 1)} s |`,
    '',
    `Why it is far from the cap-bound: the job runner works on ${result.peakInFlight} sessions at a time (\`DEFAULT_CLEANUP_OPTIONS.runner.concurrency\` in ` +
      '`apps/api/src/cleanup/cleanup.tokens.ts`, not configurable from the environment), a deliberate margin under Twilio\'s per-account concurrency ' +
      `limit that leaves room for live traffic. It runs at ${round((result.ratePerSecond / concurrencyBound) * 100, 0)}% of what that concurrency allows; raising it ` +
      'would scale the rate until the cap (or the API\'s CPU) is reached.',
    '',
  ].join('\n');
}

function memorySection(throughput) {
  return [
    '## Memory',
    '',
    `API process (a fresh one for the throughput run): **${round(throughput.apiPeakRssMiB, 0)} MiB peak RSS** (\`/proc/<pid>/status\` VmHWM, read at the end of ` +
      `${throughput.succeeded.toLocaleString('en')} sends), ${round(throughput.apiRestingRssMiB, 0)} MiB resident after start-up and one warm-up send (VmRSS), so ` +
      `${round(throughput.apiPeakRssMiB - throughput.apiRestingRssMiB, 0)} MiB came with the load. The resting figure is the API before any load: Node, Nest ` +
      'and the embedded PGlite database (PostgreSQL compiled to WebAssembly, running inside the API process); with `DATABASE_URL` the database runs in its own server instead.',
    '',
  ].join('\n');
}

/** The chaos run has its own command and verdict; the document says what it checks so its output can be read. */
function chaosSection() {
  return [
    '## Chaos (`npm run chaos`)',
    '',
    'Not part of this run. `npm run chaos` sends 1,000 mixed initiates (both flows; about 30% to a customer already used, about 10% re-sent with ' +
      'their Idempotency-Key) while the sandbox answers 10% of Twilio requests 5xx, 5% 429 and drops 2% of connections, SIGKILLs the API once ' +
      'mid-run and restarts it on the same `DATA_DIR`. The client retries with the same key on connection errors, 502, 503 and 409 ' +
      '`IDEMPOTENCY_KEY_IN_USE`. Afterwards it lists the sandbox through the official SDK and reads the journal, and exits 1 if any of these ' +
      'breaks: no duplicate ACTIVE channel per Flex Flow and customer, live task or live session per channel, message per request, or execution ' +
      'per Idempotency-Key; no orphan (live session without its channel, channel without a live session, live task without a channel that has one ' +
      '— a rolled-back request removes what it made, and leftovers the journal itself records as not undone are listed apart); nothing in flight ' +
      'or pending once recovery settles; every 201 the client got is `succeeded` in the journal and its message exists. `--requests 120` is the ' +
      'short version the test command runs.',
    '',
  ].join('\n');
}

function methodSection(settings) {
  return [
    '## How to reproduce',
    '',
    '```bash',
    'npm run bench              # full run, rewrites docs/BENCHMARKS.md',
    'npm run bench -- --quick   # smoke test of the harness, writes test-results/BENCHMARKS.quick.md',
    'npm run bench -- --render <results.json>   # re-renders this document from a run\'s raw figures',
    '```',
    '',
    `Counts of this run: account sizes ${settings.sizes.map((size) => size.toLocaleString('en')).join(', ')} Proxy sessions, ${settings.samples} API samples per row, ${settings.callsPerFlow} latency calls per route, ` +
      `${settings.sends.toLocaleString('en')} throughput sends, ${settings.cleanupSessions.toLocaleString('en')} sessions cleaned. Each scenario starts a fresh sandbox and API process. Code: \`tools/bench/\` ` +
      '(`requests-per-initiate.mjs`, `baseline.mjs`, `latency.mjs`, `throughput.mjs`, `cleanup.mjs`; `lib/` holds the process, HTTP and request-log helpers).',
    '',
    'Caveats: all three processes share the same cores, so the sandbox\'s and driver\'s CPU use is taken from the API\'s; the sandbox answers from memory, so ' +
      'its latency is exactly the injected one, which real Twilio\'s is not; loopback HTTP costs far less than a real network round trip.',
    '',
  ].join('\n');
}

function criticalOf(throughput) {
  return Math.round((throughput.cap / throughput.boundPerSecond / throughput.latencyMs) * 1000);
}

function verdict(ok, howMuch) {
  return ok ? 'met' : `**missed**: ${howMuch}`;
}

function isFlat(rows, value) {
  const byFlow = new Map();
  for (const row of rows) byFlow.set(row.flow, [...(byFlow.get(row.flow) ?? []), value(row)]);
  return [...byFlow.values()].every((values) => Math.max(...values) === Math.min(...values));
}
