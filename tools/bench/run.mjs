// `npm run bench [-- --quick]`: every benchmark in one run on this machine, written to docs/BENCHMARKS.md with the
// machine it ran on. Builds the API and the sandbox first (cached by Nx). `--quick`: small counts, a smoke test
// of the harness (the document says so); the full run takes under 15 minutes on 2 cores. `--render <results.json>`:
// only rewrites the document from a run's raw figures (saved beside its process logs).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureCleanup } from './cleanup.mjs';
import { measureLatency } from './latency.mjs';
import { describeMachine } from './lib/machine.mjs';
import { root } from './lib/paths.mjs';
import { tempDir } from './lib/processes.mjs';
import { renderReport } from './report.mjs';
import { measureRequestsPerInitiate } from './requests-per-initiate.mjs';
import { measureThroughput } from './throughput.mjs';

const FULL = { sizes: [10, 1_000, 10_000], samples: 5, callsPerFlow: 500, sends: 5_000, profileSends: 1_000, cleanupSessions: 5_000 };
const QUICK = { sizes: [10, 1_000], samples: 2, callsPerFlow: 30, sends: 300, profileSends: 100, cleanupSessions: 200 };

const rendering = argValue('--render');
const quick = rendering ? JSON.parse(readFileSync(rendering, 'utf8')).quick : process.argv.includes('--quick');
const settings = quick ? QUICK : FULL;
const output = argValue('--out') ?? join(root, quick ? 'test-results/BENCHMARKS.quick.md' : 'docs/BENCHMARKS.md');

if (rendering) {
  writeFileSync(output, renderReport(JSON.parse(readFileSync(rendering, 'utf8'))));
  console.log(`› Wrote ${output} from ${rendering}`);
  process.exit(0);
}

// `--no-build`: use the dist already there (e.g. while another change leaves the build broken).
if (!process.argv.includes('--no-build')) {
  execFileSync(process.execPath, [join(root, 'tools/scripts/ensure-built.mjs'), '@flex-sms/api', '@flex-sms/twilio-sandbox'], { stdio: 'inherit', cwd: root });
}
const logDir = tempDir('flex-sms-bench-logs-');
console.log(`› Process logs in ${logDir}`);
const startedAt = performance.now();
const machine = describeMachine();

const requests = await step('Requests per initiate', () => measureRequestsPerInitiate({ logDir, sizes: settings.sizes, samples: settings.samples }));
const criticalPaths = steadyCriticalPaths(requests);
const latency = await step('Latency', () => measureLatency({ logDir, callsPerFlow: settings.callsPerFlow, criticalPaths }));
const throughput = await step('Throughput', () => measureThroughput({ logDir, sends: settings.sends, profileSends: settings.profileSends, criticalPath: criticalPaths.message }));
const cleanup = await step('Clean-up', () => measureCleanup({ logDir, sessions: settings.cleanupSessions }));

const minutes = (performance.now() - startedAt) / 60_000;
const results = { machine, quick, minutes, settings, requests, latency, throughput, cleanup };
// The raw figures beside the process logs, so the document can be checked against them.
writeFileSync(join(logDir, 'results.json'), JSON.stringify(results, null, 2));
writeFileSync(output, renderReport(results));
console.log(`› Wrote ${output} (${minutes.toFixed(1)} min); raw results in ${join(logDir, 'results.json')}`);

async function step(name, work) {
  const started = performance.now();
  console.log(`› ${name}…`);
  const result = await work();
  console.log(`  ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/** The worst critical path seen per route, over every account size: the latency and throughput bounds use it. */
function steadyCriticalPaths(result) {
  const worst = (label) => Math.max(...result.rows.filter((row) => row.flow === label).map((row) => row.api.critical));
  return { task: worst('Agent flow (task, no initial message)'), message: worst('Fire-and-forget (message)') };
}

function argValue(name) {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}
