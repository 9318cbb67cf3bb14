// docs/BENCHMARKS.md from one run's results. Every verdict and "why" below is computed from the figures of the
// same run: nothing here is a remembered number.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib/paths.mjs';
import { round } from './lib/stats.mjs';

const TARGETS = { criticalPath: 3, criticalPathTask: 2, latencyRatioP50: 1.15, throughputShare: 0.9, embeddedPeakRssMiB: 250, embeddedMainThreadMsPerSend: 2 };

/** The one-off comparison of embedded stores (embedded-store.mjs): kept, not re-measured, by every full run. */
export const EMBEDDED_STORE_RECORD = 'tools/bench/records/embedded-store.json';

export function renderReport({ machine, quick, minutes, settings, requests, latency, throughput, cleanup }) {
  return [
    '# Benchmarks',
    '',
    ...(quick ? ['> **Quick run (`npm run bench -- --quick`): small counts, a smoke test of the harness. Not the figures to quote.**', ''] : []),
    `Measured ${machine.date} at commit \`${machine.commit}\` by \`npm run bench\` (${round(minutes, 1)} min) on ${machine.cpuModel}, ` +
      `${machine.cores} cores, ${machine.ramGiB} GiB RAM, Node ${machine.node}${machine.loadAverage !== undefined ? ` (1-minute load average ${machine.loadAverage} when it started)` : ''}. Everything runs on this one machine: the Twilio sandbox ` +
      '(`libs/twilio-sandbox`, its own process), the API (`apps/api/dist/main.js`, its own process, embedded SQLite journal in a temp ' +
      '`DATA_DIR`, or a throwaway PostgreSQL server where the throughput section says so) and the driver (`tools/bench`). Twilio latency, errors and the concurrency cap are injected by the sandbox ' +
      '(`/_sandbox/faults`); request counts and overlap come from its request log (sub-millisecond start/finish per request).',
    '',
    summaryTable({ requests, latency, throughput, cleanup }),
    '',
    requestsSection(requests),
    latencySection(latency),
    throughputSection(throughput, machine.cores),
    cleanupSection(cleanup),
    memorySection(throughput),
    ...(existsSync(join(root, EMBEDDED_STORE_RECORD)) ? [embeddedStoreSection(JSON.parse(readFileSync(join(root, EMBEDDED_STORE_RECORD), 'utf8')))] : []),
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
    `| Throughput, sends/s / bound (cap ${throughput.cap} ÷ (${throughput.criticalPath} × ${throughput.latencyMs} ms) = ${round(throughput.boundPerSecond, 0)}/s) | ≥ ${TARGETS.throughputShare * 100}%, 0 failed | ${measured(throughput).map((run) => `${run.name}: ${round(run.ratePerSecond, 0)}/s = ${round(shareOf(run, throughput) * 100, 0)}%, ${run.failed} failed`).join('; ')} | ${throughputVerdict(throughput)} |`,
    `| Clean-up, sessions/s / bound | — | ${cleanup.runs.map((run) => `${run.concurrency} at once${run.concurrency === cleanup.defaultConcurrency ? ' (default)' : ''}: ${round(run.ratePerSecond, 1)}/s = ${round((run.ratePerSecond / run.boundPerSecond) * 100, 1)}% of ${round(run.boundPerSecond, 0)}/s, ${run.counts.failed} failed`).join('; ')} | see below |`,
    `| API memory during the throughput run (peak RSS) | embedded ≤ ${TARGETS.embeddedPeakRssMiB} MiB | ${measured(throughput).map((run) => `${run.name}: ${run.apiPeakRssMiB.map((mib) => `${round(mib, 0)} MiB`).join(' + ')}`).join('; ')} | ${embeddedVerdict(throughput, (run) => run.apiPeakRssMiB[0], TARGETS.embeddedPeakRssMiB, 'MiB')} |`,
    `| API main-thread CPU per send, embedded | ≤ ${TARGETS.embeddedMainThreadMsPerSend} ms | ${measured(throughput).filter((run) => run.database === 'sqlite').map((run) => `${round(mainThreadMsPerSend(run), 2)} ms`).join('') || '—'} | ${embeddedVerdict(throughput, mainThreadMsPerSend, TARGETS.embeddedMainThreadMsPerSend, 'ms')} |`,
  ].join('\n');
}

