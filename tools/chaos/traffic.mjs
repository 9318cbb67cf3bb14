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

/**
 * Handsets whose carrier does not deliver, so the delivery truth has failures: of the plan's customers, every ninth
 * (from the fifth) is carrier-filtered (30007) and every ninth (from the eighth) unreachable (30003).
 */
export function handsetFates(plan) {
  const customers = [...new Set(plan.map((request) => request.body.toNumber))];
  return customers.flatMap((number, index) => {
    if (index % 9 === 4) return [{ number, fate: { outcome: 'carrier-filtered' } }];
    if (index % 9 === 7) return [{ number, fate: { outcome: 'undelivered', errorCode: 30003 } }];
    return [];
  });
}

/**
 * Customers who text STOP during the run, once `atIndex` of the plan has started: up to `count` customers the plan
 * first writes to after that point (so the STOP finds no Proxy session, which would drop it, and reaches the API
 * through the number's Flex Flow) and writes to again; each texts the number of their first request, which the
 * traffic then keeps sending from.
 */
export function planStops(plan, atIndex, count) {
  const firstIndex = new Map();
  for (const request of plan) if (!firstIndex.has(request.body.toNumber)) firstIndex.set(request.body.toNumber, request.index);
  const stops = [];
  for (const [customer, index] of firstIndex) {
    if (stops.length >= count) break;
    if (index <= atIndex + Math.ceil(plan.length * 0.1)) continue;
    const fromNumber = plan[index].body.fromNumber;
    const later = plan.filter((request) => request.body.toNumber === customer && request.body.fromNumber === fromNumber);
    if (later.length >= 2) stops.push({ customer, fromNumber });
  }
  return stops;
}

/**
 * The customer texts STOP from their handset; resolves once the API's consent register holds the opt-out (read back
 * through GET /api/v1/consent), with when that was first seen: what Twilio created afterwards for the pair breaks the
 * rule. `heard: false` when the API never got it within the wait. The STOP's own Flex conversation (the number's
 * Flex Flow opens one for it) is returned so the run does not count it as its own.
 */
export async function textStop(controls, getClient, stop, waitMs = 15_000) {
  const outcome = await controls.sendInboundSms({ from: stop.customer, to: stop.fromNumber, body: 'STOP' });
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    const listed = await getClient().get(`/api/v1/consent?number=${encodeURIComponent(stop.customer)}`);
    if (listed.status === 200 && listed.body.items.some((item) => item.recipient === stop.customer && item.scope === stop.fromNumber)) {
      return { ...stop, heard: true, reachedAt: Date.now(), created: createdBy(outcome) };
    }
    await sleep(100);
  }
  return { ...stop, heard: false, reachedAt: null, created: createdBy(outcome) };
}

function createdBy(outcome) {
  return { sessionSid: outcome.sessionSid ?? null, taskSid: outcome.taskSid ?? null, channelSid: outcome.channelSid ?? null };
}
