// docs/BENCHMARKS.md from one run's results, beside the same figures of the build before this round of work (the
// "before" record, measured with this same harness: see run.mjs). Every verdict and "why" below is computed from the
// figures of the run: nothing here is a remembered number.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { boundsOf } from './throughput.mjs';
import { root } from './lib/paths.mjs';
import { round } from './lib/stats.mjs';

const TARGETS = {
  criticalPath: 3,
  criticalPathTask: 2,
  latencyRatioP50: 1.1,
  ownTimeP50Ms: 5,
  databaseCallsPerSend: 3,
  embeddedPeakRssMiB: 250,
  mainThreadMsPerSend: { postgres: 1.5, embedded: 2 },
  throughputShare: { postgres: 0.85, embedded: 0.7 },
  cleanupShareOfConcurrency: 0.9,
  campaignShareOfPacing: 0.95,
  /** Streaming keeps memory flat: the peak with the large CSV at most this many times the peak with 1,000 rows. */
  /** The peak with twice the rows (N → 2N) over the peak with N: memory that grows with the file would show here. */
  campaignCsvDoublingRatio: 1.05,
};

/** The one-off comparison of embedded stores (embedded-store.mjs): kept, not re-measured, by every full run. */
export const EMBEDDED_STORE_RECORD = 'tools/bench/records/embedded-store.json';
export const HEAP_LIMIT_RECORD = 'tools/bench/records/heap-limit.json';
/** The build before this round of work, measured once with this harness (run.mjs --record). */
export const BEFORE_RECORD = 'tools/bench/records/before.json';

export function renderReport(after, before) {
  const { machine, quick, minutes } = after;
  return [
    '# Benchmarks',
    '',
    ...(quick ? ['> **Quick run (`npm run bench -- --quick`): small counts, a smoke test of the harness. Not the figures to quote.**', ''] : []),
    `Measured ${machine.date} at commit \`${machine.commit}\` by \`npm run bench\` (${round(minutes, 1)} min) on ${machine.cpuModel}, ` +
      `${machine.cores} cores, ${machine.ramGiB} GiB RAM, Node ${machine.node}${loadOf(machine)}. Everything runs on this one machine: the Twilio sandbox ` +
      '(`libs/twilio-sandbox`, its own process), the API (`apps/api/dist/main.js`, its own process, its embedded database in a temp `DATA_DIR`, or a throwaway ' +
      'PostgreSQL server where a section says so) and the driver (`tools/bench`). Twilio latency, errors and the concurrency cap are injected by the sandbox ' +
      '(`/_sandbox/faults`); request counts and overlap come from its request log (sub-millisecond start/finish per request). Database calls are counted ' +
      'from outside the product (`tools/bench/lib/database-calls.cjs`, preloaded into the API: every statement sent to PostgreSQL, SQLite or PGlite).' +
      calibrationOf(machine),
    '',
    beforeParagraph(before),
    '',
    summaryTable(after, before),
    '',
    databaseCallsSection(after, before),
    requestsSection(after.requests),
    latencySection(after, before),
    throughputSection(after, before),
    cleanupSection(after, before),
    ...(after.campaigns ? [campaignsSection(after.campaigns, after.machine)] : []),
    memorySection(after, before),
    ...(existsSync(join(root, EMBEDDED_STORE_RECORD))
      ? [embeddedStoreSection(JSON.parse(readFileSync(join(root, EMBEDDED_STORE_RECORD), 'utf8')), 'store')]
      : []),
    ...(existsSync(join(root, HEAP_LIMIT_RECORD))
      ? [embeddedStoreSection(JSON.parse(readFileSync(join(root, HEAP_LIMIT_RECORD), 'utf8')), 'heap-limit')]
      : []),
    chaosSection(),
    methodSection(after.settings),
  ].join('\n');
}

function loadOf(machine) {
  return machine.loadAverage !== undefined ? ` (1-minute load average ${machine.loadAverage} when it started)` : '';
}

/** The machine's speed when the run started (calibrateMachine), in words; nothing for a record made before it was measured. */
function calibrationOf(machine) {
  const calibration = machine.calibration;
  if (!calibration) return '';
  return (
    ` Its speed when the run started (\`calibrateMachine\` in \`tools/bench/lib/machine.mjs\`, a fresh process): a fixed unit of JavaScript (JSON, regular ` +
    `expressions, small objects) took ${round(calibration.steadyMs, 3)} ms of CPU run back to back and ${round(calibration.afterSleepMs, 3)} ms run after a ` +
    `${calibration.sleepMs} ms sleep (× ${round(calibration.afterSleepMs / calibration.steadyMs, 1)}): the same code costs this machine more after idling, ` +
    'which is what a sequential send does between its Twilio requests, and both figures move between runs (read runs made at different times with them).'
  );
}

function beforeParagraph(before) {
  if (!before) return '**Before**: no record (`tools/bench/records/before.json`), so the before columns are empty.';
  const { machine } = before;
  return (
    `**Before** is the API of ${before.build.label} (embedded store ${before.build.embedded}), measured ${machine.date} by this same harness (\`node tools/bench/run.mjs ` +
    `--api <its checkout> --record ${BEFORE_RECORD}\`: same sandbox, driver, settings and machine, ${round(before.minutes, 1)} min${loadOf(machine)}); its raw figures are kept in ` +
    `\`${BEFORE_RECORD}\` and not re-measured by each run (that would double its length). **After** is this run. Ratios between the two compare runs ` +
    'made at different times on a shared machine: read them with the load averages.'
  );
}

// ——— Summary ———

