// The system under test as separate OS processes (sandbox, API), so each one's CPU time and peak memory can be read
// from /proc, and so the API can be SIGKILLed and restarted like a real crash.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { root } from './paths.mjs';

/** Admin key the API is started with (≥ 16 characters; BOOTSTRAP_API_KEY is an admin key). */
export const BENCH_API_KEY = 'bench-api-key-0123456789abcdef';

/** The built API, relative to the repository root. */
export const API_SCRIPT = 'apps/api/dist/main.js';

/** Every start or wait is bounded: a hung process fails the run instead of hanging it. Generous: on a shared, loaded
 * machine the PGlite build took over a minute to open its database. */
const START_TIMEOUT_MS = 240_000;

export function tempDir(prefix) {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A free loopback port, so a restarted API comes back at the address its clients already use. */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts `node libs/twilio-sandbox/dist/main.js` on a free port; resolves with its URL once it listens. */
export async function startSandboxProcess({ logDir }) {
  const child = spawnNode('libs/twilio-sandbox/dist/main.js', { SANDBOX_PORT: '0', SANDBOX_HOST: '127.0.0.1' }, join(logDir, 'sandbox.log'));
  const url = await waitForLine(child, /Twilio sandbox listening on (http:\/\/\S+)/);
  const account = await (await fetch(`${url}/_sandbox/account`)).json();
  return { kind: 'sandbox', child, pid: child.pid, url, account, stop: () => stopProcess(child) };
}

/**
 * Starts the built API against an external sandbox. `env` adds or overrides settings (e.g. a higher send rate
 * limit, TWILIO_REQUEST_TIMEOUT_MS); DATA_DIR is kept across restarts so the journal survives a crash. `script`:
 * another build of the API to run instead (relative to the repository root; see embedded-store.mjs).
 */
export async function startApiProcess({ sandbox, port, dataDir, logDir, env = {}, nodeArgs = [], logName = 'api.log', script = API_SCRIPT }) {
  const child = spawnNode(
    script,
    {
      TWILIO_ACCOUNT_SID: sandbox.account.accountSid,
      TWILIO_AUTH_TOKEN: sandbox.account.authToken,
      TWILIO_PROXY_SERVICE_SID: sandbox.account.proxyServiceSid,
      TWILIO_CHAT_SERVICE_SID: sandbox.account.chatServiceSid,
      TWILIO_BASE_URL: sandbox.url,
      BOOTSTRAP_API_KEY: BENCH_API_KEY,
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    },
    join(logDir, logName),
    nodeArgs,
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(child, `${url}/health`);
  return { kind: 'api', child, pid: child.pid, url, apiKey: BENCH_API_KEY, stop: () => stopProcess(child) };
}

/** Children still running, stopped if the driver itself is interrupted (Ctrl-C, timeout) so none outlives it. */
const running = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const child of running) child.kill('SIGKILL');
    process.exit(130);
  });
}

function spawnNode(script, env, logFile, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, resolve(root, script)], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  running.add(child);
  child.exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  return child;
}

/**
 * Watches the output until the line shows, then stops: a listener left on would go on adding every log line to `seen`
 * and searching all of it again per chunk, which once made the driver the busiest process after the API (half a core
 * through the throughput run, taken from the API and the sandbox on this 2-core machine).
 */
function waitForLine(child, pattern) {
  return new Promise((resolve, reject) => {
    let seen = '';
    const done = () => {
      clearTimeout(timer);
      child.stdout.off('data', watch);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`no line matching ${pattern} within ${START_TIMEOUT_MS} ms:\n${seen}`));
    }, START_TIMEOUT_MS);
    const watch = (chunk) => {
      seen += chunk;
      const match = pattern.exec(seen.replace(/\x1b\[[0-9;]*m/g, ''));
      if (match) {
        done();
        resolve(match[1]);
      }
    };
    child.stdout.on('data', watch);
    child.exited.then(({ code, signal }) => {
      done();
      reject(new Error(`process exited (${code ?? signal}) before ready:\n${seen}`));
    });
  });
}

async function waitForHealth(child, url) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let exited = null;
  child.exited.then((status) => (exited = status));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the API exited (${exited.code ?? exited.signal}) before it was healthy; see its log`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${url} not healthy within ${START_TIMEOUT_MS} ms`);
}

/**
 * Runs `work` with the V8 profiler of a process started with PROFILER_NODE_ARGS on, and resolves with `work`'s
 * result and the .cpuprofile file (see cpu-profiler.cjs).
 */
