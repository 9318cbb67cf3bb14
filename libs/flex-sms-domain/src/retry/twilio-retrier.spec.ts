import { TwilioRequestFailed, TwilioTransientFailure, TwilioUnavailable } from '../errors';
import type { RetryObservation } from '../ports/retry-observer.port';
import { FakeClock, FixedRandom } from '../testing/fake-clock';
import { backoffDelay } from './retry-policy';
import { TwilioRetrier } from './twilio-retrier';

const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, budgetMs: 5_000 };
const throttled = (retryAfterMs?: number) => new TwilioTransientFailure('Too Many Requests', 'throttled', retryAfterMs, 429, 20429);
const serverError = () => new TwilioTransientFailure('Service Unavailable', 'server_error', undefined, 503, 20503);

/** An operation that fails with the given errors, then succeeds. */
function failingThen<T>(errors: Error[], value: T) {
  const call = jest.fn(async () => {
    const error = errors.shift();
    if (error) throw error;
    return value;
  });
  return call;
}

describe('TwilioRetrier', () => {
  let clock: FakeClock;
  let retrier: TwilioRetrier;

  beforeEach(() => {
    clock = new FakeClock();
    retrier = new TwilioRetrier(clock, new FixedRandom([0.5]), policy);
  });

  it("waits exactly a 429's Retry-After, then repeats even a non-idempotent request", async () => {
    const call = failingThen([throttled(2_500)], 'ok');

    await expect(retrier.run('post message', call, { kind: 'once' })).resolves.toBe('ok');

    expect(clock.sleeps).toEqual([2_500]);
    expect(call).toHaveBeenCalledTimes(2);
  });

  it('retries 5xx with capped exponential backoff and jitter', async () => {
    const call = failingThen([serverError(), serverError(), serverError()], 'ok');

    await retrier.run('fetch session', call);

    // attempt n: base·2^(n-1) capped at 1000, then half fixed + half × random(0.5)
    expect(clock.sleeps).toEqual([75, 150, 300]);
  });

  it('gives up after maxAttempts with TwilioUnavailable and a retry hint', async () => {
    const call = failingThen([serverError(), serverError(), serverError(), serverError(), serverError()], 'never');

    const failure = await retrier.run('fetch session', call).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(TwilioUnavailable);
    expect(failure).toMatchObject({ code: 'TWILIO_UNAVAILABLE', operation: 'fetch session', details: { lastStatus: 503 } });
    expect((failure as TwilioUnavailable).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(call).toHaveBeenCalledTimes(4);
  });

  it('stops when the next wait would exceed the time budget', async () => {
    const call = failingThen([throttled(3_000), throttled(3_000)], 'never');

    const failure = await retrier.run('create channel', call).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(TwilioUnavailable);
    expect((failure as TwilioUnavailable).retryAfterSeconds).toBe(3);
    expect(clock.now() - Date.parse('2026-01-01T12:00:00Z')).toBeLessThanOrEqual(policy.budgetMs);
    expect(call).toHaveBeenCalledTimes(2);
  });

  it('does not repeat a non-idempotent request after an ambiguous failure', async () => {
    const call = failingThen([serverError()], 'ok');

    await expect(retrier.run('post message', call, { kind: 'once' })).rejects.toThrow('may or may not have completed');
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('looks up what a create would have made before repeating it, and returns that instead', async () => {
    const create = failingThen([serverError()], 'second');
    const lookup = jest.fn(async () => 'made by the first attempt');

    await expect(retrier.run('create session', create, { kind: 'lookup-before-repeat', lookup })).resolves.toBe('made by the first attempt');
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('repeats the create when the look-up finds nothing', async () => {
    const create = failingThen([new TwilioTransientFailure('socket hang up', 'connection')], 'made');
    const lookup = jest.fn(async () => null);

    await expect(retrier.run('create session', create, { kind: 'lookup-before-repeat', lookup })).resolves.toBe('made');
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(create).toHaveBeenCalledTimes(2);
  });

  it('skips the look-up after a 429: Twilio did nothing', async () => {
    const create = failingThen([throttled(10)], 'made');
    const lookup = jest.fn(async () => 'unexpected');

    await expect(retrier.run('create session', create, { kind: 'lookup-before-repeat', lookup })).resolves.toBe('made');
    expect(lookup).not.toHaveBeenCalled();
  });

  it('tells its observer each retry it makes, with the reason and the wait, and not the one it gives up on', async () => {
    const retries: RetryObservation[] = [];
    const observed = new TwilioRetrier(clock, new FixedRandom([0.5]), policy, { retrying: (retry) => retries.push(retry) });
    const call = failingThen([throttled(2_500), serverError(), serverError(), serverError()], 'never');

    await expect(observed.run('fetch session', call)).rejects.toBeInstanceOf(TwilioUnavailable);

    expect(retries).toEqual([
      { operation: 'fetch session', reason: 'throttled', attempt: 1, delayMs: 2_500 },
      { operation: 'fetch session', reason: 'server_error', attempt: 2, delayMs: 150 },
      { operation: 'fetch session', reason: 'server_error', attempt: 3, delayMs: 300 },
    ]);
  });

  it('never retries a permanent failure', async () => {
    const call = failingThen([new TwilioRequestFailed('Invalid', 400, 20001)], 'never');

    await expect(retrier.run('create channel', call)).rejects.toBeInstanceOf(TwilioRequestFailed);
    expect(call).toHaveBeenCalledTimes(1);
    expect(clock.sleeps).toEqual([]);
  });
});

describe('backoffDelay', () => {
  it('stays within [half, full] of the capped exponential', () => {
    expect(backoffDelay(policy, 1, 0)).toBe(50);
    expect(backoffDelay(policy, 1, 0.999)).toBe(100);
    expect(backoffDelay(policy, 10, 0.999)).toBe(1_000);
  });
});
