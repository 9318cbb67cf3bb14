import { SandboxControls, startSandbox, type RunningSandbox } from '@flex-sms/twilio-sandbox';
import { createTwilioClient } from './twilio-client.factory';
import type { TwilioRequestObservation } from './twilio-request-observer';

describe('TwilioRequestObserver, against the sandbox over HTTP', () => {
  let sandbox: RunningSandbox;
  let observations: TwilioRequestObservation[];
  let client: ReturnType<typeof createTwilioClient>;
  const recording = () => ({ requestFinished: (observation: TwilioRequestObservation) => void observations.push(observation) });

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    await new SandboxControls(sandbox.url).clearFaults();
    observations = [];
    const { accountSid, authToken } = sandbox.account;
    client = createTwilioClient({ accountSid, authToken, baseUrl: sandbox.url, timeoutMs: 5_000, observer: recording() });
  });

  it('is told the product, method and status of every request, answered or refused', async () => {
    await client.flexApi.v1.flexFlow.list({ limit: 1 });
    const missingChannel = client.chat.v2.services(sandbox.account.chatServiceSid).channels('CH00000000000000000000000000000000');
    await expect(missingChannel.fetch()).rejects.toMatchObject({ status: 404 });

    expect(observations.map(({ product, method, status }) => ({ product, method, status }))).toEqual([
      { product: 'flex-api', method: 'GET', status: 200 },
      { product: 'chat', method: 'GET', status: 404 },
    ]);
    expect(observations.every((o) => o.durationMs >= 0)).toBe(true);
  });

  it("sees Twilio's 429s, which the SDK does not retry by itself", async () => {
    const throttled = { method: 'GET', path: '/flex-api/v1/FlexFlows', count: 1, status: 429, code: 20429, message: 'injected' };
    await new SandboxControls(sandbox.url).setFaults({ failNext: [throttled] });

    await expect(client.flexApi.v1.flexFlow.list({ limit: 1 })).rejects.toMatchObject({ status: 429 });

    expect(observations.map((o) => `${o.product} ${o.status}`)).toEqual(['flex-api 429']);
  });

  it('reports a request that got no answer with a null status, and still fails it', async () => {
    const { accountSid, authToken } = sandbox.account;
    const unreachable = createTwilioClient({ accountSid, authToken, baseUrl: 'http://127.0.0.1:9', timeoutMs: 5_000, observer: recording() });

    await expect(unreachable.proxy.v1.services.list({ limit: 1 })).rejects.toThrow();

    expect(observations.map((o) => `${o.product} ${o.method} ${o.status}`)).toEqual(['proxy GET null']);
  });

  it('never lets a failing observer fail the request', async () => {
    const { accountSid, authToken } = sandbox.account;
    const failing = {
      requestFinished: () => {
        throw new Error('metrics down');
      },
    };
    const throwing = createTwilioClient({ accountSid, authToken, baseUrl: sandbox.url, observer: failing });

    await expect(throwing.flexApi.v1.flexFlow.list({ limit: 1 })).resolves.toEqual(expect.any(Array));
  });
});
