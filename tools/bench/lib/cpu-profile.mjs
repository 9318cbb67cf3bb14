// Reads a V8 .cpuprofile (written by cpu-profiler.cjs) into self time per module and per function, so the report
// can say where the API's CPU per send goes, from the same run.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { root } from './paths.mjs';

/**
 * Self time per category and the heaviest functions, in ms of CPU (idle samples left out). `owners`: the same time
 * charged to the nearest caller that is a package or a part of the API (so a socket write or a WebAssembly function
 * counts for whoever asked for it: the logger, the store, the Twilio SDK's HTTP client).
 */
export function summariseCpuProfile(file, { top = 15 } = {}) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const selfMs = new Map();
  profile.samples.forEach((id, index) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000));

  const byCategory = new Map();
  const byFunction = new Map();
  const byOwner = new Map();
  let busyMs = 0;
  for (const [id, ms] of selfMs) {
    const { callFrame } = nodes.get(id);
    if (callFrame.functionName === '(idle)') continue;
    busyMs += ms;
    const category = categoryOf(callFrame);
    byCategory.set(category, (byCategory.get(category) ?? 0) + ms);
    const owner = ownerOf(id, nodes, parents);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + ms);
    const name = `${callFrame.functionName || '(anonymous)'} ${where(callFrame)}`.trim();
    const entry = byFunction.get(name) ?? { name, category, ms: 0 };
    entry.ms += ms;
    byFunction.set(name, entry);
  }
  const sorted = (entries) => [...entries].sort((a, b) => b.ms - a.ms);
  return {
    busyMs,
    categories: sorted([...byCategory].map(([category, ms]) => ({ category, ms }))),
    owners: sorted([...byOwner].map(([owner, ms]) => ({ owner, ms }))),
    functions: sorted(byFunction.values()).slice(0, top),
  };
}

/**
 * Categories that do work on someone else's behalf: their time is charged to the nearest caller outside them. The
 * bench's own preloaded counter of database calls (database-calls.cjs) wraps the drivers' calls, so it is one too.
 */
const ON_BEHALF = /^(V8\/native|Node core|package (rxjs|tslib)|other tools\/bench\/lib\/database-calls\.cjs)/;

function ownerOf(id, nodes, parents) {
  const own = categoryOf(nodes.get(id).callFrame);
  if (own === 'V8: garbage collection' || !ON_BEHALF.test(own)) return own;
  for (let at = parents.get(id); at !== undefined; at = parents.get(at)) {
    const category = categoryOf(nodes.get(at).callFrame);
    if (!ON_BEHALF.test(category)) return category;
  }
  return own;
}

/** Which part of the process a frame belongs to: a package, a folder of the API, Node's core, V8 itself. */
export function categoryOf({ functionName, url }) {
  if (functionName === '(garbage collector)') return 'V8: garbage collection';
  if (functionName === '(program)' || functionName === '(root)') return 'V8/native (outside JS: I/O, crypto, compiling)';
  const path = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
  if (pkg) return `package ${pkg}`;
  const app = /apps\/api\/dist\/([^/]+)/.exec(path);
  if (app) return `API: ${app[1].replace(/\.js$/, '')}`;
  const lib = /libs\/([^/]+)\//.exec(path);
  if (lib) return `lib ${lib[1]}`;
  if (path.startsWith('node:')) return `Node core: ${nodeCoreArea(path)}`;
  return path ? `other ${path.startsWith('/') ? relative(root, path) : path}` : 'V8/native (outside JS: I/O, crypto, compiling)';
}

function nodeCoreArea(path) {
  const module = path.replace(/^node:(internal\/)?/, '').split('/')[0];
  return ['_http_server', '_http_incoming', '_http_outgoing', '_http_common', '_http_client', '_http_agent', 'http'].includes(module)
    ? 'http'
    : module;
}

function where({ url, lineNumber }) {
  if (!url) return '';
  const path = url.replace(/^file:\/\//, '');
  const shown = path.startsWith('/') ? relative(root, path).replace(/^node_modules\//, '') : path;
  return `(${shown}:${lineNumber + 1})`;
}
