import { createServer } from 'node:net';
import twilio from 'twilio';
import { eventually, startCallbackReceiver, type CallbackReceiver } from '../testing/callback-receiver';
import { CallbackDispatcher, type LoggedCallback } from './callback-dispatcher';
import { readConnectionOverrides } from './connection-overrides';

const AUTH_TOKEN = '12345678901234567890123456789012';

describe('CallbackDispatcher: signed, retried as the URL asks, never blocking', () => {
  let receiver: CallbackReceiver;
  let dispatcher: CallbackDispatcher;

  beforeEach(async () => {
    receiver = await startCallbackReceiver();
    dispatcher = new CallbackDispatcher();
  });
  afterEach(async () => {
    dispatcher.close();
    await receiver.close();
  });

  const settled = (id = 1) =>
    eventually(() => dispatcher.snapshot().find((entry) => entry.id === id && entry.outcome !== 'pending'), `callback ${id} to settle`);

  it('signs a form POST so that twilio.validateRequest accepts it (repeated names and the query string included)', async () => {
    const url = `${receiver.url}/status?source=sandbox`;
    dispatcher.send(
      { event: 'test', url, method: 'POST', params: { MessageSid: 'SM1', MessageStatus: 'delivered', Body: 'Grüße & more' } },
      AUTH_TOKEN,
    );
    await settled();
    const [request] = receiver.received;
    expect(request.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(request.params).toEqual({ MessageSid: 'SM1', MessageStatus: 'delivered', Body: 'Grüße & more' });
    expect(twilio.validateRequest(AUTH_TOKEN, request.headers['x-twilio-signature'] as string, request.url, request.params)).toBe(true);
    expect(
      twilio.validateRequest('another-token-0000000000000000000', request.headers['x-twilio-signature'] as string, request.url, request.params),
    ).toBe(false);
    expect(
      twilio.validateRequest(AUTH_TOKEN, request.headers['x-twilio-signature'] as string, request.url, {
        ...request.params,
        MessageStatus: 'failed',
      }),
    ).toBe(false);
  });

  it('signs a JSON body through bodySHA256, as twilio.validateRequestWithBody checks it', async () => {
    dispatcher.send({ event: 'test', url: `${receiver.url}/json`, method: 'POST', json: { status: 'delivered', sid: 'SM1' } }, AUTH_TOKEN);
    await settled();
    const [request] = receiver.received;
    expect(request.headers['content-type']).toBe('application/json');
    expect(new URL(request.url).searchParams.get('bodySHA256')).toMatch(/^[0-9a-f]{64}$/);
    expect(twilio.validateRequestWithBody(AUTH_TOKEN, request.headers['x-twilio-signature'] as string, request.url, request.rawBody)).toBe(true);
    expect(twilio.validateRequestWithBody(AUTH_TOKEN, request.headers['x-twilio-signature'] as string, request.url, '{"status":"failed"}')).toBe(
      false,
    );
  });

  it('puts the parameters of a GET in the query string and signs the URL alone', async () => {
    dispatcher.send({ event: 'test', url: `${receiver.url}/get`, method: 'GET', params: { EventType: 'onMessageAdded', Body: 'a b' } }, AUTH_TOKEN);
    await settled();
    const [request] = receiver.received;
    expect(request).toMatchObject({ method: 'GET', params: { EventType: 'onMessageAdded', Body: 'a b' } });
    expect(twilio.validateRequest(AUTH_TOKEN, request.headers['x-twilio-signature'] as string, request.url, {})).toBe(true);
  });

  it('retries a 5xx when the URL asks for it (#rc, #rp), with one idempotency token and signature; the fragment is not sent', async () => {
    receiver.answer('/flaky', [500, 503, 200]);
    dispatcher.send({ event: 'test', url: `${receiver.url}/flaky#rc=3&rp=5xx`, method: 'POST', params: { A: '1' } }, AUTH_TOKEN);
    const entry = await settled();
    expect(entry.attempts.map((attempt) => attempt.status)).toEqual([500, 503, 200]);
    expect(entry.outcome).toBe('delivered');
    const requests = receiver.at('/flaky');
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((request) => request.headers['i-twilio-idempotency-token'])).size).toBe(1);
    expect(
      requests.every((request) => twilio.validateRequest(AUTH_TOKEN, request.headers['x-twilio-signature'] as string, request.url, request.params)),
    ).toBe(true);
    expect(requests[0].url).toBe(`${receiver.url}/flaky`);
  });

  it('by default (rp=ct) never retries an HTTP answer, 5xx included; nor a 2xx or a 4xx under any 5xx policy', async () => {
    receiver.answer('/down', 500);
    receiver.answer('/refuses', 403);
    dispatcher.send({ event: 'test', url: `${receiver.url}/down`, method: 'POST' }, AUTH_TOKEN);
    dispatcher.send({ event: 'test', url: `${receiver.url}/refuses#rc=5&rp=5xx,ct,rt`, method: 'POST' }, AUTH_TOKEN);
    dispatcher.send({ event: 'test', url: `${receiver.url}/fine#rc=5&rp=all`, method: 'POST' }, AUTH_TOKEN);
    const entries: LoggedCallback[] = [await settled(1), await settled(2), await settled(3)];
    expect(entries.map((entry) => [entry.outcome, entry.attempts.map((attempt) => attempt.status)])).toEqual([
      ['failed', [500]],
      ['failed', [403]],
      ['delivered', [204]],
    ]);
    expect(receiver.received).toHaveLength(3);
  });

  it('retries a refused connection once by default (rc=1, rp=ct), then gives up', async () => {
    const port = await freePort();
    dispatcher.send({ event: 'test', url: `http://127.0.0.1:${port}/nobody`, method: 'POST' }, AUTH_TOKEN);
    const entry = await settled();
    expect(entry).toMatchObject({
      outcome: 'failed',
      attempts: [
        { status: null, failure: 'ct' },
        { status: null, failure: 'ct' },
      ],
    });
  });

  it('sends callbacks of one order key one after another, a slow retry included', async () => {
    receiver.answer('/ordered', [503, 204]);
    const send = (status: string) =>
      dispatcher.send({ event: 'test', url: `${receiver.url}/ordered#rp=5xx`, method: 'POST', params: { status }, orderKey: 'SM1' }, AUTH_TOKEN);
    send('queued');
    send('sent');
    send('delivered');
    await settled(3);
    expect(receiver.at('/ordered').map((request) => request.params.status)).toEqual(['queued', 'queued', 'sent', 'delivered']);
  });
});