function summaryTable(after, before) {
  const rows = [
    memoryRow(after, before),
    cpuRow(after, before, 'postgres'),
    cpuRow(after, before, 'embedded'),
    databaseCallsRow(after, before, 'postgres'),
    databaseCallsRow(after, before, 'embedded'),
    ownTimeRow(after, before),
    latencyRatioRow(after, before),
    throughputRow(after, before, 'postgres'),
    throughputRow(after, before, 'embedded'),
    conversationsRow(after, before),
    cleanupRow(after, before),
    ...campaignRows(after),
    criticalPathRow(after.requests),
  ];
  return [
    '## Summary',
    '',
    '| What | Target | Before | After | Verdict |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

function memoryRow(after, before) {
  const peak = (results) => config(results, 'embedded')?.apiPeakRssMiB[0];
  const value = peak(after);
  return [
    'API peak RSS through the throughput run, embedded database',
    `≤ ${TARGETS.embeddedPeakRssMiB} MiB`,
    orDash(peak(before), (mib) => `${round(mib, 0)} MiB (${before.build.embedded})`),
    orDash(value, (mib) => `**${round(mib, 0)} MiB** (${after.build.embedded})`),
    value === undefined ? '—' : verdict(value <= TARGETS.embeddedPeakRssMiB, `${round(value - TARGETS.embeddedPeakRssMiB, 0)} MiB over`),
  ];
}

function cpuRow(after, before, database) {
  const id = database === 'postgres' ? 'postgres' : 'embedded';
  const target = TARGETS.mainThreadMsPerSend[database];
  const value = orUndefined(config(after, id), mainThreadMsPerSend);
  return [
    `API main-thread CPU per send, ${database === 'postgres' ? 'PostgreSQL' : 'embedded'} (fire-and-forget, 1 process, the throughput run)`,
    `≤ ${target} ms`,
    orDash(orUndefined(config(before, id), mainThreadMsPerSend), (ms) => `${round(ms, 2)} ms`),
    orDash(value, (ms) => `**${round(ms, 2)} ms**`),
    value === undefined ? '—' : verdict(value <= target, `${round(value - target, 2)} ms over (where it goes: "Where the API's CPU per send goes")`),
  ];
}

function databaseCallsRow(after, before, database) {
  const id = database === 'postgres' ? 'postgres' : 'embedded';
  const total = (results) => orUndefined(config(results, id), (run) => totalOf(run.databaseCalls.sequential));
  const value = total(after);
  const unit = database === 'postgres' ? 'round trips' : 'statements';
  // The same send in Flex Conversations mode (the path on a real account), one at a time and under load: beside the
  // figure held to the target, not instead of it.
  const conversations = config(after, database === 'postgres' ? 'conversations-postgres' : 'conversations-embedded');
  const inConversations = conversations
    ? ` (Flex Conversations mode: ${round(totalOf(conversations.databaseCalls.sequential), 2)} one at a time, ${round(totalOf(conversations.databaseCalls.underLoad), 2)} under load)`
    : '';
  return [
    `Database ${unit} per fire-and-forget send, ${database === 'postgres' ? 'PostgreSQL' : 'embedded'} (auth, rate limit, idempotency, journal, lock)`,
    `≤ ${TARGETS.databaseCallsPerSend}`,
    orDash(total(before), (n) => `${round(n, 1)}`),
    orDash(value, (n) => `**${round(n, 1)}**${inConversations}`),
    value === undefined
      ? '—'
      : verdict(
          value <= TARGETS.databaseCallsPerSend,
          `${round(value, 1)}: see "Database calls per send" for what each is for and why the rest cannot go`,
        ),
  ];
}

function ownTimeRow(after, before) {
  const own = (results) => results?.latency.rows.filter((row) => row.mode === 'legacy').map((row) => [row.flow, row.p50 - row.boundMs]);
  const values = own(after);
  const worst = Math.max(...values.map(([, ms]) => ms));
  return [
    "API's own time per sequential send, p50 (p50 − critical path × latency), embedded",
    `≤ ${TARGETS.ownTimeP50Ms} ms on both flows`,
    orDash(own(before), (rows) => rows.map(([flow, ms]) => `${flow} ${round(ms, 1)} ms`).join(', ')),
    values.map(([flow, ms]) => `${flow} **${round(ms, 1)} ms**`).join(', '),
    verdict(worst <= TARGETS.ownTimeP50Ms, `${round(worst - TARGETS.ownTimeP50Ms, 1)} ms over (why: "Latency")`),
  ];
}

function latencyRatioRow(after, before) {
  const ratios = (results) => results?.latency.rows.filter((row) => row.mode === 'legacy').map((row) => [row.flow, row.ratioP50]);
  const values = ratios(after);
  const worst = Math.max(...values.map(([, ratio]) => ratio));
  return [
    `Latency p50 ÷ critical-path bound (critical path × ${after.latency.latencyMs} ms)`,
    `≤ ${TARGETS.latencyRatioP50}`,
    orDash(ratios(before), (rows) => rows.map(([flow, ratio]) => `${flow} ${round(ratio, 3)}`).join(', ')),
    values.map(([flow, ratio]) => `${flow} **${round(ratio, 3)}**`).join(', '),
    verdict(worst <= TARGETS.latencyRatioP50, `missed by ${round((worst / TARGETS.latencyRatioP50 - 1) * 100, 1)}% (why: "Latency")`),
  ];
}

function throughputRow(after, before, database) {
  const id = database === 'postgres' ? 'postgres' : 'embedded';
  const target = TARGETS.throughputShare[database];
  const describe = (results) => {
    const run = config(results, id);
    if (!run) return undefined;
    const bounds = boundsOf(run, results.throughput);
    return { run, bounds, share: run.ratePerSecond / bounds.bound };
  };
  const now = describe(after);
  const then = describe(before);
  const text = ({ run, bounds, share }, bold) =>
    `${bold ? '**' : ''}${round(run.ratePerSecond, 0)}/s = ${round(share * 100, 1)}%${bold ? '**' : ''} of ${round(bounds.bound, 0)}/s, ${run.failed} failed`;
  return [
    `Throughput ÷ the binding bound, ${database === 'postgres' ? 'PostgreSQL, 1 API process' : 'embedded'} (fire-and-forget; bounds in "Throughput")`,
    `≥ ${target * 100}%, 0 failed`,
    orDash(then, (figures) => text(figures, false)),
    orDash(now, (figures) => text(figures, true)),
    now ? verdict(now.share >= target && now.run.failed === 0, `${round((target - now.share) * 100, 1)} points short (why: "Throughput")`) : '—',
  ];
}

function conversationsRow(after, before) {
  const figures = (results) => {
    if (!results) return undefined;
    const rows = results.requests.conversations?.rows;
    const agent = rows?.find((row) => row.flow === 'Agent flow (task, no initial message)');
    const message = rows?.find((row) => row.flow === 'Fire-and-forget (message)');
    const run = config(results, 'conversations-postgres');
    const embedded = config(results, 'conversations-embedded');
    const latency = results.latency.rows.filter((row) => row.mode === 'conversations');
    if (!agent || !message) return undefined;
    return (
      `agent SMS ${agent.api.total} requests (critical path ${agent.api.critical}), fire-and-forget ${message.api.total} (${message.api.critical}); ` +
      `p50 ${latency.map((row) => `${row.flow} ${round(row.p50, 0)} ms = ${round(row.ratioP50, 2)} × bound`).join(', ')}; ` +
      `${[embedded, run]
        .filter(Boolean)
        .map(
          (candidate) =>
            `${nameOf(candidate, results.build)}: ${round(candidate.ratePerSecond, 0)}/s = ${round((candidate.ratePerSecond / boundsOf(candidate, results.throughput).bound) * 100, 0)}% of ${round(boundsOf(candidate, results.throughput).bound, 0)}/s, ${round(mainThreadMsPerSend(candidate), 2)} ms main thread, peak ${round(candidate.apiPeakRssMiB[0], 0)} MiB`,
        )
        .join('; ')}`
    );
  };
  return [
    'Flex Conversations mode (new in the bench)',
    'the same figures',
    orDash(figures(before), (text) => text),
    figures(after) ?? '—',
    'see "Flex Conversations mode" rows below',
  ];
}

function cleanupRow(after, before) {
  const shares = (results) => results?.cleanup.runs.map((run) => [run.concurrency, run.ratePerSecond / run.concurrencyBoundPerSecond]);
  const values = shares(after);
  const worst = Math.min(...values.map(([, share]) => share));
  return [
    'Clean-up rate ÷ what its concurrency allows',
    `≥ ${TARGETS.cleanupShareOfConcurrency * 100}% at ${values.map(([concurrency]) => concurrency).join(' and ')}`,
    orDash(shares(before), (rows) => rows.map(([concurrency, share]) => `${concurrency}: ${round(share * 100, 1)}%`).join(', ')),
    values.map(([concurrency, share]) => `${concurrency}: **${round(share * 100, 1)}%**`).join(', '),
    verdict(
      worst >= TARGETS.cleanupShareOfConcurrency,
      `${round((TARGETS.cleanupShareOfConcurrency - worst) * 100, 1)} points short (why: "Clean-up")`,
    ),
  ];
}

function criticalPathRow(requests) {
  const worst = Math.max(...requests.rows.map((row) => row.api.critical));
  const worstTask = Math.max(...requests.rows.filter((row) => row.flow.startsWith('Agent flow (task, no')).map((row) => row.api.critical));
  const flat = isFlat(requests.rows, (row) => row.api.total);
  return [
    'Critical path per initiate (Twilio round trips), legacy mode',
    `≤ ${TARGETS.criticalPath} (task flow ${TARGETS.criticalPathTask}), flat across account sizes`,
    '—',
    `${worst} (task flow ${worstTask}); totals ${flat ? 'flat' : 'NOT flat'} from ${requests.rows[0].size.toLocaleString('en')} to ${requests.rows.at(-1).size.toLocaleString('en')} sessions`,
    verdict(worst <= TARGETS.criticalPath && worstTask <= TARGETS.criticalPathTask && flat, 'see "Twilio requests per initiate"'),
  ];
}

// ——— Database calls ———

const CATEGORY_ORDER = [
  'auth',
  'rate limit',
  'idempotency',
  'consent',
  'lock',
  'journal + lock + consent',
  'journal + lock',
  'journal + consent',
  'journal',
  'journal + unlock',
  'transaction',
  'delivery',
  'system callbacks',
  'campaigns',
  'other',
];

function databaseCallsSection(after, before) {
  const rows = [];
  const add = (what, calls, beforeCalls, unit) =>
    rows.push(`| ${what} | ${unit} | ${orDash(beforeCalls, breakdown)} | ${orDash(calls, (value) => `**${breakdown(value)}**`)} |`);
  for (const id of ['embedded', 'postgres', 'conversations-embedded', 'conversations-postgres']) {
    const run = config(after, id);
    if (!run) continue;
    const then = config(before, id);
    const unit = run.database === 'postgres' ? 'round trips' : 'statements';
    add(`${nameOf(run, after.build)}, fire-and-forget, one send at a time`, run.databaseCalls.sequential, then?.databaseCalls.sequential, unit);
    add(
      `${nameOf(run, after.build)}, fire-and-forget, ${after.throughput.clientConcurrency} at once (the throughput run)`,
      run.databaseCalls.underLoad,
      then?.databaseCalls.underLoad,
      unit,
    );
  }
  for (const row of after.latency.rows.filter((candidate) => candidate.flow === 'task')) {
    const then = before?.latency.rows.find((candidate) => candidate.mode === row.mode && candidate.flow === row.flow);
    add(
      `${row.mode === 'conversations' ? 'Flex Conversations mode, ' : ''}${after.build.embedded} (embedded), agent flow (task), one at a time, follow-up after the answer included`,
      row.databaseCallsPerSend,
      then?.databaseCallsPerSend,
      'statements',
    );
  }
  return [
    '## Database calls per send',
    '',
    'What a send asks of its database, counted from outside the product for both builds, by what each call is for (from its SQL): **auth** (a stored API ' +
      "key's row; the bench calls with the bootstrap key, which needs none), **rate limit** (the per-caller send counter), **idempotency** (none: the bench sends " +
      'no `Idempotency-Key`), **lock** (the pair lock on its own), **journal** (its writes and reads; **+ lock** / **+ unlock** when the same statement takes or ' +
      "releases the pair lock), **transaction** (BEGIN/COMMIT), **consent** (the opt-out look-up before anything is made in Twilio; **+ consent** when the journal's first write asks it), **delivery** (a message's " +
      'delivery status), **system callbacks** (the outbox: the sender claiming due callbacks when a change queued one, and its poll), **campaigns** (the campaign ' +
      "runner's housekeeping; none of it belongs to a send: a background poll counted in whatever window it falls). On PostgreSQL each is a round trip to the server; on an embedded database a call into it on the " +
      "API's main thread (SQLite: a statement; PGlite: a query into its WebAssembly PostgreSQL).",
    '',
    '| Send | Unit | Before | After |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    `Why a fire-and-forget send still makes more than ${TARGETS.databaseCallsPerSend} on PostgreSQL: the journal must be written at four points, each before ` +
      'something it guards. (1) Before the first Twilio request: the request itself, with the pair lock taken and the consent register asked by the same ' +
      'statement (a customer who texted STOP is refused before anything is made in Twilio; **+ consent**). (2) After the Flex channel is ' +
      'made and before the Proxy session is asked for: nothing but this row names the channel (and its task), so a crash after it would leave it to no one; the check ' +
      '"did another request record this channel?" is part of the same statement. (3) Before the message is posted: an SMS cannot be unsent, so the request makes sure ' +
      'its journal can still be written (a database down or a disk failing fails it before anyone is texted, and its retry texts once, as ' +
      '`apps/api/src/store/embedded-disk-full.http.spec.ts` checks). (4) The outcome, with the steps not written yet, releasing the pair lock as it commits. The send ' +
      'rate limit is one more: a counter shared by every API instance, counted before the request runs (then counted ahead in blocks: a fraction per send). ' +
      "The system-callback claim is the outbox sender woken by the send's outcome (the outcome and its callback row are written by one statement); " +
      'it finds nothing to send when the caller has no callback URL, and a burst of sends shares one claim. In Flex Conversations mode (2) does not exist: the ' +
      'conversation is named after its request, so recovery finds it without the journal. A step recovery can find without the journal (the Proxy ' +
      'session, named after its channel; a Conversations-mode conversation, named after its request) or need not undo (a message, a look-up) waits for the next of ' +
      'these writes (`mustJournalAtOnce` in `libs/flex-sms-domain/src/outbound/undo.ts`).',
    '',
  ].join('\n');
}

function breakdown(calls) {
  const entries = Object.entries(calls).filter(([, count]) => count >= 0.005);
  entries.sort(([a], [b]) => CATEGORY_ORDER.indexOf(a) - CATEGORY_ORDER.indexOf(b));
  return `${round(totalOf(calls), 2)}${entries.length ? ` (${entries.map(([category, count]) => `${category} ${round(count, 2)}`).join(', ')})` : ''}`;
}

function totalOf(calls) {
  return Object.values(calls).reduce((sum, count) => sum + count, 0);
}

// ——— Requests per initiate ———

function requestsSection(result) {
  const rows = result.rows.map(
    (row) =>
      `| ${row.size.toLocaleString('en')} | ${row.flow} | ${row.api.total}${row.api.totalMin !== row.api.total ? ` (min ${row.api.totalMin})` : ''} | ${row.api.afterAnswer} | ` +
      `${row.api.critical}${row.api.criticalMin !== row.api.critical ? ` (min ${row.api.criticalMin})` : ''} | ${row.baseline.total} | ${row.baseline.critical} | ${round(row.baseline.ms, 0)} ms |`,
  );
  const cold = result.coldStart;
  const conversations = result.conversations;
  return [
    '## Twilio requests per initiate',
    '',
    `Account: the sandbox's demo Flex account plus ${result.extraFlexFlows} extra Flex Flows, grown to each number of Proxy sessions. ` +
      `${result.latencyMs} ms injected per Twilio request so that requests sent in parallel visibly overlap. **API**: the worst of ${result.samples} ` +
      'initiates per row, each for a new customer, warm Flex Flow cache. **Critical path**: the longest chain of requests each starting after the ' +
      "previous one finished (requests overlapping in the log count once). **After the answer**: the agent flow journals the channel's " +
      '`proxySession` attribute write as a pending step and does it right after answering (fetch + update of the channel); counted in the ' +
      "total, not on the response path. **Baseline**: the original Functions' pattern on the official SDK against the same sandbox in the same run " +
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
    ...(conversations
      ? [
          `**Flex Conversations mode** (\`OUTBOUND_MODE=conversations\`, same sandbox and latency; no Proxy sessions, so one row per flow; worst of ${result.samples}):`,
          '',
          '| Flow | API total | API critical path | Requests |',
          '| --- | ---: | ---: | --- |',
          ...conversations.rows.map((row) => `| ${row.flow} | ${row.api.total} | ${row.api.critical} | \`${row.api.endpoints.join('`, `')}\` |`),
          '',
          `Cold start: agent flow ${conversations.coldStart.task.total} requests / ${conversations.coldStart.task.critical} on the critical path, fire-and-forget ` +
            `${conversations.coldStart.message.total} / ${conversations.coldStart.message.critical}.`,
          '',
        ]
      : []),
  ].join('\n');
}

// ——— Latency ———

function latencySection(after, before) {
  const result = after.latency;
  const beforeRow = (row) => before?.latency.rows.find((candidate) => candidate.mode === row.mode && candidate.flow === row.flow);
  const rows = result.rows.map((row) => {
    const then = beforeRow(row);
    return (
      `| ${row.mode === 'conversations' ? 'Conversations' : 'legacy'} | \`${row.route}\` | ${row.calls} | ${row.criticalPath} | ${row.boundMs} ms | ` +
      `${orDash(then, (figures) => `${round(figures.p50, 1)} ms (${round(figures.p50 - figures.boundMs, 1)} ms, ${round(figures.ratioP50, 3)})`)} | ` +
      `**${round(row.p50, 1)} ms** | ${round(row.p95, 1)} ms | ${round(row.p99, 1)} ms | **${round(row.ratioP50, 3)}** / ${round(row.ratioP95, 2)} / ${round(row.ratioP99, 2)} | **${round(row.p50 - row.boundMs, 1)} ms** |`
    );
  });
  const legacy = result.rows.filter((row) => row.mode === 'legacy');
  const missed = legacy.filter((row) => row.ratioP50 > TARGETS.latencyRatioP50 || row.p50 - row.boundMs > TARGETS.ownTimeP50Ms);
  // The same send under load, warm: the throughput run's main-thread CPU per fire-and-forget send, same database.
  const underLoad = (row) => {
    const run = config(after, row.mode === 'conversations' ? 'conversations-embedded' : 'embedded');
    return row.flow === 'message' && run ? mainThreadMsPerSend(run) : undefined;
  };
  const decomposed = result.rows.filter((row) => row.outsideTwilioP50 !== undefined);
  const whereRows = decomposed.map(
    (row) =>
      `| ${row.mode === 'conversations' ? 'Conversations' : 'legacy'} | \`${row.route}\` | ${round(row.p50 - row.boundMs, 1)} ms | **${round(row.outsideTwilioP50, 1)} ms** | ` +
      `${round(row.twilioP50 - row.boundMs, 1)} ms | **${round(row.apiMainThreadCpuMsPerCall, 2)} ms** | ${round(row.sandboxCpuMsPerCall, 2)} ms | ` +
      `${orDash(row.withoutLatency, (none) => `${round(none.p50, 1)} ms; **${round(none.apiMainThreadCpuMsPerCall, 2)} ms**; ${round(none.sandboxCpuMsPerCall, 2)} ms`)} | ${orDash(underLoad(row), (ms) => `${round(ms, 2)} ms`)} |`,
  );
  const where = decomposed.length
    ? [
        "Where the time beyond the bound went, per call (medians), from the sandbox's request log and each call's start and end on the same clock (epoch, sub-millisecond; " +
          'the driver and the sandbox read it separately, so allow a fraction of a millisecond): **outside Twilio** is the part of the call during which none of its ' +
          "Twilio requests was in flight at the sandbox: the API's own work before, between and after them, and the loopback hops to and from it. **Sandbox beyond the " +
          `latency** is how much longer its requests were in flight than the ${result.latencyMs} ms it injects per request on the critical path: the sandbox's own processing and its ` +
          "timers firing late (a real Twilio's latency is its own). **CPU per call**: the processes' CPU over the calls (/proc). **No latency**: the same number of " +
          'calls again right after, with no latency injected, so no process idles between the steps of a call: p50 (all of it the API and the sandbox), then the ' +
          "API's main-thread and the sandbox's CPU per call. **Under load**: the API's main-thread CPU per fire-and-forget send in the throughput run (same database).",
        '',
        '| Mode | Route | p50 − bound | Outside Twilio (API) | Sandbox beyond the latency | API main-thread CPU per call | Sandbox CPU per call | No latency: p50; API main thread; sandbox per call | Under load: API main thread per send |',
        '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
        ...whereRows,
        '',
        ...latencyWhy(decomposed, underLoad, after.machine.calibration),
        '',
      ]
    : [];
  return [
    '## Latency',
    '',
    `${result.latencyMs} ms injected per Twilio request; sequential calls (one at a time), each for a new customer, after one warm-up call per route, on the embedded database ` +
      "(the default). Bound = critical path × latency: what a server with zero cost of its own would answer in; p50 − bound is the API's own time per call (HTTP and " +
      'auth, validation, the rate limit, the journal and the pair lock).',
    '',
    '| Mode | Route | Calls | Critical path | Bound | Before: p50 (own time, ÷ bound) | p50 | p95 | p99 | p50 / p95 / p99 ÷ bound | p50 − bound (own time) |',
    '| --- | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- | ---: |',
    ...rows,
    '',
    missed.length === 0
      ? `Targets (own time ≤ ${TARGETS.ownTimeP50Ms} ms and p50 ≤ ${TARGETS.latencyRatioP50} × bound, legacy mode) met on both routes.`
      : `Targets (own time ≤ ${TARGETS.ownTimeP50Ms} ms, p50 ≤ ${TARGETS.latencyRatioP50} × bound) missed on ${missed.map((row) => `\`${row.route}\` (${round(row.p50 - row.boundMs, 1)} ms)`).join('; ')}.`,
    '',
    ...where,
  ].join('\n');
}

/** What the decomposition says, in figures: how much of the own time is the API's, and what the API's CPU per call is with and without idling. */
function latencyWhy(rows, underLoad, calibration) {
  return rows
    .filter((row) => row.mode === 'legacy')
    .map((row) => {
      const own = row.p50 - row.boundMs;
      const sandbox = row.twilioP50 - row.boundMs;
      const none = row.withoutLatency;
      const load = underLoad(row);
      return (
        `- \`${row.route}\` (legacy): of the ${round(own, 1)} ms beyond the bound, ${round(row.outsideTwilioP50, 1)} ms passed outside Twilio (the API and the hops) and ` +
        `${round(sandbox, 1)} ms was the sandbox beyond its injected latency. The API's main thread spent ${round(row.apiMainThreadCpuMsPerCall, 2)} ms of CPU per call` +
        (none
          ? `; the same calls with no latency, the processes never idling, ${round(none.apiMainThreadCpuMsPerCall, 2)} ms (× ${round(row.apiMainThreadCpuMsPerCall / none.apiMainThreadCpuMsPerCall, 2)}), ` +
            `and answered in ${round(none.p50, 1)} ms at p50, the sandbox's work included`
          : '') +
        (load === undefined ? '' : `; under load, ${round(load, 2)} ms per send`) +
        '.' +
        (none && row.apiMainThreadCpuMsPerCall > 1.2 * none.apiMainThreadCpuMsPerCall && none.p50 < own
          ? ` The same code costs more CPU when the process has idled through each Twilio request, and a whole call with nothing to wait for (${round(none.p50, 1)} ms) ` +
            `takes less than the ${round(own, 1)} ms the API and the sandbox add with latency: the idling, not more work, makes the difference` +
            (calibration
              ? ` (the machine's own figure, with no product code: × ${round(calibration.afterSleepMs / calibration.steadyMs, 1)} for a fixed unit of JavaScript after a ${calibration.sleepMs} ms sleep).`
              : '.')
          : '')
      );
    });
}

