import { Controller, Get, Logger, Module, Query } from '@nestjs/common';
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
  let lines: string[];
  beforeAll(async () => {
    api = await createTestApp({ imports: [LogProbeModule], logger: ['log', 'error', 'warn'] });
  });
  afterAll(() => api.close());
  beforeEach(() => {
    lines = [];
    for (const level of ['log', 'error', 'warn'] as const) {
      jest.spyOn(Logger.prototype, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
    }
  });
  afterEach(() => jest.restoreAllMocks());

  it('logs one line per request with status, caller and masked numbers, never the key', async () => {
    await api.http.get('/api/v1/log-probe?number=%2B14155550123').expect(200);
    const line = lines.find((candidate) => candidate.includes('/api/v1/log-probe'));
    expect(line).toMatch(/^GET \/api\/v1\/log-probe\?number=%2B1•+23 → 200 \d+ ms bootstrap \[[0-9a-f-]{36}\]/);
    expect(lines.join('\n')).not.toContain(api.apiKey);
  });

  it("keeps message bodies, numbers and passwords out of an error's logged stack", async () => {
    await api.http.get('/api/v1/log-probe/crash').expect(500);
    const logged = lines.join('\n');
    expect(logged).toContain('Twilio call failed');
    expect(logged).not.toMatch(/4155550123|Your code is|hunter2/);
  });

  it('keeps numbers when LOG_REDACT_PHONE_NUMBERS=false', async () => {
    const verbose = await createTestApp({ imports: [LogProbeModule], logger: ['log'], sandbox: api.sandbox, env: { LOG_REDACT_PHONE_NUMBERS: 'false' } });
    try {
      await verbose.http.get('/api/v1/log-probe?number=%2B14155550123').expect(200);
      expect(lines.join('\n')).toContain('number=%2B14155550123');
    } finally {
      await verbose.close();
    }
  });
});
