import type { AddressInfo } from 'node:net';
import { ConfigService } from '@nestjs/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { AppConfig, DEMO_ADMIN, DEMO_API_KEY } from './config/app-config';
import { loadAppConfig } from './config/load-app-config';
import { createApp } from './create-app';
import { TwilioAccount } from './twilio/twilio-account';

describe('API without Twilio credentials', () => {
  let app: NestExpressApplication;
  let url: string;
  beforeAll(async () => {
    const config = loadAppConfig({ SANDBOX_PORT: '0', DATABASE_URL: 'memory://' });
    app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });
  let closed = false;
  afterAll(async () => {
    if (!closed) await app?.close();
  });

  it('starts the embedded sandbox and works on its demo account', async () => {
    const account = app.get(TwilioAccount);
    expect(account).toMatchObject({ mode: 'sandbox', accountSid: expect.stringMatching(/^AC/), proxyServiceSid: expect.stringMatching(/^KS/), chatServiceSid: expect.stringMatching(/^IS/) });
    expect(account.sandboxUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await request(url).get('/health/ready').expect(200, { status: 'ready', checks: { database: { status: 'up' }, twilio: { status: 'up', mode: 'sandbox', outboundMode: 'legacy' } } });
  });

  it('accepts the documented demo API key when BOOTSTRAP_API_KEY is unset', () => {
    expect(app.get(AppConfig).bootstrapApiKey).toBe(DEMO_API_KEY);
    // The same validated configuration, through @nestjs/config's ConfigService.
    expect(app.get(ConfigService).get('store')).toEqual({ kind: 'embedded', dataDir: 'memory://' });
  });

  it("keeps the demo key in Swagger UI across reloads (persistAuthorization): it is public", async () => {
    const init = await request(url).get('/docs/swagger-ui-init.js').expect(200);
    expect(init.text).toContain('"persistAuthorization": true');
  });

  it('signs the demo admin in with a plain-named, non-Secure cookie: the console runs on http://localhost', async () => {
    const response = await request(url).post('/api/v1/auth/login').send(DEMO_ADMIN).expect(200);
    const [cookie] = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    expect(cookie).toMatch(/^flex_sms_session=[\w-]{43}; Path=\/; Expires=.+; HttpOnly; SameSite=Strict$/);
    await request(url).get('/api/v1/auth/me').set('Cookie', cookie.split(';')[0]).expect(200);
  });

  it('stops the embedded sandbox when the API closes', async () => {
    const { sandboxUrl } = app.get(TwilioAccount);
    await app.close();
    closed = true;
    await expect(fetch(`${sandboxUrl}/_sandbox/account`)).rejects.toThrow();
  });
});
