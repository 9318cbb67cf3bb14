import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { LogLevel, ModuleMetadata } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { RunningSandbox, SandboxControls, startSandbox } from '@flex-sms/twilio-sandbox';
import { Logger } from 'nestjs-pino';
import request from 'supertest';
import { AppModule } from '../app.module';
import { configureHttp } from '../common/configure-http';
import { SILENT_LOG_OUTPUT } from '../common/logging/app-logger';
import { Environment, loadAppConfig } from '../config/load-app-config';
import { DATABASE, Database } from '../store/database';
import { TwilioAccount } from '../twilio/twilio-account';
import { CapturedLogs } from './captured-logs';

/** No Twilio settings at all: the API starts its own embedded sandbox, the only case the sandbox handset routes exist. */
export const EMBEDDED_SANDBOX_ENV: Environment = {
  TWILIO_ACCOUNT_SID: undefined,
  TWILIO_AUTH_TOKEN: undefined,
  TWILIO_PROXY_SERVICE_SID: undefined,
  TWILIO_CHAT_SERVICE_SID: undefined,
  TWILIO_BASE_URL: undefined,
  SANDBOX_PORT: '0',
};

export interface TestAppOptions {
  /** Environment variables on top of the test defaults (sandbox credentials, in-memory database, a random key). */
  env?: Environment;
  /** Extra modules, e.g. a test-only controller. */
  imports?: ModuleMetadata['imports'];
  /** Replace providers before the app is built: `(builder) => builder.overrideProvider(CLOCK).useValue(clock)`. */
  override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
  /** Use this running sandbox instead of starting one (it is then left running by close()). */
  sandbox?: RunningSandbox;
  /** Nest log levels; errors and warnings by default. */
  logger?: LogLevel[] | false;
  /**
   * Keep what the API logs (its pino JSON lines, from level info, Nest's own logs included) in `logs` instead of
   * printing Nest's logs at `logger`'s levels.
   */
  captureLogs?: boolean;
}

export interface TestApp {
  app: NestExpressApplication;
  /** http://127.0.0.1:<port> */
  url: string;
  /** Supertest agent on `url` sending `Authorization: Bearer <apiKey>` (the bootstrap key: an admin) with every request. */
  http: ReturnType<typeof request.agent>;
  /** Supertest on `url` without credentials, for auth tests. */
  anonymous: ReturnType<typeof request>;
  apiKey: string;
  sandbox: RunningSandbox;
  /** The sandbox's /_sandbox/* controls: inspect resources, inject faults, simulate inbound SMS. */
  controls: SandboxControls;
  /** The Twilio account the app works on (the sandbox's demo account). */
  account: TwilioAccount;
  /** The app's database (in memory unless DATABASE_URL is passed in `env`). */
  db: Database;
  /** What the API logged, with `captureLogs` (empty otherwise). */
  logs: CapturedLogs;
  close(): Promise<void>;
}

/**
 * The whole API over real HTTP against a Twilio sandbox of its own: sandbox on a free port, the API configured as
 * for a real account (credentials + TWILIO_BASE_URL = the sandbox), an in-memory database, listening on
 * 127.0.0.1 on a free port. Use one per suite (`beforeAll`) and close it in `afterAll`.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const sandbox = options.sandbox ?? (await startSandbox({ port: 0, host: '127.0.0.1' }));
  try {
    return await startApp(sandbox, options);
  } catch (error) {
    if (!options.sandbox) await sandbox.close();
    throw error;
  }
}

async function startApp(sandbox: RunningSandbox, options: TestAppOptions): Promise<TestApp> {
  const apiKey = `test-api-key-${randomBytes(12).toString('hex')}`;
  const config = loadAppConfig({
    TWILIO_ACCOUNT_SID: sandbox.account.accountSid,
    TWILIO_AUTH_TOKEN: sandbox.account.authToken,
    TWILIO_PROXY_SERVICE_SID: sandbox.account.proxyServiceSid,
    TWILIO_CHAT_SERVICE_SID: sandbox.account.chatServiceSid,
    TWILIO_BASE_URL: sandbox.url,
    DATABASE_URL: 'memory://',
    BOOTSTRAP_API_KEY: apiKey,
    // Suites send in bursts; the send limit has its own tests, which set it low again through `env`.
    SEND_RATE_LIMIT_PER_MINUTE: '100000',
    ...options.env,
  });
  const logs = new CapturedLogs();
  const logOutput = options.captureLogs ? { stream: logs, level: 'info' as const } : SILENT_LOG_OUTPUT;
  let builder = Test.createTestingModule({ imports: [AppModule.forRoot(config, logOutput), ...(options.imports ?? [])] });
  if (options.override) builder = options.override(builder);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    bodyParser: false,
    ...(options.captureLogs ? { bufferLogs: true } : { logger: options.logger ?? ['error', 'warn'] }),
  });
  if (options.captureLogs) app.useLogger(app.get(Logger));
  configureHttp(app, config);
  try {
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    // A start refused by an init hook (e.g. DeploymentGate) leaves nothing open: the database, a started sandbox.
    await app.close();
    throw error;
  }
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    app,
    url,
    http: request.agent(url).auth(apiKey, { type: 'bearer' }),
    anonymous: request(url),
    apiKey,
    sandbox,
    controls: new SandboxControls(sandbox.url),
    account: app.get(TwilioAccount),
    db: app.get<Database>(DATABASE),
    logs,
    async close() {
      await app.close();
      if (!options.sandbox) await sandbox.close();
    },
  };
}