export async function withCpuProfile(child, work) {
  child.kill('SIGWINCH');
  const result = await work();
  const written = waitForLine(child, /cpu profile written: (\S+)/);
  child.kill('SIGWINCH');
  return { result, profileFile: await written };
}

/**
 * Runs `work` in a process started with DATABASE_CALLS_NODE_ARGS and resolves with `work`'s result and the database
 * calls the process made meanwhile, per category (see database-calls.cjs).
 */
export async function withDatabaseCalls(child, work) {
  const reset = waitForLine(child, /database calls: (\{.*\})/);
  child.kill('SIGURG');
  await reset;
  const result = await work();
  const counted = waitForLine(child, /database calls: (\{.*\})/);
  child.kill('SIGURG');
  return { result, calls: JSON.parse(await counted) };
}

/** SIGTERM, then SIGKILL if it lingers; resolves once the process is gone. */
export async function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await child.exited;
  clearTimeout(timeout);
}

/** The crash the chaos run needs: no shutdown hooks, no flushing, in-flight requests cut. */
export async function killHard(child) {
  child.kill('SIGKILL');
  await child.exited;
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux (getconf CLK_TCK)

/** User + system CPU seconds a process has used so far (/proc/<pid>/stat fields 14 and 15). */
export function cpuSeconds(pid) {
  return cpuSecondsOf(`/proc/${pid}/stat`);
}

/** The same plus the CPU time of the children it has reaped (fields 16 and 17): a server's exited workers. */
export function cpuSecondsWithReapedChildren(pid) {
  return cpuSecondsOf(`/proc/${pid}/stat`, { reapedChildren: true });
}

function cpuSecondsOf(statFile, { reapedChildren = false } = {}) {
  const stat = readFileSync(statFile, 'utf8');
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const own = Number(fields[11]) + Number(fields[12]);
  return (own + (reapedChildren ? Number(fields[13]) + Number(fields[14]) : 0)) / CLOCK_TICKS_PER_SECOND;
}

/**
 * CPU seconds of the process's main thread alone (/proc/<pid>/task/<pid>/stat): Node runs all JavaScript there, so
 * when it nears one core per wall-clock second the process is at its ceiling, whatever its other threads do.
 */
export function mainThreadCpuSeconds(pid) {
  return cpuSecondsOf(`/proc/${pid}/task/${pid}/stat`);
}

/** Peak resident memory in MiB (/proc/<pid>/status VmHWM). */
export function peakRssMiB(pid) {
  return statusMiB(pid, 'VmHWM');
}

/** Resident memory now, in MiB (VmRSS). */
export function rssMiB(pid) {
  return statusMiB(pid, 'VmRSS');
}

/** Proportional set size in MiB (/proc/<pid>/smaps_rollup): shared pages split among the processes sharing them. */
export function pssMiB(pid) {
  const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

function statusMiB(pid, field) {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** Node options that load the on-demand profiler into a process (see withCpuProfile); profiles go to BENCH_CPU_PROFILE_DIR. */
export const PROFILER_NODE_ARGS = ['-r', join(root, 'tools/bench/lib/cpu-profiler.cjs')];

/** Node options that count the process's database calls on demand (see withDatabaseCalls). */
export const DATABASE_CALLS_NODE_ARGS = ['-r', join(root, 'tools/bench/lib/database-calls.cjs')];

/** CPU seconds the whole machine has been busy (all cores, /proc/stat): what is not ours is other work sharing the cores. */
export function machineCpuSeconds() {
  const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS_PER_SECOND;
}

/**
 * CPU seconds used so far by each part of a stack (`apis`: the API processes to count, by default all of the stack's),
 * and by the whole machine: two snapshots' difference (cpuBetween) says where a run's CPU went.
 */
export function cpuSnapshot(stack, postgres, apis = stack.apis) {
  const usage = process.cpuUsage();
  return {
    api: apis.reduce((total, api) => total + cpuSeconds(api.pid), 0),
    // Per process: Node runs all of a process's JavaScript on its main thread, so that sets one process's ceiling.
    apiMainThreads: apis.map((api) => mainThreadCpuSeconds(api.pid)),
    database: postgres ? postgres.cpuSeconds() : 0,
    sandbox: cpuSeconds(stack.sandbox.pid),
    driver: (usage.user + usage.system) / 1e6,
    machine: machineCpuSeconds(),
  };
}

/** What was used between two snapshots of the same processes. */
export function cpuBetween(before, after) {
  return Object.fromEntries(
    Object.keys(before).map((name) => [
      name,
      Array.isArray(before[name]) ? after[name].map((value, index) => value - before[name][index]) : after[name] - before[name],
    ]),
  );
}
