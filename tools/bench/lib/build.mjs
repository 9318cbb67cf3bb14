// Which build of the API a run measures: this checkout's (the default), or another checkout's (`--api <dir>`: e.g.
// the commit before a change, extracted and built under test-results/), so "before" and "after" come from the same
// harness, driver, sandbox and machine. The sandbox is always this checkout's: it stands in for Twilio, the same for both.
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { EMBEDDED_API_NODE_ARGS } from '../../scripts/lib.mjs';
import { API_SCRIPT } from './processes.mjs';
import { root } from './paths.mjs';

/**
 * `dir`: the root of another checkout whose API is built (apps/api/dist), or undefined for this one. `label` names it
 * in the report. The embedded store is told from the build: SQLite since PGlite was replaced. `embeddedNodeArgs`: the V8
 * flags this checkout's `npm start` gives an API on its embedded database (another checkout's build: none, as 44dc487).
 */
export function apiBuild({ dir, label } = {}) {
  const buildRoot = dir ? resolve(root, dir) : root;
  const script = relative(root, resolve(buildRoot, API_SCRIPT));
  if (!existsSync(resolve(root, script)))
    throw new Error(`No built API at ${script}: build it first (npx nx run-many -t build --projects=@flex-sms/api)`);
  const embedded = existsSync(resolve(buildRoot, 'apps/api/dist/store/sqlite-database.js')) ? 'SQLite' : 'PGlite';
  return {
    root: buildRoot,
    script,
    embedded,
    embeddedNodeArgs: dir ? [] : EMBEDDED_API_NODE_ARGS,
    label: label ?? (dir ? relative(root, buildRoot) : 'this checkout'),
  };
}