// ——— Throughput ———

function throughputSection(after, before) {
  const result = after.throughput;
  const runs = measured(result);
  const cores = after.machine.cores;
  const column = (format) => `| ${runs.map(format).join(' | ')} |`;
  const perSend = (run, seconds) => round((seconds * 1000) / run.succeeded, 2);
  const skipped = result.configurations.filter((run) => run.unavailable);
  const beforeOf = (run) => config(before, run.id);
  return [
    '## Throughput',
    '',
    `${result.sends.toLocaleString('en')} fire-and-forget sends (\`POST /api/v1/outbound/message\`, each a new customer) per configuration, client concurrency ${result.clientConcurrency} ` +
      `(spread round robin over the API processes), sandbox concurrency cap ${result.cap} requests in flight (429 beyond), ${result.latencyMs} ms per Twilio request. ` +
      'Each configuration starts fresh processes (and a fresh PostgreSQL cluster, fsync off, on this machine). **Embedded**: the default, the database inside the API process. ' +
      '**PostgreSQL server**: `DATABASE_URL`, as `docker-compose.yml` deploys it' +
      (runs.find((run) => run.databaseVersion) ? ` (${runs.find((run) => run.databaseVersion).databaseVersion})` : '') +
      '. **Flex Conversations mode**: `OUTBOUND_MODE=conversations`, every number on Conversations.',
    '',
    `Two bounds, and the rate is held to the lower: **cap bound** = cap ÷ (requests per send × ${result.latencyMs} ms), what the account's ${result.cap} requests in flight let ` +
      `through when each of a send's requests holds a slot for the whole latency; **client bound** = ${result.clientConcurrency} ÷ (critical path × ${result.latencyMs} ms), what the ` +
      `driver's ${result.clientConcurrency} sends in flight allow when each takes exactly its Twilio critical path. Targets: ≥ ${TARGETS.throughputShare.postgres * 100}% of the ` +
      `binding bound with one API process on PostgreSQL, ≥ ${TARGETS.throughputShare.embedded * 100}% embedded.`,
    '',
    `| | ${runs.map((run) => nameOf(run, after.build)).join(' | ')} |`,
    `| --- | ${runs.map(() => '---').join(' | ')} |`,
    `| Sends ${column(
      (run) =>
        `${run.succeeded.toLocaleString('en')} succeeded, ${run.failed} failed (${Object.entries(run.outcomes)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ')}) in ${round(run.seconds, 1)} s`,
    )}`,
    `| Requests per send, critical path ${column((run) => `${round(run.requestsPerSend, 2)}, ${run.criticalPath}`)}`,
    `| Cap bound / client bound ${column((run) => {
      const bounds = boundsOf(run, result);
      return `${round(bounds.capBound, 0)}/s / ${round(bounds.clientBound, 0)}/s: **${bounds.binding} binds**`;
    })}`,
    `| Rate ${column((run) => `**${round(run.ratePerSecond, 1)} sends/s**`)}`,
    `| ÷ binding bound ${column((run) => `**${round((run.ratePerSecond / boundsOf(run, result).bound) * 100, 1)}%**`)}`,
    `| Before: rate, ÷ its binding bound ${column((run) => orDash(beforeOf(run), (then) => `${round(then.ratePerSecond, 1)}/s, ${round((then.ratePerSecond / boundsOf(then, before.throughput).bound) * 100, 1)}%`))}`,
    `| Twilio requests ${column(
      (run) =>
        `${run.twilioRequests.toLocaleString('en')} (${Object.entries(run.twilioStatuses)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ')}); on average ${round(run.averageInFlight, 0)}, at peak ${run.peakInFlight} in flight`,
    )}`,
    `| CPU, cores busy over the run (user + system, /proc) ${column((run) => cpuBusy(run, cores))}`,
    `| API CPU per send (main thread) ${column((run) => `${perSend(run, run.cpu.api)} ms (**${run.cpu.apiMainThreads.map((seconds) => perSend(run, seconds * run.cpu.apiMainThreads.length)).join(' ms, ')} ms**)`)}`,
    `| API event-loop delay over the run: mean, p50, p99 (a callback ready to run waiting for the loop) ${column((run) =>
      orDash(run.eventLoop, (processes) =>
        processes.map((delay) => `${round(delay.mean, 1)} ms, ${round(delay.p50, 1)} ms, ${round(delay.p99, 1)} ms`).join('; '),
      ),
    )}`,
    `| Before: API CPU per send (main thread) ${column((run) => orDash(beforeOf(run), (then) => `${perSend(then, then.cpu.api)} ms (${then.cpu.apiMainThreads.map((seconds) => perSend(then, seconds * then.cpu.apiMainThreads.length)).join(' ms, ')} ms)`))}`,
    `| PostgreSQL server CPU per send ${column((run) => (run.database === 'postgres' ? `${perSend(run, run.cpu.database)} ms` : '— (inside the API)'))}`,
    `| One API process's ceiling: 1 s ÷ main-thread CPU per send ${column((run) => `${round(ceilingOf(run), 0)}/s`)}`,
    '',
    ...(skipped.length > 0 ? [`Not measured: ${skipped.map((run) => `${run.id} (${run.unavailable})`).join('; ')}.`, ''] : []),
    throughputWhy(after),
    '',
    profileSection(after, before),
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
function throughputWhy(after) {
  const result = after.throughput;
  const cores = after.machine.cores;
  const lines = measured(result).map((run) => {
    const bounds = boundsOf(run, result);
    const share = run.ratePerSecond / bounds.bound;
    const target = run.instances === 1 ? TARGETS.throughputShare[run.database === 'postgres' ? 'postgres' : 'embedded'] : undefined;
    const mainBusy = Math.max(...run.cpu.apiMainThreads) / run.seconds;
    const ours = (run.cpu.api + run.cpu.database + run.cpu.sandbox + run.cpu.driver) / run.seconds;
    const machineBusy = Math.max(ours, (run.cpu.machine ?? 0) / run.seconds);
    const criticalMs = run.criticalPath * result.latencyMs;
    // Little's law: sends in flight = rate × time per send.
    const perSendMs = (result.clientConcurrency / run.ratePerSecond) * 1000;
    const reasons = [];
    if (mainBusy >= 0.85)
      reasons.push(
        `the API's main thread was busy ${round(mainBusy * 100, 0)}% of the run: Node runs all of a process's JavaScript on that one thread, so at ${round(1000 / ceilingOf(run), 2)} ms per send one process cannot pass about ${round(ceilingOf(run), 0)} sends/s`,
      );
    if (machineBusy >= 0.85 * cores)
      reasons.push(
        `the machine itself was the limit: ${round(machineBusy, 2)} of its ${cores} cores busy (API${run.database === 'postgres' ? ', PostgreSQL' : ''}, sandbox and driver share them${machineBusy - ours >= 0.1 ? `, and other processes took ${round(machineBusy - ours, 2)}` : ''})`,
      );
    if ((run.twilioStatuses['429'] ?? 0) > 0)
      reasons.push(`Twilio's cap answered ${run.twilioStatuses['429']} requests 429 (retried after Retry-After)`);
    // The sandbox's own share: how long its requests were in flight on average (its request log), against the latency it injects.
    const requestMs = (run.averageInFlight * run.seconds * 1000) / run.twilioRequests;
    const twilioMs = run.criticalPath * requestMs;
    reasons.push(
      `by Little's law the driver's ${result.clientConcurrency} sends in flight took ~${round(perSendMs, 0)} ms each against the ${round(criticalMs, 0)} ms of their Twilio critical path. ` +
        `The sandbox's requests took ${round(requestMs, 1)} ms on average (${result.latencyMs} injected): ~${round(twilioMs - criticalMs, 0)} ms per send on the critical path was the ` +
        `sandbox's (its own work and its event loop's queue, on the same cores), and ~${round(perSendMs - twilioMs, 0)} ms the API's own work ` +
        `(${round(1000 / ceilingOf(run), 2)} ms of main-thread CPU, the rest waiting its turn on the event loop${mainBusy >= 0.5 ? `, ${round(mainBusy * 100, 0)}% busy,` : ''} behind the other sends, ` +
        `and on ${run.database === 'postgres' ? 'the PostgreSQL server' : 'the database'})` +
        (run.eventLoop?.length === 1
          ? `. Each step of a send that was ready to run (a Twilio answer, a database reply) waited ${round(run.eventLoop[0].mean, 1)} ms on average for the event loop ` +
            `(p99 ${round(run.eventLoop[0].p99, 0)} ms): the loop runs whatever the ${result.clientConcurrency} sends have ready in turn, so every step of a send queues behind the ` +
            "others' and the waits add up over a send's steps: less CPU per send is what shortens them"
          : ''),
    );
    const verdictText =
      target === undefined
        ? 'no target (2 processes)'
        : share >= target && run.failed === 0
          ? `target (≥ ${target * 100}%) met`
          : `target (≥ ${target * 100}%) missed by ${round((target - share) * 100, 1)} points`;
    return `- **${nameOf(run, after.build)}**: ${round(run.ratePerSecond, 0)}/s, ${round(share * 100, 1)}% of the ${bounds.binding} bound (${round(bounds.bound, 0)}/s), ${verdictText}. Where the time went: ${reasons.join('; ')}.`;
  });
  return lines.join('\n');
}

/** Where one API process's CPU goes per send, from the V8 profile of extra sends after the measured run. */
function profileSection(after, before) {
  const columns = [
    ...measured(after.throughput)
      .filter((run) => run.profile)
      .map((run) => ({ title: `After: ${nameOf(run, after.build)}`, run })),
    ...(before
      ? measured(before.throughput)
          .filter((run) => run.profile && ['embedded', 'postgres'].includes(run.id))
          .map((run) => ({ title: `Before: ${nameOf(run, before.build)}`, run }))
      : []),
  ];
  if (columns.length === 0) return '';
  const owners = [...new Set(columns.flatMap(({ run }) => run.profile.owners.slice(0, 9).map((entry) => entry.owner)))];
  const msOf = (run, owner) => (run.profile.owners.find((entry) => entry.owner === owner)?.ms ?? 0) / run.profile.sends;
  owners.sort((a, b) => msOf(columns[0].run, b) - msOf(columns[0].run, a));
  const share = (run, ms) => round(((ms * run.profile.sends) / run.profile.busyMs) * 100, 0);
  return [
    "### Where the API's CPU per send goes",
    '',
    `V8's sampling profiler (\`tools/bench/lib/cpu-profiler.cjs\`, 0.5 ms interval) on the API process during ${columns[0].run.profile.sends.toLocaleString('en')} more sends right after each measured run ` +
      '(the profiler adds cost of its own, so read the shares, not the absolute figures). Self time charged to the nearest package or part of the API on the ' +
      "stack (a socket write or a native call counts for whoever called it: SQLite's work inside `API: store`); ms per send, and share of the busy time.",
    '',
    `| Where | ${columns.map(({ title }) => title).join(' | ')} |`,
    `| --- | ${columns.map(() => '---:').join(' | ')} |`,
    ...owners.map(
      (owner) => `| ${owner} | ${columns.map(({ run }) => `${round(msOf(run, owner), 2)} ms (${share(run, msOf(run, owner))}%)`).join(' | ')} |`,
    ),
    `| Everything else | ${columns
      .map(({ run }) => {
        const rest = run.profile.busyMs / run.profile.sends - owners.reduce((sum, owner) => sum + msOf(run, owner), 0);
        return `${round(rest, 2)} ms (${share(run, rest)}%)`;
      })
      .join(' | ')} |`,
    `| **Total busy** | ${columns.map(({ run }) => `**${round(run.profile.busyMs / run.profile.sends, 2)} ms**`).join(' | ')} |`,
    '',
    ...columns.slice(0, 2).map(
      ({ title, run }) =>
        `Heaviest functions (self time), ${title}: ${run.profile.functions
          .slice(0, 8)
          .map((fn) => `\`${fn.name}\` ${round(fn.ms / run.profile.sends, 2)} ms`)
          .join(', ')}.`,
    ),
    '',
  ].join('\n');
}

// ——— Clean-up ———

function cleanupSection(after, before) {
  const result = after.cleanup;
  const runs = result.runs;
  const column = (format) => `| ${runs.map(format).join(' | ')} |`;
  const label = (run) => `\`CLEANUP_CONCURRENCY=${run.concurrency}\`${run.concurrency === result.defaultConcurrency ? ' (default)' : ''}`;
  const beforeOf = (run) => before?.cleanup.runs.find((candidate) => candidate.concurrency === run.concurrency);
  const [first] = runs;
  return [
    '## Clean-up',
    '',
    `${result.sessions.toLocaleString('en')} closed Proxy sessions seeded, then \`POST /api/v1/cleanup/proxy-sessions {"statuses":["closed"]}\` (202 + job), polled ` +
      `until finished; same cap and latency as the throughput run; once at the default concurrency and once at ${runs.at(-1).concurrency}, each on a fresh API and sandbox (embedded database). ` +
      `What the concurrency allows: min(concurrency, cap) sessions at once, each taking its ${round(first.requestsPerSession, 2)} sequential requests × 50 ms. Target: ≥ ${TARGETS.cleanupShareOfConcurrency * 100}% of it.`,
    '',
    `| | ${runs.map(label).join(' | ')} |`,
    `| --- | ${runs.map(() => '---').join(' | ')} |`,
    `| Job ${column((run) => `${run.status}: ${run.counts.done.toLocaleString('en')} done, ${run.counts.failed} failed, ${run.counts.skipped} skipped in ${round(run.seconds, 1)} s; ${run.remainingSessions} sessions left`)}`,
    `| Rate ${column((run) => `**${round(run.ratePerSecond, 1)} sessions/s**`)}`,
    `| ÷ what the concurrency allows ${column((run) => `**${round((run.ratePerSecond / run.concurrencyBoundPerSecond) * 100, 1)}%** of ${round(run.concurrencyBoundPerSecond, 0)}/s`)}`,
    `| Before: rate, ÷ what the concurrency allows ${column((run) => orDash(beforeOf(run), (then) => `${round(then.ratePerSecond, 1)}/s, ${round((then.ratePerSecond / then.concurrencyBoundPerSecond) * 100, 1)}%`))}`,
    `| ÷ cap bound, cap ÷ (${round(first.requestsPerSession, 2)} × 50 ms) = ${round(first.boundPerSecond, 0)}/s ${column((run) => `${round((run.ratePerSecond / run.boundPerSecond) * 100, 1)}%`)}`,
    `| Twilio requests ${column(
      (run) =>
        `${run.twilioRequests.toLocaleString('en')} (${Object.entries(run.twilioStatuses)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ')}); peak ${run.peakInFlight} in flight`,
    )}`,
    `| CPU, cores busy over the job ${column((run) => `API ${round(run.cpu.api / run.seconds, 2)} (main thread ${round(run.cpu.apiMainThread / run.seconds, 2)}), sandbox ${round(run.cpu.sandbox / run.seconds, 2)}`)}`,
    `| API CPU per session (main thread) ${column((run) => `${round((run.cpu.api * 1000) / run.counts.done, 2)} ms (${round((run.cpu.apiMainThread * 1000) / run.counts.done, 2)} ms)`)}`,
    '',
    `Requests per session: ${first.listingRequests} listing pages for the whole job, then ${round(first.requestsPerSession, 2)} per session, one after another (the handler awaits each): ` +
      `${Object.entries(first.endpoints)
        .map(([endpoint, count]) => `\`${endpoint}\` ${count.toLocaleString('en')}`)
        .join(', ')}.`,
    '',
    ...runs.map((run) => `- ${label(run)}: ${round(run.ratePerSecond, 1)} sessions/s, ${cleanupWhy(run)}.`),
    '',
    'Before, the job took its pending items in batches of 100 and each batch waited for its slowest item before the next was read: at 50 at once, each worker did ' +
      "two items a batch and then idled at every batch's end. Now the items are one stream read ahead of the workers, and the cancel flag is read once per " +
      `\`concurrency\` items instead of before each (\`libs/flex-sms-domain/src/jobs/cleanup-job-runner.ts\`).`,
    '',
    `Why the default is ${result.defaultConcurrency}: a clean-up job shares the account's concurrent-request limit with live sends (up to 2 requests in flight each), and Twilio answers ` +
      `429 beyond it. ${result.defaultConcurrency} sessions at once hold ${result.defaultConcurrency} of the 100 slots, leaving over 90% to live traffic, and still clean ` +
      `${result.sessions.toLocaleString('en')} sessions in ${round(result.sessions / runs[0].ratePerSecond / 60, 1)} min here (longer at real Twilio's latency). ` +
      '`CLEANUP_CONCURRENCY` (1 to 50) raises it for a one-off purge in a quiet hour.',
    '',
  ].join('\n');
}

function cleanupWhy(run) {
  const main = run.cpu.apiMainThread / run.seconds;
  const ofConcurrency = run.ratePerSecond / run.concurrencyBoundPerSecond;
  const met = ofConcurrency >= TARGETS.cleanupShareOfConcurrency;
  const rest = `${round(ofConcurrency * 100, 1)}% of what ${run.concurrency} sessions at once allow (target ${met ? 'met' : 'missed'})`;
  if (met) return `${rest}: the concurrency is the limit, by design`;
  if (main >= 0.85)
    return `${rest}: the API's main thread was busy ${round(main * 100, 0)}% (${round((run.cpu.apiMainThread * 1000) / run.counts.done, 2)} ms per session), so CPU, not Twilio, is the limit at this setting`;
  return `${rest}, main thread ${round(main * 100, 0)}% busy: the rest is each session's own work (its writes to the job's items, the SDK) between its requests`;
}

// ——— Campaigns ———

/** A run of `--only campaigns`: the machine, the campaigns' summary rows and their section. */
export function renderCampaignsOnly(after) {
  const { machine, quick, minutes } = after;
  return [
    '# Benchmarks: campaigns only',
    '',
    ...(quick ? ['> **Quick run (`--quick --only campaigns`): small counts, a smoke test of the harness. Not the figures to quote.**', ''] : []),
    `Measured ${machine.date} at commit \`${machine.commit}\` by \`node tools/bench/run.mjs${quick ? ' --quick' : ''} --only campaigns\` (${round(minutes, 1)} min) on ` +
      `${machine.cpuModel}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM, Node ${machine.node}${loadOf(machine)}.`,
    '',
    '| What | Target | After | Verdict |',
    '| --- | --- | --- | --- |',
    ...campaignRows(after).map(([what, target, , value, verdictText]) => `| ${what} | ${target} | ${value} | ${verdictText} |`),
    '',
    campaignsSection(after.campaigns, after.machine),
  ].join('\n');
}

/** Summary rows: each campaign run's rate and invariants, and the CSV's memory. None when the results have no campaigns (e.g. the before record). */
function campaignRows(after) {
  const result = after.campaigns;
  if (!result) return [];
  const target = TARGETS.campaignShareOfPacing * result.pacingPerSecond;
  const rows = result.runs.map((run) => {
    const what = `Campaign of ${result.recipients.toLocaleString('en')} over ${result.senders.length} senders at ${result.pacingPerSecond}/s each, ${campaignRunName(run)}`;
    const goal = `≥ ${round(target, 1)}/s per sender (${TARGETS.campaignShareOfPacing * 100}% of the pacing), 0 duplicates, 0 lost`;
    if (run.unavailable) return [what, goal, '—', `not measured: ${run.unavailable}`, '—'];
    const slowest = slowestSender(run);
    const rateOk = slowest >= target;
    const invariantsOk = run.duplicates === 0 && run.lost === 0;
    const value =
      `**${round(slowest, 1)}/s** slowest sender (${Object.values(run.rate.perSender)
        .map((sender) => round(sender.perSecond, 1))
        .join(', ')}); **${run.duplicates}** duplicates, **${run.lost}** lost` + (run.kill ? `; ${killSummary(run)}` : '');
    const misses = [
      ...(rateOk ? [] : [`rate ${round((1 - slowest / result.pacingPerSecond) * 100, 1)}% under the pacing (why: "Campaigns")`]),
      ...(run.duplicates ? [`${run.duplicates} recipients texted twice`] : []),
      ...(run.lost ? [`${run.lost} recipients lost`] : []),
    ];
    return [what, goal, '—', value, rateOk && invariantsOk ? 'met' : `**missed**: ${misses.join('; ')}`];
  });
  const [small, large, largest] = result.csv;
  if (largest) {
    const ratio = largest.peakRssMiB / large.peakRssMiB;
    rows.push([
      `API peak RSS while a CSV streams into a campaign (dry run), ${largest.rows.toLocaleString('en')} rows vs ${large.rows.toLocaleString('en')} (and ${small.rows.toLocaleString('en')})`,
      `flat: twice the rows add ≤ ${round((TARGETS.campaignCsvDoublingRatio - 1) * 100, 0)}% to the peak`,
      '—',
      `**${round(largest.peakRssMiB, 0)} MiB** vs ${round(large.peakRssMiB, 0)} MiB (× ${round(ratio, 2)}; ${round(small.peakRssMiB, 0)} MiB for ${small.rows.toLocaleString('en')} rows)`,
      verdict(ratio <= TARGETS.campaignCsvDoublingRatio, `× ${round(ratio, 2)}: ${round(largest.peakRssMiB - large.peakRssMiB, 0)} MiB more`),
    ]);
  }
  return rows;
}

function campaignRunName(run) {
  return run.instances === 1 ? '1 API process, embedded database' : `${run.instances} API processes on one PostgreSQL, one SIGKILLed halfway`;
}

function slowestSender(run) {
  return Math.min(...Object.values(run.rate.perSender).map((sender) => sender.perSecond));
}

function killSummary(run) {
  const { kill } = run;
  return (
    `killed at ${kill.sentAtKill.toLocaleString('en')} sent (${kill.sendingAtKill} claimed); ` +
    (kill.restarted
      ? `${kill.stuckBeforeRestart} stayed \`sending\` until the killed process was restarted (settled ${round(kill.settledAfterRestartSeconds, 1)} s after)`
      : `not restarted: the other finished alone, ${round(kill.finishedAfterKillSeconds, 1)} s after the kill (the dead one's sends in flight settled by its crash recovery)`)
  );
}

function campaignsSection(result, machine) {
  const runs = result.runs.filter((run) => !run.unavailable);
  const skipped = result.runs.filter((run) => run.unavailable);
  const column = (format) => `| ${runs.map(format).join(' | ')} |`;
  const target = TARGETS.campaignShareOfPacing * result.pacingPerSecond;
  const [small, large, largest] = result.csv;
  return [
    '## Campaigns',
    '',
    `One campaign of ${result.recipients.toLocaleString('en')} recipients (\`POST /api/v1/campaigns\`, a CSV upload) over ${result.senders.length} sender numbers ` +
      `(${result.senders.map((sender) => `\`${sender}\``).join(', ')}: the demo account's two, and two bought at the start of the run through Twilio's own APIs — ` +
      'IncomingPhoneNumbers, the Proxy pool, an SMS Studio Flex Flow), paced at ' +
      `${result.pacingPerSecond} messages/s per sender, no quiet hours, ${result.latencyMs} ms injected per Twilio request. Each run starts fresh processes. ` +
      "**Rate**: per sender, from the sandbox's Message records (`date_created`, whole seconds: the messages in the whole seconds of the steady part, " +
      `its ${STEADY_SHARE}); all senders together, from the request log's chat message creates (sub-millisecond times) over the same part. ` +
      "**Duplicates**: recipients whose handset received more than one message (the sandbox's handsets). **Lost**: recipients not in a final state, " +
      'or `sent` without exactly one message on their handset.',
    '',
    `| | ${runs.map(campaignRunName).join(' | ')} |`,
    `| --- | ${runs.map(() => '---').join(' | ')} |`,
    `| Campaign ${column(
      (run) =>
        `${run.status} in ${round(run.seconds, 1)} s; ${Object.entries(run.states)
          .map(([state, count]) => `${state} ${count.toLocaleString('en')}`)
          .join(', ')}`,
    )}`,
    `| Per sender, steady part (target ≥ ${round(target, 1)}/s) ${column((run) =>
      Object.entries(run.rate.perSender)
        .map(([sender, figures]) => `${sender.slice(-3)}: **${round(figures.perSecond, 1)}/s**`)
        .join(', '),
    )}`,
    `| All senders, request log ${column((run) => `${round(run.rate.allSenders, 1)}/s = ${round(run.rate.allSendersPerSender, 1)}/s per sender over ${round(run.rate.steadySeconds, 0)} s` + (run.rate.aroundKill ? `; before the kill ${rateText(run.rate.aroundKill.before)}, after it ${rateText(run.rate.aroundKill.after)}` : ''))}`,
    `| Duplicates / lost ${column((run) => `**${run.duplicates}** / **${run.lost}** (not final ${run.notFinal}, sent without one message ${run.sentWithoutOneMessage})`)}`,
    `| Failed, yet texted ${column((run) => `${run.failedButTexted} (settled failed after Twilio took the message: never sent again)`)}`,
    `| Messages in the sandbox ${column((run) => run.messagesInSandbox.toLocaleString('en'))}`,
    `| Twilio load, steady part ${column((run) => `${round(run.rate.requestsPerMessage, 2)} requests per message, ${round(run.rate.averageInFlight, 1)} in flight on average`)}`,
    `| The kill ${column((run) => (run.kill ? `SIGKILL of one process at ${round(run.kill.atSeconds, 1)} s; ${killSummary(run)}` : '—'))}`,
    `| CPU, cores busy (of ${machine.cores}) ${column((run) =>
      run.kill
        ? `before the kill: ${campaignCpuText(run.kill.cpuBefore, run.kill.sentAtKill)}; after it: ${campaignCpuText(run.kill.cpuAfter, run.counts.sent - run.kill.sentAtKill)}`
        : campaignCpuText(run.cpu, run.counts.sent),
    )}`,
    ...(skipped.length ? ['', ...skipped.map((run) => `Not measured: ${campaignRunName(run)} (${run.unavailable}).`)] : []),
    '',
    ...runs.map((run) => `- ${campaignRunName(run)}: ${campaignWhy(run, result, machine)}.`),
    '',
    `**Memory while a CSV streams in**: \`POST /api/v1/campaigns?dryRun=true\` with a \`text/csv\` body sent chunk by chunk, on a fresh API process (embedded ` +
      `database) whose peak RSS (VmHWM) was ${small.peakReset && large.peakReset ? 'reset just before the upload (`/proc/<pid>/clear_refs`), so start-up is not counted' : 'not resettable here: it includes start-up'}; ` +
      'RSS also sampled every 50 ms during the upload.',
    '',
    '| Rows | Bytes | Took | API at rest | API peak | Sampled peak | Report: to send |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...result.csv.map(
      (run) =>
        `| ${run.rows.toLocaleString('en')} | ${run.bytes < 1024 * 1024 ? `${round(run.bytes / 1024, 0)} KiB` : `${round(run.bytes / 1024 / 1024, 1)} MiB`} | ${round(run.seconds, 1)} s | ${round(run.restingRssMiB, 0)} MiB | ` +
        `**${round(run.peakRssMiB, 0)} MiB** | ${round(run.sampledPeakRssMiB, 0)} MiB | ${run.toSend.toLocaleString('en')} |`,
    ),
    '',
    `${large.rows.toLocaleString('en')} rows peaked ${round(large.peakRssMiB - small.peakRssMiB, 0)} MiB above ${small.rows.toLocaleString('en')} rows ` +
      '(the heap grows to its working size while batches come and go, within the `--max-old-space-size` that `npm start` sets)' +
      (largest
        ? `, and ${largest.rows.toLocaleString('en')} rows ${round(largest.peakRssMiB - large.peakRssMiB, 0)} MiB above ${large.rows.toLocaleString('en')}: what more rows add once streaming is under way`
        : '') +
      ': the file is read in batches of 500 rows (csv-parse on the request stream), checked and written, and never held whole.',
    '',
  ].join('\n');
}

