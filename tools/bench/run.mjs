// `npm run bench [-- --quick]`: every benchmark in one run on this machine, written to docs/BENCHMARKS.md with the
// machine it ran on, beside the same figures of the build before this round of work (the "before" record). Builds
// the API and the sandbox first (cached by Nx). `--quick`: small counts, a smoke test of the harness (the document
// says so); the full run takes about 15–18 minutes on 2 cores. `--render <results.json>`: only rewrites the document
// from a run's raw figures (saved beside its process logs).
//
// The "before" figures: `node tools/bench/run.mjs --api <dir> --label <name> --record tools/bench/records/before.json`
// measures another checkout's built API (e.g. `git archive 44dc487` extracted under test-results/, `npm ci`, built)
// with this same harness, sandbox and settings, and keeps its raw figures; every later run renders them beside its
// own. Measuring both builds in every run would double its length.
//
// `--only campaigns`: that part alone (with `--quick`: a smoke test of it), written to test-results/ (never over
// docs/BENCHMARKS.md, which holds a full run).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { measureCampaigns } from './campaigns.mjs';
import { measureCleanup } from './cleanup.mjs';
import { measureLatency } from './latency.mjs';
import { apiBuild } from './lib/build.mjs';
import { calibrateMachine, describeMachine } from './lib/machine.mjs';
import { root } from './lib/paths.mjs';
import { tempDir } from './lib/processes.mjs';
import { BEFORE_RECORD, renderCampaignsOnly, renderReport } from './report.mjs';
import { measureRequestsPerInitiate } from './requests-per-initiate.mjs';
import { measureThroughput } from './throughput.mjs';

const FULL = {
  sizes: [10, 1_000, 10_000],
  samples: 5,
  callsPerFlow: 500,
  sends: 5_000,
  profileSends: 1_000,
  cleanupSessions: 5_000,
  campaignRecipients: 10_000,
  campaignCsvRows: 100_000,
};
const QUICK = {
  sizes: [10, 1_000],
  samples: 2,
  callsPerFlow: 30,
  sends: 300,
  profileSends: 100,
  cleanupSessions: 200,
  campaignRecipients: 400,
  campaignCsvRows: 10_000,
};
const PARTS = ['campaigns'];

const rendering = argValue('--render');
const recording = argValue('--record');
const quick = rendering ? JSON.parse(readFileSync(rendering, 'utf8')).quick : process.argv.includes('--quick');
const only = rendering ? JSON.parse(readFileSync(rendering, 'utf8')).only : argValue('--only');
if (only !== undefined && !PARTS.includes(only)) throw new Error(`--only takes one of: ${PARTS.join(', ')}`);
const settings = quick ? QUICK : FULL;
const output =
  argValue('--out') ??
  join(root, only ? `test-results/BENCHMARKS.${only}${quick ? '.quick' : ''}.md` : quick ? 'test-results/BENCHMARKS.quick.md' : 'docs/BENCHMARKS.md');
const render = (results) => (results.only ? renderCampaignsOnly(results) : renderReport(results, before()));
const beforeFile = resolve(root, argValue('--before') ?? BEFORE_RECORD);
const before = () => (existsSync(beforeFile) ? JSON.parse(readFileSync(beforeFile, 'utf8')) : undefined);

if (rendering) {
  writeFileSync(output, render(JSON.parse(readFileSync(rendering, 'utf8'))));
  console.log(`› Wrote ${output} from ${rendering}`);
  process.exit(0);
}

// `--no-build`: use the dist already there (e.g. while another change leaves the build broken).
if (!process.argv.includes('--no-build')) {
  execFileSync(process.execPath, [join(root, 'tools/scripts/ensure-built.mjs'), '@flex-sms/api', '@flex-sms/twilio-sandbox'], {
    stdio: 'inherit',
    cwd: root,
  });
}
const build = apiBuild({ dir: argValue('--api'), label: argValue('--label') });
const logDir = tempDir('flex-sms-bench-logs-');
console.log(`› Measuring the API of ${build.label} (${build.script}); process logs in ${logDir}`);
const startedAt = performance.now();
const machine = { ...describeMachine(), calibration: calibrateMachine() };

let requests, latency, throughput, cleanup;
if (!only) {
  requests = await step('Requests per initiate', () =>
    measureRequestsPerInitiate({ logDir, build, sizes: settings.sizes, samples: settings.samples }),
  );
  const criticalPaths = steadyCriticalPaths(requests);
  latency = await step('Latency', () => measureLatency({ logDir, build, callsPerFlow: settings.callsPerFlow, criticalPaths }));
  throughput = await step('Throughput', () =>
    measureThroughput({
      logDir,
      build,
      sends: settings.sends,
      profileSends: settings.profileSends,
      criticalPaths: { legacy: criticalPaths.legacy.message, conversations: criticalPaths.conversations.message },
    }),
  );
  cleanup = await step('Clean-up', () => measureCleanup({ logDir, build, sessions: settings.cleanupSessions }));
}
// A build from before campaigns (e.g. the "before" record's) has none to measure.
const campaigns = existsSync(join(build.root, 'apps/api/dist/campaigns'))
  ? await step('Campaigns', () => measureCampaigns({ logDir, build, recipients: settings.campaignRecipients, csvRows: settings.campaignCsvRows }))
  : undefined;

const minutes = (performance.now() - startedAt) / 60_000;
const results = {
  machine,
  build: { label: build.label, embedded: build.embedded, embeddedNodeArgs: build.embeddedNodeArgs },
  quick,
  only,
  minutes,
  settings,
  requests,
  latency,
  throughput,
  cleanup,
  campaigns,
};
// The raw figures beside the process logs, so the document can be checked against them.
writeFileSync(join(logDir, 'results.json'), JSON.stringify(results, null, 2));
if (recording) {
  mkdirSync(dirname(resolve(root, recording)), { recursive: true });
  writeFileSync(resolve(root, recording), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`› Recorded ${recording} (${minutes.toFixed(1)} min); raw results also in ${join(logDir, 'results.json')}`);
} else {
  writeFileSync(output, render(results));
  console.log(`› Wrote ${output} (${minutes.toFixed(1)} min); raw results in ${join(logDir, 'results.json')}`);
}

async function step(name, work) {
  const started = performance.now();
  console.log(`› ${name}…`);
  const result = await work();
  console.log(`  ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/** The worst critical path seen per mode and flow (over every account size): the latency and throughput bounds use it. */
function steadyCriticalPaths(result) {
  const worst = (rows, label) => Math.max(...rows.filter((row) => row.flow === label).map((row) => row.api.critical));
  const of = (rows) => ({ task: worst(rows, 'Agent flow (task, no initial message)'), message: worst(rows, 'Fire-and-forget (message)') });
  return { legacy: of(result.rows), conversations: of(result.conversations.rows) };
}

function argValue(name) {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}