/** The target's verdict on the embedded configuration's figure (`value(run)`), or — when it was not measured. */
function embeddedVerdict(throughput, value, target, unit) {
  const embedded = measured(throughput).find((run) => run.database === 'sqlite');
  if (!embedded) return '—';
  return verdict(value(embedded) <= target, `${round(value(embedded) - target, unit === 'ms' ? 2 : 0)} ${unit} over`);
}

function mainThreadMsPerSend(run) {
  return (run.cpu.apiMainThreads[0] * 1000) / run.succeeded;
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
    `Where the time goes: p50 − bound is the API's own time per call (HTTP and auth, validation, the journal written to the embedded SQLite database ` +
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
  const runs = measured(result);
  const column = (format) => `| ${runs.map(format).join(' | ')} |`;
  const perSend = (run, seconds) => round((seconds * 1000) / run.succeeded, 2);
  const skipped = result.configurations.filter((run) => run.unavailable);
  return [
    '## Throughput',
    '',
    `${result.sends.toLocaleString('en')} fire-and-forget sends (\`POST /api/v1/outbound/message\`, each a new customer) per configuration, client concurrency ${result.clientConcurrency} ` +
      `(spread round robin over the API processes), sandbox concurrency cap ${result.cap} requests in flight (429 beyond), ${result.latencyMs} ms per Twilio request. ` +
      'Each configuration starts fresh processes (and a fresh PostgreSQL cluster, fsync off, on this machine). **SQLite**: the default, the database inside the API process. ' +
      '**PostgreSQL server**: `DATABASE_URL`, as `docker-compose.yml` deploys it' +
      (runs[0]?.databaseVersion || runs.find((run) => run.databaseVersion) ? ` (${runs.find((run) => run.databaseVersion).databaseVersion})` : '') + '.',
    '',
    `Three bounds: **${round(result.boundPerSecond, 0)}/s**, the target's (cap ÷ (critical path ${result.criticalPath} × ${result.latencyMs} ms)); ` +
      `**${round(runs[0].slotBoundPerSecond, 0)}/s**, what the cap lets through at all when every one of a send's ${round(runs[0].requestsPerSend, 2)} requests holds a slot for ${result.latencyMs} ms ` +
      `(= ${round((runs[0].slotBoundPerSecond / result.boundPerSecond) * 100, 0)}% of the first: 90% of it cannot be reached against this cap without fewer requests per send); ` +
      `**${round(result.clientBoundPerSecond, 0)}/s**, what ${result.clientConcurrency} sends in flight allow at ${result.criticalPath} × ${result.latencyMs} ms (the driver stays under the cap rather than buy 429s).`,
    '',
    `| | ${runs.map((run) => run.name).join(' | ')} |`,
    `| --- | ${runs.map(() => '---').join(' | ')} |`,
    `| Sends ${column((run) => `${run.succeeded.toLocaleString('en')} succeeded, ${run.failed} failed (${Object.entries(run.outcomes).map(([k, v]) => `${k}: ${v}`).join(', ')}) in ${round(run.seconds, 1)} s`)}`,
    `| Rate ${column((run) => `**${round(run.ratePerSecond, 1)} sends/s**`)}`,
    `| ÷ bound ${round(result.boundPerSecond, 0)}/s ${column((run) => `**${round(shareOf(run, result) * 100, 1)}%**`)}`,
    `| ÷ slot bound / client bound ${column((run) => `${round((run.ratePerSecond / run.slotBoundPerSecond) * 100, 1)}% / ${round((run.ratePerSecond / result.clientBoundPerSecond) * 100, 1)}%`)}`,
    `| Twilio requests ${column((run) => `${run.twilioRequests.toLocaleString('en')} (${Object.entries(run.twilioStatuses).map(([k, v]) => `${k}: ${v}`).join(', ')}); peak ${run.peakInFlight} in flight`)}`,
    `| CPU, cores busy over the run (user + system, /proc) ${column((run) => cpuBusy(run, cores))}`,
    `| API CPU per send (main thread) ${column((run) => `${perSend(run, run.cpu.api)} ms (${run.cpu.apiMainThreads.map((seconds) => perSend(run, seconds * run.cpu.apiMainThreads.length)).join(' ms, ')} ms)`)}`,
    `| PostgreSQL server CPU per send ${column((run) => (run.database === 'postgres' ? `${perSend(run, run.cpu.database)} ms` : '— (inside the API)'))}`,
    `| One API process's ceiling: 1 s ÷ main-thread CPU per send ${column((run) => `${round(ceilingOf(run), 0)}/s`)}`,
    '',
    ...(skipped.length > 0 ? [`Not measured: ${skipped.map((run) => `${run.name} (${run.unavailable})`).join('; ')}.`, ''] : []),
    throughputWhy(result, cores),
    '',
    profileSection(result),
  ].join('\n');
}