/** A rate over a window too short to have two messages (a quick run's tail after the kill) reads as a dash. */
function rateText(perSecond) {
  return Number.isFinite(perSecond) ? `${round(perSecond, 1)}/s` : '— (too few messages)';
}

const STEADY_SHARE = '10th to 90th percentile of the messages by time';

/**
 * Where a campaign run's CPU went (cpuSnapshot/cpuBetween over `cpu.seconds`), as cores busy, and the database's CPU
 * per message sent (`sent` in that window). Runs recorded before CPU was measured read as a dash.
 */
function campaignCpuText(cpu, sent) {
  if (!cpu) return '—';
  const busy = (seconds) => round(seconds / cpu.seconds, 2);
  const database = cpu.database ? `, PostgreSQL ${busy(cpu.database)} (${round((cpu.database * 1000) / sent, 1)} ms per message)` : '';
  return (
    `API ${busy(cpu.api)} (main thread${cpu.apiMainThreads.length > 1 ? 's' : ''} ${cpu.apiMainThreads.map(busy).join(' + ')})${database}, ` +
    `sandbox ${busy(cpu.sandbox)}, driver ${busy(cpu.driver)}; the machine ${busy(cpu.machine)}`
  );
}

/**
 * Why a run's rate is what it is, from its own figures: the pacing when it is met; otherwise what the run measured
 * of the kill (slots the dead process had claimed) and of the machine (cores busy), never a guess from the loop count.
 */