describe('readConnectionOverrides', () => {
  it("reads Twilio's documented defaults, bounds and policies", () => {
    const plain = readConnectionOverrides('https://example.com/hook?x=1');
    expect(plain.url).toBe('https://example.com/hook?x=1');
    expect(plain.overrides).toMatchObject({ connectTimeoutMs: 5000, readTimeoutMs: 15_000, totalTimeMs: 15_000, retryCount: 1 });
    expect([...plain.overrides.retryOn]).toEqual(['ct']);
    const tuned = readConnectionOverrides('https://example.com/hook#ct=200&rt=99999&rc=9&rp=5xx,rt', { readTimeoutMs: 5000 });
    expect(tuned.url).toBe('https://example.com/hook');
    expect(tuned.overrides).toMatchObject({ connectTimeoutMs: 200, readTimeoutMs: 15_000, retryCount: 5 });
    expect([...tuned.overrides.retryOn].sort()).toEqual(['5xx', 'rt']);
    expect([...readConnectionOverrides('https://example.com/#rp=all').overrides.retryOn].sort()).toEqual(['4xx', '5xx', 'ct', 'rt']);
    expect(readConnectionOverrides('https://example.com/', { readTimeoutMs: 5000 }).overrides.readTimeoutMs).toBe(5000);
  });
});

/** A port nothing listens on (taken, then released). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