function cpuBusy(run, cores) {
  const busy = (seconds) => round(seconds / run.seconds, 2);
  const total = run.cpu.api + run.cpu.database + run.cpu.sandbox + run.cpu.driver;
  const database = run.database === 'postgres' ? `, PostgreSQL ${busy(run.cpu.database)}` : '';
  const others = run.cpu.machine !== undefined ? `; other processes on the machine ${busy(Math.max(0, run.cpu.machine - total))}` : '';
  return `API ${busy(run.cpu.api)} (main thread${run.cpu.apiMainThreads.length > 1 ? 's' : ''} ${run.cpu.apiMainThreads.map(busy).join(' + ')})${database}, sandbox ${busy(run.cpu.sandbox)}, driver ${busy(run.cpu.driver)}: ${busy(total)} of ${cores}${others}`;
}

/** Main-thread CPU per send of one process: what caps that process, whatever Twilio allows. */
function ceilingOf(run) {
  const sendsPerProcess = run.succeeded / run.cpu.apiMainThreads.length;
  return sendsPerProcess / Math.max(...run.cpu.apiMainThreads);
}

/** Why each configuration landed where it did, from its own figures: its main thread, the machine, the driver, or Twilio. */
function throughputWhy(result, cores) {
  const lines = measured(result).map((run) => {
    const share = shareOf(run, result);
    const mainBusy = Math.max(...run.cpu.apiMainThreads) / run.seconds;
    const ours = (run.cpu.api + run.cpu.database + run.cpu.sandbox + run.cpu.driver) / run.seconds;
    const machineBusy = Math.max(ours, (run.cpu.machine ?? 0) / run.seconds);
    const reasons = [];
    if (mainBusy >= 0.85) reasons.push(`the API's main thread was busy ${round(mainBusy * 100, 0)}% of the run: Node runs all of a process's JavaScript on that one thread, so at ${round(1000 / ceilingOf(run), 2)} ms per send one process cannot pass about ${round(ceilingOf(run), 0)} sends/s`);
    if (machineBusy >= 0.85 * cores) reasons.push(`the machine itself was the limit: ${round(machineBusy, 2)} of its ${cores} cores busy (API${run.database === 'postgres' ? ', PostgreSQL' : ''}, sandbox and driver share them${machineBusy - ours >= 0.1 ? `, and other processes took ${round(machineBusy - ours, 2)}` : ''})`);
    if (run.ratePerSecond >= 0.85 * result.clientBoundPerSecond) reasons.push(`it reached ${round((run.ratePerSecond / result.clientBoundPerSecond) * 100, 0)}% of the client-side bound: the driver's ${result.clientConcurrency} sends in flight were the limit`);
    if ((run.twilioStatuses['429'] ?? 0) > 0) reasons.push(`Twilio's cap answered ${run.twilioStatuses['429']} requests 429 (retried after Retry-After)`);
    const averageInFlight = (run.twilioRequests * result.latencyMs) / 1000 / run.seconds;
    if (reasons.length === 0) {
      reasons.push(
        `none of the API's main thread (${round(mainBusy * 100, 0)}% busy), the machine (${round(machineBusy, 2)} of ${cores} cores) or the driver was saturated, and on average only ` +
          `${round(averageInFlight, 0)} Twilio requests were in flight of the ${result.cap} allowed. By Little's law the driver's ${result.clientConcurrency} sends in flight at this rate ` +
          `took ~${round((result.clientConcurrency / run.ratePerSecond) * 1000, 0)} ms each against the ${round(result.criticalPath * result.latencyMs, 0)} ms of their Twilio critical path: ` +
          `the rest is each send's own work in the API (HTTP, auth, validation, the pair lock and the journal's round trips to ${run.database === 'postgres' ? 'the PostgreSQL server' : 'the database'}) ` +
          'waiting its turn on the one event loop',
      );
    }
    const verdict = share >= TARGETS.throughputShare && run.failed === 0 ? 'target met' : `target missed by ${round((TARGETS.throughputShare - share) * 100, 1)} points`;
    return `- **${run.name}**: ${round(run.ratePerSecond, 0)}/s, ${round(share * 100, 1)}% of the bound, ${verdict}. Why: ${reasons.join('; ')}.`;
  });
  return [`Target: ≥ ${TARGETS.throughputShare * 100}% of ${round(result.boundPerSecond, 0)}/s with 0 failed sends.`, '', ...lines].join('\n');
}

