import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigService } from '@nestjs/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DEMO_NUMBERS, SandboxControls } from '@flex-sms/twilio-sandbox';
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
    expect(account).toMatchObject({
      mode: 'sandbox',
      accountSid: expect.stringMatching(/^AC/),
      proxyServiceSid: expect.stringMatching(/^KS/),
      chatServiceSid: expect.stringMatching(/^IS/),
    });
    expect(account.sandboxUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await request(url)
      .get('/health/ready')
      .expect(200, {
        status: 'ready',
        checks: {
          database: { status: 'up' },
          twilio: {
            status: 'up',
            mode: 'sandbox',
            // OUTBOUND_MODE unset: the demo account's Chat + Proxy numbers and its Conversations number, each found.
            outboundMode: 'mixed',
            outboundModeSource: 'detected',
            outboundModeDetail:
              'detected per number: +15550100001, +15550100002 chat-proxy (Flex Flow); +15550100003 conversations (Conversations Address Configuration)',
            delivery: { callbacks: 'on' },
          },
        },
      });
  });

  it('accepts the documented demo API key when BOOTSTRAP_API_KEY is unset', () => {
    expect(app.get(AppConfig).bootstrapApiKey).toBe(DEMO_API_KEY);
    // The same validated configuration, through @nestjs/config's ConfigService.
    expect(app.get(ConfigService).get('store')).toEqual({ kind: 'embedded', dataDir: 'memory://' });
  });

  it('keeps the demo key in Swagger UI across reloads (persistAuthorization): it is public', async () => {
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

/**
 * `npm start` stopped and started again: the journal (SQLite under DATA_DIR) and the embedded sandbox (its state
 * under DATA_DIR too) must agree, or History would link to channels the sandbox no longer has.
 */
describe('API without Twilio credentials, restarted on the same DATA_DIR', () => {
  const CUSTOMER = '+15557778101';
  let dataDir: string;
  let app: NestExpressApplication | undefined;

  const start = async () => {
    app = await createApp(loadAppConfig({ SANDBOX_PORT: '0', DATA_DIR: dataDir }), { logger: false });
    await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    return {
      http: (method: 'get' | 'post', path: string) => request(url)[method](path).auth(DEMO_API_KEY, { type: 'bearer' }),
      sandboxUrl: app.get(TwilioAccount).sandboxUrl as string,
    };
  };
  const stop = async () => {
    await app?.close();
    app = undefined;
  };

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'api-sandbox-restart-'));
  });
  afterAll(async () => {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('still serves the channel, session and SMS its History links to', async () => {
    const before = await start();
    const sent = await before
      .http('post', '/api/v1/outbound/message')
      .send({ fromNumber: DEMO_NUMBERS[0], toNumber: CUSTOMER, toName: 'Ada', messageBody: 'Your order shipped.' })
      .expect(201);
    const channelSid: string = sent.body.channel.sid;
    await stop();

    const after = await start();
    const entry = (await after.http('get', `/api/v1/outbound/${sent.body.id}`).expect(200)).body;
    expect(JSON.stringify(entry)).toContain(channelSid);
    expect((await after.http('get', `/api/v1/channels/${channelSid}`).expect(200)).body.channel).toMatchObject({ sid: channelSid });
    expect(await new SandboxControls(after.sandboxUrl).handsetThread(CUSTOMER)).toEqual([
      expect.objectContaining({ direction: 'received', body: 'Your order shipped.' }),
    ]);
    // The same customer again: the sandbox still holds the pair, so the product reuses the channel as before the restart.
    const again = await after
      .http('post', '/api/v1/outbound/message')
      .send({ fromNumber: DEMO_NUMBERS[0], toNumber: CUSTOMER, toName: 'Ada', messageBody: 'It arrives today.' })
      .expect(201);
    expect(again.body.channel.sid).toBe(channelSid);
  }, 60_000);
});
