import { Controller, Get, Module } from '@nestjs/common';
import { TestApp, createTestApp } from '../testing/test-app';
import { Public } from './public.decorator';

@Controller('auth-probe')
class AuthProbeController {
  @Get()
  secret() {
    return { secret: true };
  }

  @Public()
  @Get('open')
  open() {
    return { open: true };
  }
}

@Module({ controllers: [AuthProbeController] })
class AuthProbeModule {}

describe('API key guard', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await createTestApp({ imports: [AuthProbeModule], logger: false });
  });
  afterAll(() => api.close());

  it('denies a route without a bearer token: 401 in the error shape', async () => {
    const response = await api.anonymous.get('/api/v1/auth-probe').expect(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.body).toEqual({
      error: { status: 401, code: 'UNAUTHENTICATED', message: expect.stringContaining('Authorization: Bearer'), requestId: response.headers['x-request-id'] },
    });
  });

  it('denies a wrong key, a key of another scheme, and a key with extra characters', async () => {
    for (const header of ['Bearer not-the-key', `Basic ${api.apiKey}`, `Bearer ${api.apiKey}x`, `Bearer ${api.apiKey.slice(0, -1)}`]) {
      const response = await api.anonymous.get('/api/v1/auth-probe').set('Authorization', header).expect(401);
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('lets the right key through', async () => {
    await api.anonymous.get('/api/v1/auth-probe').set('Authorization', `Bearer ${api.apiKey}`).expect(200, { secret: true });
  });

  it('leaves @Public() routes and the health probes open', async () => {
    await api.anonymous.get('/api/v1/auth-probe/open').expect(200, { open: true });
    await api.anonymous.get('/health').expect(200);
  });
});