/** Where one API process's CPU goes per send, from the V8 profile of extra sends after the measured run. */
function profileSection(result) {
  const profiled = measured(result).filter((run) => run.profile);
  if (profiled.length === 0) return '';
  const owners = [...new Set(profiled.flatMap((run) => run.profile.owners.slice(0, 10).map((entry) => entry.owner)))];
  const msOf = (run, owner) => (run.profile.owners.find((entry) => entry.owner === owner)?.ms ?? 0) / run.profile.sends;
  owners.sort((a, b) => msOf(profiled[0], b) - msOf(profiled[0], a));
  return [
    '### Where the API\'s CPU per send goes',
    '',
    `V8's sampling profiler (\`tools/bench/lib/cpu-profiler.cjs\`, 0.5 ms interval) on the API process during ${profiled[0].profile.sends.toLocaleString('en')} more sends right after each measured run ` +
      '(the profiler adds cost of its own, so read the shares, not the absolute figures). Self time charged to the nearest package or part of the API on the ' +
      'stack (a socket write or a native call counts for whoever called it); ms per send, and share of the busy time.',
    '',
    `| Where | ${profiled.map((run) => run.name).join(' | ')} |`,
    `| --- | ${profiled.map(() => '---:').join(' | ')} |`,
    ...owners.map((owner) => `| ${owner} | ${profiled.map((run) => `${round(msOf(run, owner), 2)} ms (${round(((msOf(run, owner) * run.profile.sends) / run.profile.busyMs) * 100, 0)}%)`).join(' | ')} |`),
    `| Everything else | ${profiled.map((run) => { const shown = owners.reduce((sum, owner) => sum + msOf(run, owner), 0); const rest = run.profile.busyMs / run.profile.sends - shown; return `${round(rest, 2)} ms (${round(((rest * run.profile.sends) / run.profile.busyMs) * 100, 0)}%)`; }).join(' | ')} |`,
    `| **Total busy** | ${profiled.map((run) => `**${round(run.profile.busyMs / run.profile.sends, 2)} ms**`).join(' | ')} |`,
    '',
    ...profiled.map((run) => `Heaviest functions (self time), ${run.name}: ${run.profile.functions.slice(0, 8).map((fn) => `\`${fn.name}\` ${round(fn.ms / run.profile.sends, 2)} ms`).join(', ')}.`),
    '',
  ].join('\n');
}

function measured(throughput) {
  return throughput.configurations.filter((run) => !run.unavailable);
}

function shareOf(run, throughput) {
  return run.ratePerSecond / throughput.boundPerSecond;
}

function throughputVerdict(throughput) {
  const single = measured(throughput).filter((run) => run.instances === 1);
  const best = Math.max(...single.map((run) => shareOf(run, throughput)));
  const met = single.some((run) => shareOf(run, throughput) >= TARGETS.throughputShare && run.failed === 0);
  return verdict(met, `one process reaches at best ${round(best * 100, 0)}%, ${round((TARGETS.throughputShare - best) * 100, 0)} points short (see why below)`);
}

function cleanupSection(result) {
  const runs = result.runs;
  const column = (format) => `| ${runs.map(format).join(' | ')} |`;
  const label = (run) => `\`CLEANUP_CONCURRENCY=${run.concurrency}\`${run.concurrency === result.defaultConcurrency ? ' (default)' : ''}`;
  const [first] = runs;
  return [
    '## Clean-up',
    '',
    `${result.sessions.toLocaleString('en')} closed Proxy sessions seeded, then \`POST /api/v1/cleanup/proxy-sessions {"statuses":["closed"]}\` (202 + job), polled ` +
      `until finished; same cap and latency as the throughput run; once at the default concurrency and once at ${runs.at(-1).concurrency}, each on a fresh API and sandbox (embedded SQLite).`,
    '',
    `| | ${runs.map(label).join(' | ')} |`,
    `| --- | ${runs.map(() => '---').join(' | ')} |`,
    `| Job ${column((run) => `${run.status}: ${run.counts.done.toLocaleString('en')} done, ${run.counts.failed} failed, ${run.counts.skipped} skipped in ${round(run.seconds, 1)} s; ${run.remainingSessions} sessions left`)}`,
    `| Rate ${column((run) => `**${round(run.ratePerSecond, 1)} sessions/s**`)}`,
    `| ÷ bound, cap ÷ (${round(first.requestsPerSession, 2)} × 50 ms) = ${round(first.boundPerSecond, 0)}/s ${column((run) => `**${round((run.ratePerSecond / run.boundPerSecond) * 100, 1)}%**`)}`,
    `| ÷ what the concurrency allows, min(concurrency, cap) ÷ (${round(first.requestsPerSession, 2)} × 50 ms) ${column((run) => `${round((run.ratePerSecond / run.concurrencyBoundPerSecond) * 100, 1)}% of ${round(run.concurrencyBoundPerSecond, 0)}/s`)}`,
    `| Twilio requests ${column((run) => `${run.twilioRequests.toLocaleString('en')} (${Object.entries(run.twilioStatuses).map(([k, v]) => `${k}: ${v}`).join(', ')}); peak ${run.peakInFlight} in flight`)}`,
    `| CPU, cores busy over the job ${column((run) => `API ${round(run.cpu.api / run.seconds, 2)} (main thread ${round(run.cpu.apiMainThread / run.seconds, 2)}), sandbox ${round(run.cpu.sandbox / run.seconds, 2)}`)}`,
    `| API CPU per session (main thread) ${column((run) => `${round((run.cpu.api * 1000) / run.counts.done, 2)} ms (${round((run.cpu.apiMainThread * 1000) / run.counts.done, 2)} ms)`)}`,
    '',
    `Requests per session: ${first.listingRequests} listing pages for the whole job, then ${round(first.requestsPerSession, 2)} per session, one after another (the handler awaits each): ` +
      `${Object.entries(first.endpoints).map(([endpoint, count]) => `\`${endpoint}\` ${count.toLocaleString('en')}`).join(', ')}.`,
    '',
    ...runs.map((run) => `- ${label(run)}: ${round(run.ratePerSecond, 1)} sessions/s, ${round((run.ratePerSecond / run.boundPerSecond) * 100, 1)}% of the cap-bound, ${cleanupWhy(run)}.`),
    '',
    `Why the default is ${result.defaultConcurrency}: a clean-up job shares the account's concurrent-request limit with live sends (up to 2 requests in flight each), and Twilio answers ` +
      `429 beyond it. ${result.defaultConcurrency} sessions at once hold ${result.defaultConcurrency} of the ${first.cap ?? 100} slots, leaving over 90% to live traffic, and still clean ` +
      `${result.sessions.toLocaleString('en')} sessions in ${round(result.sessions / runs[0].ratePerSecond / 60, 1)} min here (longer at real Twilio's latency). ` +
      '`CLEANUP_CONCURRENCY` (1 to 50) raises it for a one-off purge in a quiet hour.',
    '',
  ].join('\n');
}

