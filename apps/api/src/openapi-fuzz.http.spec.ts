// Fuzzing every operation of the API's own OpenAPI document, as served at /docs-json: requests built from each
// operation's parameter and body schemas (testing/openapi-arbitraries.ts), mixed with hostile input, sent over real
// HTTP as each kind of caller. Whatever comes in: no answer is a 5xx, every 4xx is the one error shape the document
// describes, and a request answered 4xx left nothing behind, in the Twilio sandbox or in the API's own tables.
//
// Bounded for `npm test`: FUZZ_RUNS cases per operation and caller (default below). A run's seed is printed with
// any failure; FUZZ_SEED=<seed> replays the run, FUZZ_ONLY=<text> keeps the operations whose label contains it,
// e.g. `FUZZ_RUNS=200 FUZZ_ONLY="POST /api/v1/users" npx jest -c apps/api/jest.config.cjs openapi-fuzz`.
import http from 'node:http';
import { DEMO_NUMBERS } from '@flex-sms/twilio-sandbox';
import { fromSchema } from '@openapi-contrib/openapi-schema-to-json-schema';
import Ajv, { type ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { TEST_PASSWORD, createApiKey, createUser, signIn } from './auth/auth.test-helpers';
import { withCleanupOptions } from './cleanup/cleanup.test-helpers';
import { REQUEST_ID_HEADER } from './common/request-id';
import { FuzzOperation, FuzzRequest, OpenApiDocument, SchemaObject, fuzzOperations, fuzzRequest, resolve } from './testing/openapi-arbitraries';
import { TestApp, createTestApp } from './testing/test-app';

const DEFAULT_RUNS = 8;
const RUNS = positiveInteger('FUZZ_RUNS') ?? DEFAULT_RUNS;
const SEED = positiveInteger('FUZZ_SEED') ?? 1 + Math.floor(Math.random() * (2 ** 31 - 2));
const ONLY = process.env.FUZZ_ONLY;

/** The API's own tables of things a request creates (the journal and the throttles record failures on purpose). */
const API_RESOURCES = ['console_user', 'console_session', 'api_key', 'cleanup_job', 'cleanup_schedule', 'campaign'];

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

interface Caller {
  name: string;
  headers(): Record<string, string>;
  /** Called after each answer: a session caller signs in again once it has signed itself out. */
  answered?(request: FuzzRequest, answer: Answer): Promise<void>;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** Sends the request byte for byte as built (supertest and fetch would re-encode the target and check the body). */
function send(baseUrl: string, request: FuzzRequest, headers: Record<string, string>): Promise<Answer> {
  const url = new URL(baseUrl);
  return new Promise((resolvePromise, reject) => {
    // Node frames a GET's or DELETE's body only when told its length: without it, the body would be read as the next request.
    const length = request.body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(request.body)) };
    const outgoing = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.target,
        headers: { ...request.headers, ...length, ...headers },
        agent,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolvePromise({ status: incoming.statusCode ?? 0, headers: incoming.headers, text: Buffer.concat(chunks).toString('utf8') }),
        );
        incoming.on('error', reject);
      },
    );
    // The server may answer (413) and close before it has read a body it refuses; the answer is what counts.
    outgoing.on('error', reject);
    outgoing.setTimeout(60_000, () => outgoing.destroy(new Error('no answer within 60 s')));
    outgoing.end(request.body);
  });
}

/** The served document's ErrorResponse as a strict JSON Schema: no property the document does not name. */
function errorShapeValidator(document: OpenApiDocument): ValidateFunction {
  const strict = (schema: SchemaObject): SchemaObject => ({
    ...schema,
    ...(schema.properties
      ? {
          properties: Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, strict(value)])),
          additionalProperties: schema.additionalProperties ?? false,
        }
      : {}),
    ...(schema.items ? { items: strict(schema.items) } : {}),
  });
  const { $schema: _draft04, ...schema } = fromSchema(
    strict(resolve(document, { $ref: '#/components/schemas/ErrorResponse' })) as Parameters<typeof fromSchema>[0],
  );
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

const CALLERS = ['anonymous', 'operator (session)', 'operator (API key)', 'admin (API key)', 'operator restricted to a sender'];

