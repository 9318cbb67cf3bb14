import { Controller, Get, Module, Query } from '@nestjs/common';
import { TestApp, createTestApp } from '../../testing/test-app';

@Controller('log-probe')
class LogProbeController {
  @Get()
  echo(@Query('number') number?: string) {
    return { number };
  }

  @Get('crash')
  crash(): never {
    throw new Error('Twilio call failed for {"toNumber":"+14155550123","messageBody":"Your code is 4321","password":"hunter2hunter2"}');
  }
}

@Module({ controllers: [LogProbeController] })
class LogProbeModule {}

describe('Logs: requests and errors are redacted', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await createTestApp({ imports: [LogProbeModule], captureLogs: true });
  });
  afterAll(() => api.close());
  beforeEach(() => api.logs.clear());

  it('logs one line per request with status, caller and masked numbers, never the key', async () => {
    const response = await api.http.get('/api/v1/log-probe?number=%2B14155550123').expect(200);
    const lines = api.logs.entries().filter((entry) => entry.route === '/api/v1/log-probe');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', method: 'GET', status: 200, caller: 'bootstrap' });
    expect(lines[0].url).toBe('/api/v1/log-probe?number=%2B1••••••••23');
    expect(lines[0].requestId).toBe(response.headers['x-request-id']);
    expect(lines[0].requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines[0].msg).toMatch(/^GET \/api\/v1\/log-probe\?number=%2B1•+23 → 200 in [\d.]+ ms$/);
    expect(api.logs.text()).not.toContain(api.apiKey);
  });

  it("keeps message bodies, numbers and passwords out of an error's logged stack", async () => {
    const response = await api.http.get('/api/v1/log-probe/crash').expect(500);
    const logged = api.logs.text();
    expect(logged).toContain('Twilio call failed');
    expect(logged).not.toMatch(/4155550123|Your code is|hunter2/);
    // The error's line carries its request's id: it can be found from the answer the caller got.
    const error = api.logs.entries().find((entry) => entry.level === 'error');
    expect(error).toMatchObject({ context: 'HTTP', requestId: response.body.error.requestId, err: { stack: expect.stringContaining('at ') } });
  });

  it('keeps numbers when LOG_REDACT_PHONE_NUMBERS=false', async () => {
    const env = { LOG_REDACT_PHONE_NUMBERS: 'false' };
    const verbose = await createTestApp({ imports: [LogProbeModule], captureLogs: true, sandbox: api.sandbox, env });
    try {
      await verbose.http.get('/api/v1/log-probe?number=%2B14155550123').expect(200);
      expect(verbose.logs.text()).toContain('number=%2B14155550123');
    } finally {
      await verbose.close();
    }
  });
});
