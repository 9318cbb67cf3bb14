// The chaos run's traffic: mixed initiates (both flows), some customers repeated, some requests re-sent with their
// Idempotency-Key, each retried by the client the way a careful caller would.
import { DEMO_NUMBERS } from '../bench/lib/customers.mjs';
import { sleep } from '../bench/lib/processes.mjs';

/** A caller retries these with the same Idempotency-Key: the API said "try again", or the connection failed. */
const RETRYABLE_STATUSES = new Set([0, 502, 503]);
/**
 * Per logical request: attempts and total time the client is willing to spend. The budget is what counts: after a
 * crash a key answers 409 "still running" until start-up recovery has settled its request (up to the Twilio request
 * timeout, 5 s here), which a caller retrying every second must be allowed to outlast.
 */
const MAX_ATTEMPTS = 16;
const CLIENT_BUDGET_MS = 20_000;

/**
 * The plan: `count` logical requests, deterministic from `seed`. About 30% go to a customer already used, and
 * about 10% re-send an earlier request (same key, same body) as a caller whose first answer got lost would.
 */
export function planRequests(count, seed = 1) {
  const random = mulberry32(seed);
  const customers = [];
  const plan = [];
  for (let i = 0; i < count; i++) {
    if (plan.length > 0 && random() < 0.1) {
      const earlier = plan[Math.floor(random() * plan.length)];
      plan.push({ ...earlier, index: i, resend: true });
      continue;
    }
    const repeat = customers.length > 0 && random() < 0.3;
    const toNumber = repeat ? customers[Math.floor(random() * customers.length)] : `+1415${String(7_000_000 + customers.length).padStart(7, '0')}`;
    if (!repeat) customers.push(toNumber);
    const flow = random() < 0.5 ? 'task' : 'message';
    const fromNumber = DEMO_NUMBERS[Math.floor(random() * DEMO_NUMBERS.length)];
    const body =
      flow === 'task'
        ? { fromNumber, toName: 'Chaos Customer', toNumber, ...(random() < 0.5 ? { initialMessage: `Hello #${i}` } : {}) }
        : { fromNumber, toName: 'Chaos Customer', toNumber, messageBody: `Notice #${i}` };
    plan.push({ index: i, flow, body, idempotencyKey: `chaos-${seed}-${i}`, resend: false });
  }
  return plan;
}

/**
 * Sends one logical request, retrying with the same Idempotency-Key on connection errors, 502/503 and 409
 * IDEMPOTENCY_KEY_IN_USE (the first attempt still runs), within the client's budget. `getClient` is read on each
 * attempt: the API may have been restarted on the same port meanwhile.
 */
export async function sendWithRetries(getClient, request) {
  const started = Date.now();
  const attempts = [];
  let response;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    response = await getClient().initiate(request.flow, request.body, { idempotencyKey: request.idempotencyKey });
    const code = response.body?.error?.code;
    attempts.push(response.status === 0 ? `conn:${response.error?.code ?? response.error?.message}` : `${response.status}${code ? ` ${code}` : ''}`);
    const retry = RETRYABLE_STATUSES.has(response.status) || (response.status === 409 && code === 'IDEMPOTENCY_KEY_IN_USE');
    if (!retry) return { request, final: response, attempts };
    const delay = retryDelay(response, attempt);
    if (attempt === MAX_ATTEMPTS || Date.now() - started + delay > CLIENT_BUDGET_MS) break;
    await sleep(delay);
  }
  return { request, final: response, attempts, gaveUp: true };
}

/** Retry-After when the API gives one, else exponential backoff from 200 ms with jitter. */
function retryDelay(response, attempt) {
  const retryAfter = Number(response.headers?.['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter > 0) return retryAfter * 1000;
  return Math.min(4_000, 200 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
}

/** A small seeded PRNG: the same plan on every run, so a failure can be replayed. */
function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