describe('Fuzzing every operation of the served OpenAPI document', () => {
  let api: TestApp;
  let document: OpenApiDocument;
  let validErrorShape: ValidateFunction;
  let callers: Caller[];
  const tally = { cases: 0, byStatus: new Map<number, number>(), leftBehindChecks: 0, undocumented: new Set<string>() };

  const footprint = async (): Promise<Record<string, number>> => {
    const [sandbox, [row]] = await Promise.all([
      api.controls.resources(),
      api.db.query<Record<string, number>>(`SELECT ${API_RESOURCES.map((table) => `(SELECT count(*) FROM ${table}) AS ${table}`).join(', ')}`),
    ]);
    return {
      ...Object.fromEntries(Object.entries(sandbox).map(([kind, count]) => [`sandbox ${kind}`, count])),
      ...Object.fromEntries(Object.entries(row).map(([table, count]) => [`api ${table}`, Number(count)])),
    };
  };

  beforeAll(async () => {
    // The second number on Conversations, the first on Chat + Proxy: both outbound paths in one run.
    // No schedule timer: a fuzzed schedule's job, started between two cases, would look left behind by the second.
    api = await createTestApp({ env: { CONVERSATIONS_NUMBERS: DEMO_NUMBERS[1] }, override: withCleanupOptions() });
    document = (await api.anonymous.get('/docs-json').expect(200)).body;
    validErrorShape = errorShapeValidator(document);
    await createUser(api, 'fuzz.operator', 'operator');
    let cookie = await signIn(api, 'fuzz.operator', TEST_PASSWORD);
    const operatorKey = await createApiKey(api, 'operator', { name: 'fuzz operator' });
    const adminKey = await createApiKey(api, 'admin', { name: 'fuzz admin' });
    const restrictedKey = await createApiKey(api, 'operator', { name: 'fuzz restricted', allowedFromNumbers: [DEMO_NUMBERS[0]] });
    const bearer = (key: string) => () => ({ Authorization: `Bearer ${key}` });
    callers = [
      { name: 'anonymous', headers: () => ({}) },
      {
        name: 'operator (session)',
        headers: () => ({ Cookie: cookie }),
        // Before the footprint after the case is taken: the new session is the sign-out's, not the next case's.
        answered: async (request, answer) => {
          if (/^\/api\/v1\/auth\/logout/.test(request.target) && answer.status < 300) cookie = await signIn(api, 'fuzz.operator', TEST_PASSWORD);
        },
      },
      { name: 'operator (API key)', headers: bearer(operatorKey.key) },
      { name: 'admin (API key)', headers: bearer(adminKey.key) },
      { name: 'operator restricted to a sender', headers: bearer(restrictedKey.key) },
    ];
  });

  afterAll(async () => {
    agent.destroy();
    await api?.close();
    const statuses = [...tally.byStatus]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}×${count}`)
      .join(' ');
    // Not failures: the platform's answers (413, 415, 431, 400 MALFORMED_BODY…) are documented once, not per operation.
    const undocumented = [...tally.undocumented].sort();
    console.log(
      `OpenAPI fuzz (seed ${SEED}, ${RUNS} runs per operation and caller): ${tally.cases} requests; ${statuses}; ` +
        `${tally.leftBehindChecks} 4xx answers checked for leftovers; statuses an operation does not document: ${undocumented.length}` +
        (process.env.FUZZ_VERBOSE ? `\n  ${undocumented.join('\n  ')}` : ' (FUZZ_VERBOSE=1 lists them)'),
    );
  });

  const SIGN_IN = 'POST /api/v1/auth/login';
  const operations = () => fuzzOperations(document).filter((operation) => !ONLY || operation.label.includes(ONLY));

  async function fuzz(operation: FuzzOperation, caller: Caller): Promise<void> {
    const seed = SEED + operations().indexOf(operation) * CALLERS.length + CALLERS.indexOf(caller.name);
    // Each case's footprint after is the next one's before: cases run one at a time, and nothing else runs between.
    let last = await footprint();
    await fc.assert(
      fc.asyncProperty(fuzzRequest(operation), async (request) => {
        const before = last;
        const answer = await send(api.url, request, caller.headers()).catch((error: Error) => {
          throw new Error(describeCase(operation, caller, request, { status: 0, headers: {}, text: '' }, [`no answer: ${error.message}`]));
        });
        await caller.answered?.(request, answer);
        last = await footprint();
        tally.cases++;
        tally.byStatus.set(answer.status, (tally.byStatus.get(answer.status) ?? 0) + 1);
        if (!operation.statuses.includes(answer.status)) tally.undocumented.add(`${operation.label} ${answer.status}`);
        const problems = problemsOf(answer, before, last);
        if (problems.length > 0) throw new Error(describeCase(operation, caller, request, answer, problems));
      }),
      {
        numRuns: RUNS,
        seed,
        // The API keeps state between cases, so a shrunk case would not replay the failure anyway.
        endOnFailure: true,
        reporter: (details) => {
          if (!details.failed) return;
          const reason = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
          throw new Error(`${reason}\n\nReplay the run: FUZZ_SEED=${SEED} (fast-check seed ${seed} for this operation and caller)`);
        },
      },
    );
  }

  it('finds the operations in the served document', () => {
    expect(operations().length).toBeGreaterThan(ONLY ? 0 : 40);
  });

  it.each(CALLERS)(
    'as %s: no 5xx, every 4xx in the error shape and leaving nothing behind',
    async (name) => {
      const caller = callers.find((each) => each.name === name)!;
      for (const operation of operations()) if (operation.label !== SIGN_IN) await fuzz(operation, caller);
    },
    30 * 60_000,
  );

  // Last: the sign-in throttle counts every failed attempt from this address, and would refuse the session caller's
  // signing in again after a fuzzed sign-out.
  it(
    'signing in, as each caller: no 5xx, every 4xx in the error shape and leaving nothing behind',
    async () => {
      for (const operation of operations().filter((each) => each.label === SIGN_IN)) for (const caller of callers) await fuzz(operation, caller);
    },
    30 * 60_000,
  );

  function problemsOf(answer: Answer, before: Record<string, number>, after: Record<string, number>): string[] {
    // 503 with Retry-After is the product's answer while Twilio or the database is unavailable; neither is, here.
    if (answer.status >= 500) return [`answered ${answer.status}`];
    if (answer.status < 400) return [];
    const problems: string[] = [];
    const contentType = String(answer.headers['content-type'] ?? '');
    if (!/^application\/json; charset=utf-8$/i.test(contentType))
      problems.push(`Content-Type is "${contentType}", not application/json; charset=utf-8`);
    let body: { error?: { status?: unknown; requestId?: unknown } } | undefined;
    try {
      body = JSON.parse(answer.text);
    } catch {
      problems.push('the body is not JSON');
    }
    if (body !== undefined) {
      if (!validErrorShape(body)) problems.push(`not the ErrorResponse shape: ${JSON.stringify(validErrorShape.errors)}`);
      if (body.error?.status !== answer.status) problems.push(`error.status ${JSON.stringify(body.error?.status)} is not the HTTP status`);
      if (body.error?.requestId !== answer.headers[REQUEST_ID_HEADER.toLowerCase()]) problems.push('error.requestId is not the X-Request-Id header');
    }
    tally.leftBehindChecks++;
    const grown = Object.keys(after).filter((kind) => after[kind] > (before[kind] ?? 0));
    if (grown.length > 0) problems.push(`left behind: ${grown.map((kind) => `${kind} ${before[kind] ?? 0} → ${after[kind]}`).join(', ')}`);
    return problems;
  }
});

function describeCase(operation: FuzzOperation, caller: Caller, request: FuzzRequest, answer: Answer, problems: string[]): string {
  const clip = (text: string) => (text.length > 600 ? `${text.slice(0, 600)}… (${text.length} characters)` : text);
  const body = request.body === undefined ? '(none)' : clip(request.body.toString());
  return [
    `${operation.label} as ${caller.name}: ${problems.join('; ')}`,
    `  request: ${request.method} ${clip(request.target)}`,
    `  headers: ${clip(JSON.stringify(request.headers))}`,
    `  body: ${JSON.stringify(body)}`,
    `  traits: ${request.traits.join(', ') || '(valid)'}`,
    `  answer: ${answer.status} ${String(answer.headers['content-type'] ?? '')} ${clip(answer.text)}`,
  ].join('\n');
}

function positiveInteger(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return Number(raw);
}