function campaignWhy(run, result, machine) {
  const slowest = slowestSender(run);
  const pacing = result.pacingPerSecond * result.senders.length;
  const share = `${round((slowest / result.pacingPerSecond) * 100, 1)}% of the pacing on the slowest sender`;
  if (slowest >= TARGETS.campaignShareOfPacing * result.pacingPerSecond) return `${share}: the pacing is the limit, by design`;
  const missed = `${share} (target missed by ${round((TARGETS.campaignShareOfPacing - slowest / result.pacingPerSecond) * 100, 1)} points)`;
  const before = run.rate.aroundKill?.before;
  if (run.kill && Number.isFinite(before) && before >= TARGETS.campaignShareOfPacing * pacing) {
    // A claim moves its sender's slot on (up to the lookahead ahead of time): the dead process's claims took slots
    // nobody sends in, and their recipients wait for crash recovery.
    const lostSeconds = run.kill.sendingAtKill / pacing;
    return (
      `${missed}, but ${round(before, 1)}/s all together before the kill (${pacing}/s paced): the send loops kept the pacing. The shortfall is the kill: the ` +
      `${run.kill.sendingAtKill} recipients the dead process had claimed had taken their senders' slots (a claim moves the slot on, up to 500 ms ahead) ` +
      `and wait for its crash recovery, ~${round(lostSeconds, 1)} s of pacing lost in a steady part of ${round(run.rate.steadySeconds, 0)} s`
    );
  }
  const cpu = run.kill ? run.kill.cpuBefore : run.cpu;
  const machineBusy = cpu ? cpu.machine / cpu.seconds : NaN;
  if (machineBusy >= 0.85 * machine.cores)
    return (
      `${missed}. The machine was the limit: ${round(machineBusy, 2)} of its ${machine.cores} cores busy${run.kill ? ' before the kill' : ''} ` +
      `(${campaignCpuText(cpu, run.kill ? run.kill.sentAtKill : run.counts.sent)}), the API processes, the database, the sandbox and the driver sharing them`
    );
  return (
    `${missed}, with ${Number.isFinite(machineBusy) ? `${round(machineBusy, 2)} of ${machine.cores} cores busy` : 'CPU not measured'}: ` +
    `neither the pacing nor the machine explains it; see the CPU and the Twilio load rows`
  );
}

