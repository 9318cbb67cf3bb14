// A throwaway PostgreSQL server (tools/scripts/throwaway-postgres.sh) for the scenarios that run the API the way
// docker-compose.yml deploys it: journal, locks and keys in a PostgreSQL server of its own (DATABASE_URL).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './paths.mjs';
import { cpuSecondsWithReapedChildren, cpuSeconds, pssMiB } from './processes.mjs';

const SCRIPT = join(root, 'tools/scripts/throwaway-postgres.sh');

/**
 * Starts a fresh cluster (initdb, fsync off, loopback only). Resolves with undefined, and the reason, when PostgreSQL
 * is not installed: the scenarios on it are then reported as not measured rather than failing the run. `settings`:
 * more postgresql.conf lines (e.g. loading pg_stat_statements).
 */
export function startThrowawayPostgres({ settings = [] } = {}) {
  let output;
  try {
    output = execFileSync('bash', [SCRIPT], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, THROWAWAY_PG_SETTINGS: settings.join('\n') },
    });
  } catch (error) {
    return {
      unavailable: String(error.stderr || error.message)
        .trim()
        .split('\n')[0],
    };
  }
  const url = /TEST_DATABASE_URL=(\S+)/.exec(output)?.[1];
  const dir = /THROWAWAY_PG_DIR=(\S+)/.exec(output)?.[1];
  const postmasterPid = Number(readFileSync(join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    url,
    dir,
    version: `PostgreSQL ${readFileSync(join(dir, 'data', 'PG_VERSION'), 'utf8').trim()}`,
    /** CPU seconds of the whole server: the postmaster, its live backends, and those that already exited. */
    cpuSeconds: () =>
      cpuSecondsWithReapedChildren(postmasterPid) + childrenOf(postmasterPid).reduce((sum, pid) => sum + safe(() => cpuSeconds(pid)), 0),
    /** Memory of the whole server, shared buffers counted once (sum of PSS over its processes). */
    pssMiB: () => [postmasterPid, ...childrenOf(postmasterPid)].reduce((sum, pid) => sum + safe(() => pssMiB(pid)), 0),
    stop: () => execFileSync('bash', [SCRIPT, 'stop', dir], { stdio: 'ignore' }),
  };
}

function childrenOf(pid) {
  const children = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = safe(() => readFileSync(`/proc/${entry}/stat`, 'utf8'), '');
    if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(entry));
  }
  return children;
}

/** A backend may exit between listing and reading it. */
function safe(read, fallback = 0) {
  try {
    return read();
  } catch {
    return fallback;
  }
}
