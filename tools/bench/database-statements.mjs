// `node tools/bench/database-statements.mjs [--sends 3000] [--webhooks] [--api <dir>]`: what the throughput run's
// fire-and-forget sends cost a PostgreSQL server, statement by statement. The API on a throwaway PostgreSQL with
// pg_stat_statements, the sandbox at the throughput run's latency and cap, 50 sends at once (the throughput run's
// request), then per send: each statement's calls, execution and planning time, rows and buffers (nested statements
// too, such as foreign-key checks: `track = all`), and the CPU of the PostgreSQL server and of the API.
// Not part of `npm run bench`: a diagnostic for finding what a send costs the database (the statements are planned at
// every call? scan more than they return?), printed as Markdown. pg_stat_statements costs some CPU of its own: compare
// CPU figures between runs of this script, not with the bench's. `--webhooks`: each API registers its webhook routes
// (PUBLIC_BASE_URL), so the sends' delivery status callbacks are counted too, as a deployment has them. `--api <dir>`:
// another checkout's built API (as run.mjs --api), to measure before and after a change with the same script.
import pg from 'pg';
import { apiBuild } from './lib/build.mjs';
import { customerNumbers, DEMO_NUMBERS } from './lib/customers.mjs';
import { startThrowawayPostgres } from './lib/postgres.mjs';
import { cpuBetween, cpuSnapshot, tempDir } from './lib/processes.mjs';
import { startStack } from './lib/stack.mjs';
import { runBounded } from './lib/stats.mjs';
import { TWILIO_LATENCY_MS } from './latency.mjs';
import { CLIENT_CONCURRENCY, CONCURRENCY_CAP } from './throughput.mjs';

const sends = Number(argValue('--sends') ?? 3_000);
/** Sends before the counted ones: caches filled, connections opened and their statements prepared. */
const WARM_UP_SENDS = 500;
const TOP = 20;

const build = apiBuild({ dir: argValue('--api') });
const postgres = startThrowawayPostgres({
  settings: ["shared_preload_libraries = 'pg_stat_statements'", 'pg_stat_statements.track = all', 'pg_stat_statements.track_planning = on'],
});
if (postgres.unavailable) throw new Error(postgres.unavailable);
const logDir = tempDir('flex-sms-bench-statements-');
const admin = new pg.Client({ connectionString: postgres.url });
let stack;
try {
  await admin.connect();
  await admin.query('CREATE EXTENSION pg_stat_statements');
  stack = await startStack({
    logDir,
    apiScript: build.script,
    // As the throughput run: each send in flight holds a lock connection (apps/api/README.md).
    apiEnv: { DATABASE_URL: postgres.url, DATABASE_LOCK_CONNECTIONS: '64' },
    publicBaseUrl: process.argv.includes('--webhooks'),
  });
  const nextCustomer = customerNumbers(3);
  const send = async () => {
    const response = await stack.client.initiate('message', {
      fromNumber: DEMO_NUMBERS[0],
      toName: 'Ada Lovelace',
      toNumber: nextCustomer(),
      messageBody: 'Your order has shipped.',
    });
    if (response.status !== 201) throw new Error(`a send answered ${response.status}: ${JSON.stringify(response.body ?? response.error?.message)}`);
  };
  await stack.controls.setFaults({ latencyMs: TWILIO_LATENCY_MS, concurrencyLimit: CONCURRENCY_CAP });
  await runBounded(WARM_UP_SENDS, CLIENT_CONCURRENCY, send);

  await admin.query('SELECT pg_stat_statements_reset()');
  const sessionsBefore = await sessions(admin);
  const cpuBefore = cpuSnapshot(stack, postgres);
  const started = performance.now();
  await runBounded(sends, CLIENT_CONCURRENCY, send);
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuBetween(cpuBefore, cpuSnapshot(stack, postgres));
  const newSessions = (await sessions(admin)) - sessionsBefore;
  const { rows } = await admin.query(
    `SELECT calls, total_exec_time, total_plan_time, plans, rows, shared_blks_hit, shared_blks_read, query FROM pg_stat_statements
     WHERE query NOT LIKE '%pg_stat_statements%' AND query NOT LIKE '%pg_stat_database%' ORDER BY total_exec_time + total_plan_time DESC`,
  );
  console.log(report({ rows, cpu, seconds, newSessions }));
} finally {
  await admin.end().catch(() => undefined);
  await stack?.stop();
  postgres.stop();
}

function report({ rows, cpu, seconds, newSessions }) {
  const perSend = (value) => Number(value) / sends;
  const ms = (value) => `${perSend(value).toFixed(3)} ms`;
  const total = (field) => rows.reduce((sum, row) => sum + Number(row[field]), 0);
  const lines = [
    `${sends} fire-and-forget sends, ${CLIENT_CONCURRENCY} at once, API ${build.label} on ${postgres.version}, ${(sends / seconds).toFixed(0)}/s` +
      `${process.argv.includes('--webhooks') ? ', delivery status callbacks on' : ''}.`,
    '',
    `Per send: PostgreSQL server CPU ${ms(cpu.database * 1000)}, API CPU ${ms(cpu.api * 1000)} (main thread ${ms(cpu.apiMainThreads[0] * 1000)}); ` +
      `${perSend(total('calls')).toFixed(2)} statements (nested ones included), executing ${ms(total('total_exec_time'))}, planning ${ms(total('total_plan_time'))}; ` +
      `${newSessions} new database sessions during the run.`,
    '',
    '| Calls per send | Execution per send | Planning per send | Plans per call | Rows per call | Buffers per call (hit/read) | Statement |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const row of rows.slice(0, TOP)) {
    const calls = Number(row.calls);
    lines.push(
      `| ${perSend(calls).toFixed(3)} | ${ms(row.total_exec_time)} | ${ms(row.total_plan_time)} | ${(Number(row.plans) / calls).toFixed(2)} | ` +
        `${(Number(row.rows) / calls).toFixed(1)} | ${(Number(row.shared_blks_hit) / calls).toFixed(1)}/${(Number(row.shared_blks_read) / calls).toFixed(1)} | ` +
        `\`${row.query.replace(/\s+/g, ' ').slice(0, 160)}\` |`,
    );
  }
  return lines.join('\n');
}

async function sessions(client) {
  const { rows } = await client.query('SELECT sessions FROM pg_stat_database WHERE datname = current_database()');
  return Number(rows[0].sessions);
}

function argValue(name) {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}