// ——— Memory ———

function memorySection(after, before) {
  const runs = measured(after.throughput);
  const mib = (values) => values.map((value) => `${round(value, 0)} MiB`).join(' + ');
  return [
    '## Memory',
    '',
    "Per throughput configuration (fresh processes each): the API's resident memory after start-up and one warm-up send (VmRSS), and its peak (VmHWM) at the end of " +
      `${after.throughput.sends.toLocaleString('en')} sends; for PostgreSQL, the server's memory (sum of PSS over its processes, so shared buffers count once).`,
    '',
    '| Configuration | Before: at rest → peak | API at rest | API peak | PostgreSQL server at rest → after the run |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...runs.map((run) => {
      const then = config(before, run.id);
      return (
        `| ${nameOf(run, after.build)} | ${orDash(then, (figures) => `${mib(figures.apiRestingRssMiB)} → ${mib(figures.apiPeakRssMiB)}${figures.database === 'embedded' ? ` (${before.build.embedded})` : ''}`)} | ` +
        `${mib(run.apiRestingRssMiB)} | **${mib(run.apiPeakRssMiB)}** | ${run.database === 'postgres' ? `${round(run.databaseRestingPssMiB, 0)} → ${round(run.databasePssMiB, 0)} MiB` : '— (inside the API)'} |`
      );
    }),
    '',
    'With SQLite the database is a library inside the API process (its page cache is a few MiB); with `DATABASE_URL` the API holds a connection pool ' +
      "and the database runs in its own server. Either way most of the API's memory is V8's heap, which grows with the requests in flight." +
      (after.build.embeddedNodeArgs?.length
        ? ` On its embedded database the API ran with \`${after.build.embeddedNodeArgs.join(' ')}\`, as \`npm start\` and \`npm run api\` start it ` +
          "(`EMBEDDED_API_NODE_ARGS`, tools/scripts/lib.mjs): with V8's defaults, which size the heap for the machine, the same SQLite build peaked at " +
          `${embeddedDefaultPeak() ?? 'more'} MiB through the same run ("Embedded store: PGlite vs SQLite"), most of it garbage not yet collected.` +
          (before ? ` The before build ran with V8's defaults.` : '')
        : ''),
    '',
  ].join('\n');
}

