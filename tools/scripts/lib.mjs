// Helpers shared by the run/test scripts. Node built-ins only: these run before `npm ci` on a fresh clone.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Environment every Nx/Next command runs with: no daemon, no cloud, no telemetry, no TUI (offline machines, CI). */
export const toolEnv = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  NX_SKIP_NX_CACHE: process.env.NX_SKIP_NX_CACHE ?? '',
  NEXT_TELEMETRY_DISABLED: '1',
};

export function run(cmd, args, options = {}) {
  execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env: toolEnv, ...options });
}

/** `npm ci` when node_modules is missing or older than the lock file; then native modules built for this Node. */
export function ensureInstalled() {
  const lock = join(root, 'package-lock.json');
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return ensureNativeModulesLoad();
  console.log('› Installing npm packages (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

/**
 * The embedded store (better-sqlite3) is compiled for one Node ABI: node_modules installed under another Node version
 * (e.g. 20, then 24) fails to load it ("compiled against a different Node.js version"), so it is rebuilt for this one.
 */
function ensureNativeModulesLoad() {
  try {
    execFileSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { cwd: root, stdio: 'ignore' });
  } catch {
    console.log(`› Rebuilding better-sqlite3 for Node ${process.version} (npm rebuild)…`);
    run('npm', ['rebuild', 'better-sqlite3']);
  }
}

/**
 * V8 flags of the API process when its database is the embedded one (no DATABASE_URL), as `npm start` and `npm run api`
 * run it. V8 sizes its heap for the machine (here gigabytes) and, under load, lets garbage pile up long before it
 * collects: with its defaults the embedded API peaked at 288 MiB through the bench's 5,000 sends, against a target of
 * 250. A limit makes it collect sooner (160 MiB held the same run to 174 MiB, measured once); 192 leaves room for the
 * embedded sandbox's state, which `npm start` keeps in the same process. It is a hard limit: a process whose live data
 * outgrows it stops ("heap out of memory"), so a deployment (DATABASE_URL) gets no flag and is sized by its operator.
 * The bench starts the API with these flags too (tools/bench/lib/build.mjs): docs/BENCHMARKS.md, "Memory".
 */
export const EMBEDDED_API_NODE_ARGS = ['--max-old-space-size=192'];

export function apiNodeArgs(env = process.env) {
  return env.DATABASE_URL ? [] : EMBEDDED_API_NODE_ARGS;
}

/** Builds the given Nx projects and what they depend on (cached by Nx, so a second run is fast). */
export function build(projects) {
  console.log(`› Building ${projects.join(', ')}…`);
  run('npx', ['nx', 'run-many', '-t', 'build', `--projects=${projects.join(',')}`, '--output-style=stream']);
}

/** Starts a long-running child that shares our terminal; it dies with us. */
export function startChild(name, cmd, args, env) {
  const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...toolEnv, ...env } });
  const prefix = (line) => `[${name}] ${line}`;
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) console.log(prefix(line));
    });
  }
  return child;
}

/** Polls a URL until it answers 2xx, or throws after `timeoutMs`. */
export async function waitFor(url, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return response;
      lastError = new Error(`${url} answered ${response.status}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Timed out waiting for ${url}: ${lastError?.message ?? 'no answer'}`);
}