function cleanupWhy(run) {
  const main = run.cpu.apiMainThread / run.seconds;
  const ofConcurrency = run.ratePerSecond / run.concurrencyBoundPerSecond;
  if (ofConcurrency >= 0.85) return `${round(ofConcurrency * 100, 0)}% of what ${run.concurrency} sessions at once allow: the concurrency is the limit, by design`;
  if (main >= 0.85) return `the API's main thread was busy ${round(main * 100, 0)}% (${round((run.cpu.apiMainThread * 1000) / run.counts.done, 2)} ms per session: the job's own writes to the database and the Twilio SDK), so CPU, not Twilio, is the limit at this setting`;
  return `${round(ofConcurrency * 100, 0)}% of what ${run.concurrency} sessions at once allow, main thread ${round(main * 100, 0)}% busy`;
}

function memorySection(throughput) {
  const runs = measured(throughput);
  return [
    '## Memory',
    '',
    'Per throughput configuration (fresh processes each): the API\'s resident memory after start-up and one warm-up send (VmRSS), and its peak (VmHWM) at the end of ' +
      `${throughput.sends.toLocaleString('en')} sends; for PostgreSQL, the server's memory (sum of PSS over its processes, so shared buffers count once).`,
    '',
    '| Configuration | API at rest | API peak | PostgreSQL server at rest → after the run |',
    '| --- | ---: | ---: | ---: |',
    ...runs.map((run) => `| ${run.name} | ${run.apiRestingRssMiB.map((mib) => `${round(mib, 0)} MiB`).join(' + ')} | **${run.apiPeakRssMiB.map((mib) => `${round(mib, 0)} MiB`).join(' + ')}** | ${run.database === 'postgres' ? `${round(run.databaseRestingPssMiB, 0)} → ${round(run.databasePssMiB, 0)} MiB` : '— (inside the API)'} |`),
    '',
    'With SQLite the database is a library inside the API process (its page cache is a few MiB); with `DATABASE_URL` the API holds a connection pool ' +
      'and the database runs in its own server. Either way most of the API\'s memory is V8\'s heap, which grows with the requests in flight.',
    '',
  ].join('\n');
}