/** Peak RSS of the SQLite build on V8's defaults, from the embedded-store record (synchronous=NORMAL, the default). */
function embeddedDefaultPeak() {
  if (!existsSync(join(root, EMBEDDED_STORE_RECORD))) return undefined;
  const variant = JSON.parse(readFileSync(join(root, EMBEDDED_STORE_RECORD), 'utf8')).variants.find((candidate) =>
    candidate.label.includes('synchronous=NORMAL'),
  );
  return variant && round(variant.apiPeakRssMiB, 0);
}

// ——— Kept sections ———

/**
 * PGlite and SQLite (and SQLite's settings) as the embedded store (`kind` 'store'), or the embedded API's V8 heap
 * limits ('heap-limit'), from embedded-store.mjs's records.
 */
export function embeddedStoreSection(record, kind) {
  const { machine, variants } = record;
  const file = kind === 'store' ? EMBEDDED_STORE_RECORD : HEAP_LIMIT_RECORD;
  const mib = (value) => `${round(value, 0)} MiB`;
  const ms = (value) => `${round(value, 2)} ms`;
  const meets = (variant) =>
    variant.apiPeakRssMiB <= TARGETS.embeddedPeakRssMiB &&
    variant.mainThreadMsPerSend <= TARGETS.mainThreadMsPerSend.embedded &&
    variant.failed === 0;
  return [
    kind === 'store' ? '## Embedded store: PGlite vs SQLite' : '## Embedded API: V8 heap limit',
    '',
    `Measured ${machine.date} at commit \`${machine.commit}\` by \`tools/bench/embedded-store.mjs${kind === 'store' ? '' : ' --heap-limit'}\` on ${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node} ` +
      `(1-minute load average ${machine.loadAverage} when it started), once, ${kind === 'store' ? 'to choose the embedded database' : 'to choose the V8 flags `npm start` and `npm run api` give the API on its embedded database (`EMBEDDED_API_NODE_ARGS`, tools/scripts/lib.mjs)'}; kept as measured (not re-run by \`npm run bench\`), raw figures in ` +
      `\`${file}\`. Each ${kind === 'store' ? 'build' : 'setting'} of the API ran the throughput run's configuration for the embedded database, on fresh processes, one after another: ` +
      `${record.sends.toLocaleString('en')} fire-and-forget sends, client concurrency ${record.clientConcurrency}, sandbox cap ${record.cap} in flight, ${record.latencyMs} ms per Twilio request. ` +
      `Targets: API peak RSS ≤ ${TARGETS.embeddedPeakRssMiB} MiB through the run, API main-thread CPU ≤ ${TARGETS.mainThreadMsPerSend.embedded} ms per send.`,
    '',
    '| Build | Settings | API at rest | API peak | Main-thread CPU per send | API CPU per send (all threads) | Rate | Targets |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...variants.map(
      (variant) =>
        `| ${variant.label} | ${variant.settings} | ${mib(variant.apiRestingRssMiB)} | **${mib(variant.apiPeakRssMiB)}** | **${ms(variant.mainThreadMsPerSend)}** | ${ms(variant.apiCpuMsPerSend)} | ` +
        `${round(variant.ratePerSecond, 0)}/s (${variant.failed} failed) | ${meets(variant) ? 'met' : 'missed'} |`,
    ),
    '',
    "Where each build's main-thread time per send goes (V8 profile of " +
      `${record.profileSends.toLocaleString('en')} more sends after the run, self time charged to the nearest package or part of the API; the SQLite engine runs inside \`API: store\`'s calls):`,
    '',
    ...variants
      .filter((variant) => variant.profile)
      .map((variant) => `- ${variant.label}: ${variant.profile.owners.map((entry) => `${entry.owner} ${ms(entry.msPerSend)}`).join(', ')}.`),
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
      'or pending once recovery settles; every 201 the client got is `succeeded` in the journal and its message exists. A 100-recipient campaign over ' +
      'both senders (a few recipients opted out first) runs through the same faults and the kill: nobody texted twice, every recipient final, no ' +
      "opted-out one texted, the campaign's counts equal to what the sandbox's handsets received (`tools/chaos/campaign.mjs`). `--requests 120` is the " +
      'short version the test command runs.',
    '',
  ].join('\n');
}

