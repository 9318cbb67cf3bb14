import { RunningSandbox, startSandbox } from '@flex-sms/twilio-sandbox';
import { ManualClock } from '../auth/auth.test-helpers';
import { TestApp, createTestApp } from '../testing/test-app';
import { HEALTH_CLOCK, READINESS_CACHE_MS, deploymentOutboundMode } from './readiness';
import { CALLBACKS_NEED_PUBLIC_BASE_URL } from '../delivery/delivery-callbacks';

describe('Health', () => {
  let sandbox: RunningSandbox;
  let api: TestApp;
  const clock = new ManualClock();
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    api = await createTestApp({ sandbox, logger: false, override: (builder) => builder.overrideProvider(HEALTH_CLOCK).useValue(clock) });
  });
  afterAll(async () => {
    await api.close();
    await sandbox.close().catch(() => undefined); // already closed by the last test
  });

  it('answers liveness without a key', async () => {
    await api.anonymous.get('/health').expect(200, { status: 'ok' });
  });

  it('is ready when the database and Twilio answer, with the outbound modes detection found per number (OUTBOUND_MODE unset)', async () => {
    await api.anonymous.get('/health/ready').expect(200, {
      status: 'ready',
      checks: {
        database: { status: 'up' },
        twilio: {
          status: 'up',
          mode: 'twilio',
          outboundMode: 'mixed',
          outboundModeSource: 'detected',
          outboundModeDetail:
            'detected per number: +15550100001, +15550100002 chat-proxy (Flex Flow); +15550100003 conversations (Conversations Address Configuration)',
          delivery: { callbacks: 'off', reason: CALLBACKS_NEED_PUBLIC_BASE_URL },
        },
      },
    });
  });

  // The sender directory's lists (read by the first probe above) stay cached a minute of real time, so only the probe's own call is counted.
  it(`asks Twilio at most once per ${READINESS_CACHE_MS / 1000} s, however many probes come (the route is public)`, async () => {
    clock.advance(READINESS_CACHE_MS);
    await api.controls.clearRequests();
    await Promise.all(Array.from({ length: 5 }, () => api.anonymous.get('/health/ready').expect(200)));
    for (let i = 0; i < 5; i++) await api.anonymous.get('/health/ready').expect(200);
    expect((await api.controls.requests()).total).toBe(1);
    clock.advance(READINESS_CACHE_MS);
    await api.anonymous.get('/health/ready').expect(200);
    expect((await api.controls.requests()).total).toBe(2);
  });

  it('is not ready (503, error shape, which check failed) when Twilio does not answer', async () => {
    await sandbox.close();
    clock.advance(READINESS_CACHE_MS);
    const response = await api.anonymous.get('/health/ready').expect(503);
    expect(response.body.error).toMatchObject({
      status: 503,
      code: 'NOT_READY',
      message: 'Not ready: twilio is down.',
      context: { checks: { database: { status: 'up' }, twilio: { status: 'down', reason: expect.stringMatching(/^unreachable/) } } },
    });
  });
});

describe('Readiness names the outbound mode, so the console shows the pages that apply', () => {
  it.each([
    [{ defaultMode: 'chat-proxy', conversationsNumbers: [] }, 'chat-proxy'],
    [{ defaultMode: 'chat-proxy', conversationsNumbers: ['+15550100002'] }, 'mixed'],
    [{ defaultMode: 'conversations', conversationsNumbers: [] }, 'conversations'],
    [{ defaultMode: 'conversations', conversationsNumbers: ['+15550100002'] }, 'conversations'],
  ] as const)('%j is %s', (policy, mode) => {
    expect(deploymentOutboundMode(policy)).toBe(mode);
  });

  it('reports OUTBOUND_MODE=conversations', async () => {
    const api = await createTestApp({ env: { OUTBOUND_MODE: 'conversations' }, logger: false });
    try {
      const response = await api.anonymous.get('/health/ready').expect(200);
      expect(response.body.checks.twilio).toEqual({
        status: 'up',
        mode: 'twilio',
        outboundMode: 'conversations',
        outboundModeSource: 'settings',
        outboundModeDetail: 'OUTBOUND_MODE=conversations',
        delivery: { callbacks: 'off', reason: CALLBACKS_NEED_PUBLIC_BASE_URL },
      });
    } finally {
      await api.close();
    }
  });
});