/** PGlite and SQLite (and SQLite's settings) as the embedded store, from embedded-store.mjs's record. */
export function embeddedStoreSection(record) {
  const { machine, variants } = record;
  const mib = (value) => `${round(value, 0)} MiB`;
  const ms = (value) => `${round(value, 2)} ms`;
  const meets = (variant) => variant.apiPeakRssMiB <= TARGETS.embeddedPeakRssMiB && variant.mainThreadMsPerSend <= TARGETS.embeddedMainThreadMsPerSend && variant.failed === 0;
  return [
    '## Embedded store: PGlite vs SQLite',
    '',
    `Measured ${machine.date} at commit \`${machine.commit}\` by \`tools/bench/embedded-store.mjs\` on ${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node} ` +
      `(1-minute load average ${machine.loadAverage} when it started), once, to choose the embedded database; kept as measured (not re-run by \`npm run bench\`), raw figures in ` +
      `\`${EMBEDDED_STORE_RECORD}\`. Each build of the API ran the throughput run's configuration for the embedded database, on fresh processes, one after another: ` +
      `${record.sends.toLocaleString('en')} fire-and-forget sends, client concurrency ${record.clientConcurrency}, sandbox cap ${record.cap} in flight, ${record.latencyMs} ms per Twilio request. ` +
      `Targets: API peak RSS ≤ ${TARGETS.embeddedPeakRssMiB} MiB through the run, API main-thread CPU ≤ ${TARGETS.embeddedMainThreadMsPerSend} ms per send.`,
    '',
    '| Build | Settings | API at rest | API peak | Main-thread CPU per send | API CPU per send (all threads) | Rate | Targets |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...variants.map(
      (variant) =>
        `| ${variant.label} | ${variant.settings} | ${mib(variant.apiRestingRssMiB)} | **${mib(variant.apiPeakRssMiB)}** | **${ms(variant.mainThreadMsPerSend)}** | ${ms(variant.apiCpuMsPerSend)} | ` +
        `${round(variant.ratePerSecond, 0)}/s (${variant.failed} failed) | ${meets(variant) ? 'met' : 'missed'} |`,
    ),
    '',
    'Where each build\'s main-thread time per send goes (V8 profile of ' +
      `${record.profileSends.toLocaleString('en')} more sends after the run, self time charged to the nearest package or part of the API; the SQLite engine runs inside \`API: store\`'s calls):`,
    '',
    ...variants.filter((variant) => variant.profile).map((variant) => `- ${variant.label}: ${variant.profile.owners.map((entry) => `${entry.owner} ${ms(entry.msPerSend)}`).join(', ')}.`),
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
      '(`requests-per-initiate.mjs`, `baseline.mjs`, `latency.mjs`, `throughput.mjs`, `cleanup.mjs`; `lib/` holds the process, HTTP, request-log, PostgreSQL and CPU-profile helpers).',
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