function methodSection(settings) {
  return [
    '## How to reproduce',
    '',
    '```bash',
    'npm run bench              # full run, rewrites docs/BENCHMARKS.md (before columns from tools/bench/records/before.json)',
    'npm run bench -- --quick   # smoke test of the harness, writes test-results/BENCHMARKS.quick.md',
    "npm run bench -- --render <results.json>   # re-renders this document from a run's raw figures",
    'node tools/bench/run.mjs --quick --only campaigns   # the campaigns part alone, writes test-results/BENCHMARKS.campaigns.quick.md',
    "# the before record: another commit's API, extracted, installed and built, measured by this harness",
    'git archive 44dc487 | tar -x -C test-results/before && (cd test-results/before && npm ci && npx nx run-many -t build --projects=@flex-sms/api)',
    "node tools/bench/run.mjs --api test-results/before --label 'commit 44dc487' --record tools/bench/records/before.json",
    '```',
    '',
    `Counts of this run: account sizes ${settings.sizes.map((size) => size.toLocaleString('en')).join(', ')} Proxy sessions, ${settings.samples} API samples per row, ${settings.callsPerFlow} latency calls per route and mode, ` +
      `${settings.sends.toLocaleString('en')} throughput sends per configuration, ${settings.cleanupSessions.toLocaleString('en')} sessions cleaned${settings.campaignRecipients ? `, campaigns of ${settings.campaignRecipients.toLocaleString('en')} recipients, CSVs of 1,000 and ${settings.campaignCsvRows.toLocaleString('en')} rows` : ''}. Each scenario starts a fresh sandbox and API process. Code: \`tools/bench/\` ` +
      '(`requests-per-initiate.mjs`, `baseline.mjs`, `latency.mjs`, `throughput.mjs`, `cleanup.mjs`, `campaigns.mjs`; `lib/` holds the process, HTTP, request-log, PostgreSQL, CPU-profile and database-call helpers).',
    '',
    "Caveats: all processes share the same cores, so the sandbox's and driver's CPU use is taken from the API's; the sandbox answers from memory, so " +
      "its latency is exactly the injected one, which real Twilio's is not; loopback HTTP (and loopback PostgreSQL) costs far less than a real network round trip.",
    '',
  ].join('\n');
}

// ——— Helpers ———

function config(results, id) {
  return results?.throughput.configurations.find((run) => run.id === id && !run.unavailable);
}

function measured(throughput) {
  return throughput.configurations.filter((run) => !run.unavailable);
}

function nameOf(run, build) {
  const database = run.database === 'postgres' ? 'PostgreSQL server' : `${build.embedded} (embedded)`;
  const processes = run.instances === 1 ? '1 API process' : `${run.instances} API processes`;
  return `${run.mode === 'conversations' ? 'Conversations mode, ' : ''}${database}, ${processes}`;
}

function mainThreadMsPerSend(run) {
  return (run.cpu.apiMainThreads[0] * 1000 * run.cpu.apiMainThreads.length) / run.succeeded;
}

function orUndefined(value, read) {
  return value === undefined ? undefined : read(value);
}

function orDash(value, format) {
  return value === undefined ? '—' : format(value);
}

function verdict(ok, howMuch) {
  return ok ? 'met' : `**missed**: ${howMuch}`;
}

function isFlat(rows, value) {
  const byFlow = new Map();
  for (const row of rows) byFlow.set(row.flow, [...(byFlow.get(row.flow) ?? []), value(row)]);
  return [...byFlow.values()].every((values) => Math.max(...values) === Math.min(...values));
}
