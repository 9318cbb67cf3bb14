import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The rules the images must keep, checked by reading Dockerfile and .dockerignore (there is no Docker engine in the
 * test environment): secrets and data never enter the build context, the runtime images hold only built output and
 * production dependencies, run as a non-root user, on a supported Node.
 */
const ROOT = resolve(__dirname, '../../../..');
const BASE_IMAGE = 'node:24-bookworm-slim';
/** The images docker-compose.yml runs. */
const RUNTIME_STAGES = ['api', 'admin'];

interface Stage {
  name: string;
  from: string;
  instructions: { keyword: string; args: string }[];
}

function dockerfileStages(): Stage[] {
  const text = readFileSync(join(ROOT, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
  const stages: Stage[] = [];
  for (const line of text.split('\n').map((raw) => raw.trim())) {
    if (line === '' || line.startsWith('#')) continue;
    const [, keyword, args] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    if (keyword?.toUpperCase() === 'FROM') {
      const [, from, name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args) ?? [];
      stages.push({ name: name ?? String(stages.length), from, instructions: [] });
    } else if (keyword) {
      stages[stages.length - 1].instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return stages;
}

/** COPY/ADD sources of an instruction, with its --from (undefined = the build context). */
function copySources(args: string): { from?: string; sources: string[] } {
  const words = args.split(/\s+/);
  const from = words.find((word) => word.startsWith('--from='))?.slice('--from='.length);
  const paths = words.filter((word) => !word.startsWith('--'));
  return { from, sources: paths.slice(0, -1) };
}

/**
 * Whether `.dockerignore` keeps `path` out of the build context, the way Docker reads it: the last matching pattern
 * wins, `!` re-includes, `**` spans folders, and a pattern that matches a folder excludes what is inside it.
 */
function ignoredByDocker(path: string, patterns: readonly string[]): boolean {
  const parts = path.split('/');
  const candidates = parts.map((_, index) => parts.slice(0, index + 1).join('/'));
  let ignored = false;
  for (const raw of patterns) {
    const negated = raw.startsWith('!');
    const pattern = (negated ? raw.slice(1) : raw).replace(/^\/+|\/+$/g, '');
    const regex = new RegExp(
      `^${pattern
        .split(/(\*\*\/|\*\*|\*|\?)/)
        .map((piece) => ({ '**/': '(?:.*/)?', '**': '.*', '*': '[^/]*', '?': '[^/]' })[piece] ?? piece.replace(/[.+^${}()|[\]\\]/g, '\\$&'))
        .join('')}$`,
    );
    if (candidates.some((candidate) => regex.test(candidate))) ignored = !negated;
  }
  return ignored;
}

describe('Dockerfile and .dockerignore', () => {
  const stages = dockerfileStages();
  const byName = new Map(stages.map((stage) => [stage.name, stage]));
  const dockerignore = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));

  it(`builds every stage from ${BASE_IMAGE} (Node 24 LTS)`, () => {
    expect(stages.map((stage) => stage.from)).toEqual(stages.map(() => BASE_IMAGE));
  });

  it('keeps secrets and data out of the build context, and the sources in', () => {
    for (const path of [
      '.env',
      '.env.production',
      'apps/api/.env',
      'data/db/PG_VERSION',
      'apps/api/data/db/PG_VERSION',
      '.git/config',
      'node_modules/twilio/package.json',
    ]) {
      expect(`${path}: ${ignoredByDocker(path, dockerignore) ? 'ignored' : 'in the context'}`).toBe(`${path}: ignored`);
    }
    for (const path of [
      'package.json',
      'package-lock.json',
      'nx.json',
      'tsconfig.base.json',
      'apps/api/src/main.ts',
      'apps/api/src/store/migrations/001_outbound_journal.sql',
      'apps/admin/next.config.ts',
      'libs/twilio-sandbox/src/index.ts',
    ]) {
      expect(`${path}: ${ignoredByDocker(path, dockerignore) ? 'ignored' : 'in the context'}`).toBe(`${path}: in the context`);
    }
  });

  it.each(RUNTIME_STAGES)('%s: starts again from the base image and copies nothing from the build context', (name) => {
    const stage = byName.get(name) as Stage;
    expect(stage).toBeDefined();
    // `FROM build AS api` would ship the build stage: sources, dev dependencies, whatever the context held.
    expect(stage.from).toBe(BASE_IMAGE);
    for (const { keyword, args } of stage.instructions.filter((instruction) => ['COPY', 'ADD'].includes(instruction.keyword))) {
      expect(`${keyword} ${args}`).toMatch(/--from=/);
    }
  });

  it.each(RUNTIME_STAGES)('%s: takes built output, never the whole build stage', (name) => {
    for (const { args } of (byName.get(name) as Stage).instructions.filter((instruction) => instruction.keyword === 'COPY')) {
      const { from, sources } = copySources(args);
      const stage = byName.get(from as string);
      expect(stage).toBeDefined();
      if (from === 'build') {
        for (const source of sources)
          expect(source).toMatch(/^\/app\/(apps|libs)\/[\w-]+\/(dist|\.next|scripts|next\.config\.ts)$|^\/app\/node_modules\/@twilio-alpha\/mcp\//);
      }
    }
  });

  it('the production dependencies stage sees only the package manifests and installs without dev dependencies', () => {
    const stage = byName.get('production-dependencies') as Stage;
    const copies = stage.instructions.filter((instruction) => instruction.keyword === 'COPY').map(({ args }) => copySources(args));
    expect(copies.length).toBeGreaterThan(0);
    for (const { from, sources } of copies) {
      expect(from).toBeUndefined();
      for (const source of sources) expect(source).toMatch(/(^|\/)package(-lock)?\.json$/);
    }
    expect(
      stage.instructions
        .filter((instruction) => instruction.keyword === 'RUN')
        .map(({ args }) => args)
        .join('\n'),
    ).toMatch(/npm ci [^\n]*--omit=dev/);
  });

  it.each(RUNTIME_STAGES)('%s: runs as the unprivileged node user', (name) => {
    const users = (byName.get(name) as Stage).instructions.filter((instruction) => instruction.keyword === 'USER');
    expect(users.at(-1)?.args).toBe('node');
  });

  it('docker-compose.yml builds exactly these runtime stages', () => {
    const targets = [...readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8').matchAll(/target: (\w+)/g)].map((match) => match[1]);
    expect(targets.sort()).toEqual([...RUNTIME_STAGES].sort());
  });
});
