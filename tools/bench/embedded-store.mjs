// `node tools/bench/embedded-store.mjs --variant '<label>::<API build main.js>::<settings>' …`: the embedded
// database compared across builds of the API, with the throughput run's own driver and settings (one API process on
// its embedded database, fresh processes per variant, run one after another in one session). It was used once, to
// choose the embedded store (PGlite or SQLite, and SQLite's `synchronous`); its raw figures are kept in
// tools/bench/records/embedded-store.json and docs/BENCHMARKS.md carries them (report.mjs renders the section from
// that file on every `npm run bench`, and this script rewrites it in place).
//
// `--heap-limit`: the same for V8 flags instead of builds (variants '<label>::<main.js>::<settings>::<node flags>'),
// recorded in tools/bench/records/heap-limit.json and its own section: it chose the embedded API's heap limit in `npm
// start` (EMBEDDED_API_NODE_ARGS in tools/scripts/lib.mjs).
//
// To measure a build other than the current one, build it and copy its apps/api/dist into a folder that keeps the
// `apps/api/dist` path (e.g. test-results/<name>/apps/api/dist): it then resolves this checkout's node_modules, and
// its CPU profile is read like the current build's.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describeMachine } from './lib/machine.mjs';
import { root } from './lib/paths.mjs';
import { tempDir } from './lib/processes.mjs';
import { EMBEDDED_STORE_RECORD, HEAP_LIMIT_RECORD, embeddedStoreSection } from './report.mjs';
import { CLIENT_CONCURRENCY, CONCURRENCY_CAP, measureConfiguration } from './throughput.mjs';
import { TWILIO_LATENCY_MS } from './latency.mjs';

const heapLimit = process.argv.includes('--heap-limit');
const recordFile = join(root, heapLimit ? HEAP_LIMIT_RECORD : EMBEDDED_STORE_RECORD);
// `--render`: only rewrites the section from the record (e.g. after the report's wording changed).
const record = process.argv.includes('--render') ? JSON.parse(readFileSync(recordFile, 'utf8')) : await measure();
if (!process.argv.includes('--render')) {
  mkdirSync(dirname(recordFile), { recursive: true });
  writeFileSync(recordFile, `${JSON.stringify(record, null, 2)}\n`);
}

// The section in docs/BENCHMARKS.md, replaced in place (or added before the chaos section) until the next full run.
const documentFile = join(root, 'docs/BENCHMARKS.md');
const document = readFileSync(documentFile, 'utf8');
const section = embeddedStoreSection(record, heapLimit ? 'heap-limit' : 'store');
const heading = section.split('\n')[0];
const start = document.indexOf(heading);
const next = start >= 0 ? document.indexOf('\n## ', start + heading.length) : -1;
// Sections end with a blank line, as renderReport joins them.
const updated =
  start < 0
    ? document.replace('## Chaos', `${section}\n## Chaos`)
    : document.slice(0, start) + `${section}\n` + (next >= 0 ? document.slice(next + 1) : '');
writeFileSync(documentFile, updated);
console.log(`› Wrote ${recordFile} and its section in docs/BENCHMARKS.md`);

async function measure() {
  const variants = argValues('--variant').map((value) => {
    const [label, script, settings, flags = ''] = value.split('::');
    if (!label || !script || !settings) throw new Error(`--variant '${value}': expected '<label>::<path to main.js>::<settings>[::<node flags>]'`);
    return { label, script, settings, nodeArgs: flags.split(' ').filter(Boolean) };
  });
  if (variants.length === 0)
    throw new Error(
      "usage: node tools/bench/embedded-store.mjs --variant '<label>::<path to main.js>::<settings>' … [--sends 5000] [--profile-sends 1000] | --render",
    );
  const sends = Number(argValues('--sends')[0] ?? 5_000);
  const profileSends = Number(argValues('--profile-sends')[0] ?? 1_000);
  const logDir = tempDir('flex-sms-embedded-store-');
  console.log(`› Process logs in ${logDir}`);
  const machine = describeMachine();
  const results = [];
  for (const variant of variants) {
    console.log(`› ${variant.label} (${variant.script})…`);
    const configuration = { id: 'embedded', name: variant.label, database: 'embedded', instances: 1, mode: 'legacy' };
    const run = await measureConfiguration({
      configuration,
      logDir,
      sends,
      profileSends,
      build: { script: variant.script, embeddedNodeArgs: variant.nodeArgs },
    });
    const perSend = (seconds) => (seconds * 1000) / run.succeeded;
    results.push({
      ...variant,
      seconds: run.seconds,
      succeeded: run.succeeded,
      failed: run.failed,
      ratePerSecond: run.ratePerSecond,
      apiRestingRssMiB: run.apiRestingRssMiB[0],
      apiPeakRssMiB: run.apiPeakRssMiB[0],
      apiCpuMsPerSend: perSend(run.cpu.api),
      mainThreadMsPerSend: perSend(run.cpu.apiMainThreads[0]),
      // The five owners of the most main-thread time per send in the profile taken after the run.
      profile: run.profile && {
        sends: run.profile.sends,
        busyMsPerSend: run.profile.busyMs / run.profile.sends,
        owners: run.profile.owners.slice(0, 5).map((entry) => ({ owner: entry.owner, msPerSend: entry.ms / run.profile.sends })),
      },
    });
    const last = results.at(-1);
    console.log(
      `  ${Math.round(last.ratePerSecond)}/s, RSS ${Math.round(last.apiRestingRssMiB)} → ${Math.round(last.apiPeakRssMiB)} MiB, main thread ${last.mainThreadMsPerSend.toFixed(2)} ms/send`,
    );
  }
  const measured = {
    machine,
    sends,
    profileSends,
    clientConcurrency: CLIENT_CONCURRENCY,
    cap: CONCURRENCY_CAP,
    latencyMs: TWILIO_LATENCY_MS,
    variants: results,
  };
  writeFileSync(join(logDir, 'embedded-store.json'), JSON.stringify(measured, null, 2));
  return measured;
}

function argValues(name) {
  return process.argv.flatMap((arg, index) => (arg === name ? [process.argv[index + 1]] : []));
}
