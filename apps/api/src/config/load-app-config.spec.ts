import { DEMO_ADMIN, DEMO_API_KEY } from './app-config';
import { problemsOf } from './config.test-helpers';
import { Environment, loadAppConfig } from './load-app-config';

const ACCOUNT_SID = `AC${'a'.repeat(32)}`;
const PROXY_SID = `KS${'b'.repeat(32)}`;
const CHAT_SID = `IS${'c'.repeat(32)}`;
const API_KEY_SID = `SK${'d'.repeat(32)}`;
const KEY = 'k'.repeat(24);

const withCredentials: Environment = {
  TWILIO_ACCOUNT_SID: ACCOUNT_SID,
  TWILIO_AUTH_TOKEN: 'token',
  TWILIO_PROXY_SERVICE_SID: PROXY_SID,
  TWILIO_CHAT_SERVICE_SID: CHAT_SID,
  BOOTSTRAP_API_KEY: KEY,
};

describe('loadAppConfig', () => {
  describe('without Twilio credentials (embedded sandbox)', () => {
    it('starts the sandbox on port 3100 with the documented demo key and the defaults', () => {
      const config = loadAppConfig({});
      expect(config.twilio).toEqual({ mode: 'sandbox', sandboxPort: 3100, sandboxDataDir: expect.stringMatching(/\/data\/sandbox$/) });
      expect(config.bootstrapApiKey).toBe(DEMO_API_KEY);
      expect(config.port).toBe(3000);
      expect(config.corsOrigins).toEqual(['http://localhost:4200', 'http://127.0.0.1:4200']);
      expect(config.store).toEqual({ kind: 'embedded', dataDir: expect.stringMatching(/\/data$/) });
    });

    it('treats empty variables as unset (docker compose passes ${VAR:-} as "")', () => {
      const config = loadAppConfig({ TWILIO_ACCOUNT_SID: '', TWILIO_AUTH_TOKEN: ' ', BOOTSTRAP_API_KEY: '' });
      expect(config.twilio.mode).toBe('sandbox');
      expect(config.bootstrapApiKey).toBe(DEMO_API_KEY);
    });

    it('honours SANDBOX_PORT=0 (any free port) and an explicit key', () => {
      const config = loadAppConfig({ SANDBOX_PORT: '0', BOOTSTRAP_API_KEY: KEY });
      expect(config.twilio).toEqual({ mode: 'sandbox', sandboxPort: 0, sandboxDataDir: expect.stringMatching(/\/data\/sandbox$/) });
      expect(config.bootstrapApiKey).toBe(KEY);
    });

    it('keeps the sandbox state under DATA_DIR as long as the journal is kept, in memory beside an in-memory database', () => {
      const sandboxDir = (env: Environment) => {
        const { twilio } = loadAppConfig(env);
        return twilio.mode === 'sandbox' ? twilio.sandboxDataDir : undefined;
      };
      expect(sandboxDir({ DATA_DIR: '/var/lib/flex-sms' })).toBe('/var/lib/flex-sms/sandbox');
      expect(sandboxDir({ DATA_DIR: '/var/lib/flex-sms', DATABASE_URL: 'postgres://u:p@db:5432/sms', ALLOW_SANDBOX_ON_DATABASE: 'true' })).toBe(
        '/var/lib/flex-sms/sandbox',
      );
      expect(sandboxDir({ DATA_DIR: '/var/lib/flex-sms', DATABASE_URL: 'memory://' })).toBe('memory://');
    });

    it('rejects TWILIO_BASE_URL alone: it would silently be ignored', () => {
      expect(problemsOf({ TWILIO_BASE_URL: 'http://127.0.0.1:3100' })).toEqual({
        TWILIO_BASE_URL: expect.stringContaining('no Twilio credentials'),
      });
    });
  });

  describe('with Twilio credentials', () => {
    it('builds the Twilio settings from the TWILIO_* variables', () => {
      const config = loadAppConfig({ ...withCredentials, TWILIO_BASE_URL: 'http://127.0.0.1:3100/' });
      expect(config.twilio).toEqual({
        mode: 'twilio',
        accountSid: ACCOUNT_SID,
        credentials: { kind: 'authToken', authToken: 'token' },
        proxyServiceSid: PROXY_SID,
        chatServiceSid: CHAT_SID,
        baseUrl: 'http://127.0.0.1:3100',
      });
      expect(config.bootstrapApiKey).toBe(KEY);
    });

    it("accepts the original Functions' ACCOUNT_SID and AUTH_TOKEN", () => {
      const { TWILIO_ACCOUNT_SID: _sid, TWILIO_AUTH_TOKEN: _token, ...rest } = withCredentials;
      const config = loadAppConfig({ ...rest, ACCOUNT_SID: ACCOUNT_SID, AUTH_TOKEN: 'legacy' });
      expect(config.twilio).toMatchObject({ accountSid: ACCOUNT_SID, credentials: { kind: 'authToken', authToken: 'legacy' } });
    });

    it('accepts an API key and secret instead of the auth token', () => {
      const { TWILIO_AUTH_TOKEN: _token, ...rest } = withCredentials;
      const config = loadAppConfig({ ...rest, TWILIO_API_KEY: API_KEY_SID, TWILIO_API_SECRET: 'secret' });
      expect(config.twilio).toMatchObject({ credentials: { kind: 'apiKey', apiKeySid: API_KEY_SID, apiKeySecret: 'secret' } });
    });

    it('names every missing variable at once', () => {
      expect(problemsOf({ TWILIO_ACCOUNT_SID: ACCOUNT_SID })).toEqual({
        TWILIO_AUTH_TOKEN: expect.stringContaining('required'),
        TWILIO_PROXY_SERVICE_SID: expect.stringContaining('required'),
        TWILIO_CHAT_SERVICE_SID: expect.stringContaining('required'),
        BOOTSTRAP_API_KEY: expect.stringContaining('required'),
      });
    });

    it('names every malformed variable at once', () => {
      const problems = problemsOf({
        ...withCredentials,
        TWILIO_ACCOUNT_SID: 'AC123',
        TWILIO_PROXY_SERVICE_SID: CHAT_SID,
        TWILIO_CHAT_SERVICE_SID: 'chat',
        BOOTSTRAP_API_KEY: 'short',
        PORT: 'eighty',
        SANDBOX_PORT: '70000',
        DATABASE_URL: 'mysql://db/flex',
        TWILIO_BASE_URL: 'ftp://example.test',
        CORS_ORIGIN: 'http://localhost:4200/admin',
      });
      expect(Object.keys(problems).sort()).toEqual(
        [
          'BOOTSTRAP_API_KEY',
          'CORS_ORIGIN',
          'DATABASE_URL',
          'PORT',
          'SANDBOX_PORT',
          'TWILIO_ACCOUNT_SID',
          'TWILIO_BASE_URL',
          'TWILIO_CHAT_SERVICE_SID',
          'TWILIO_PROXY_SERVICE_SID',
        ].sort(),
      );
      expect(problems.TWILIO_PROXY_SERVICE_SID).toContain('KS');
      expect(problems.PORT).toContain('"eighty"');
    });

    it('rejects an API key without its secret, and a token together with a key', () => {
      expect(problemsOf({ ...withCredentials, TWILIO_API_KEY: API_KEY_SID })).toEqual({
        TWILIO_API_SECRET: expect.stringContaining('required'),
        TWILIO_AUTH_TOKEN: expect.stringContaining('not both'),
      });
    });

    it('rejects conflicting TWILIO_ACCOUNT_SID and ACCOUNT_SID', () => {
      expect(problemsOf({ ...withCredentials, ACCOUNT_SID: `AC${'f'.repeat(32)}` })).toEqual({
        TWILIO_ACCOUNT_SID: expect.stringContaining('different values'),
      });
    });
  });

  it('lists the problems in the error message, one line each', () => {
    expect(() => loadAppConfig({ ...withCredentials, BOOTSTRAP_API_KEY: undefined, PORT: '-1' })).toThrow(
      /Invalid configuration \(2 problems\):\n {2}- PORT: .*\n {2}- BOOTSTRAP_API_KEY: is required/,
    );
  });

  it('reads the store settings: PostgreSQL URL, in-memory, or a data directory', () => {
    const postgres = { ...withCredentials, DATABASE_URL: 'postgres://u:p@db:5432/flex' };
    expect(loadAppConfig(postgres).store).toEqual({ kind: 'postgres', url: 'postgres://u:p@db:5432/flex', lockConnections: 40 });
    expect(loadAppConfig({ ...postgres, DATABASE_LOCK_CONNECTIONS: '64' }).store).toMatchObject({ lockConnections: 64 });
    expect(() => loadAppConfig({ ...postgres, DATABASE_LOCK_CONNECTIONS: '1' })).toThrow('DATABASE_LOCK_CONNECTIONS');
    expect(loadAppConfig({ DATABASE_URL: 'memory://' }).store).toEqual({ kind: 'embedded', dataDir: 'memory://' });
    expect(loadAppConfig({ DATA_DIR: '/var/lib/flex-sms' }).store).toEqual({ kind: 'embedded', dataDir: '/var/lib/flex-sms' });
  });

  describe('a deployment never runs on demo values by accident', () => {
    it('refuses the sandbox on a PostgreSQL server (docker compose without its .env) unless ALLOW_SANDBOX_ON_DATABASE=true', () => {
      const problems = problemsOf({ DATABASE_URL: 'postgres://u:p@db:5432/flex', TWILIO_ACCOUNT_SID: '', TWILIO_AUTH_TOKEN: '' });
      expect(Object.keys(problems)).toEqual(['DATABASE_URL']);
      expect(problems.DATABASE_URL).toMatch(/no Twilio credentials are set.*Set TWILIO_ACCOUNT_SID.*or set ALLOW_SANDBOX_ON_DATABASE=true/);
      expect(loadAppConfig({ DATABASE_URL: 'postgres://u:p@db:5432/flex', ALLOW_SANDBOX_ON_DATABASE: 'true' }).store).toMatchObject({
        kind: 'postgres',
      });
      expect(problemsOf({ DATABASE_URL: 'postgres://u:p@db:5432/flex', ALLOW_SANDBOX_ON_DATABASE: 'yes' })).toEqual({
        ALLOW_SANDBOX_ON_DATABASE: 'must be true or false, got "yes"',
        DATABASE_URL: expect.any(String),
      });
      // What the sandbox runs on by default stays as it was: the embedded database, or memory.
      expect(loadAppConfig({}).twilio.mode).toBe('sandbox');
      expect(loadAppConfig({ DATABASE_URL: 'memory://' }).twilio.mode).toBe('sandbox');
    });

    it("refuses the sandbox's public demo API key and admin password with Twilio credentials", () => {
      expect(problemsOf({ ...withCredentials, BOOTSTRAP_API_KEY: DEMO_API_KEY, ADMIN_USERNAME: 'ops', ADMIN_PASSWORD: DEMO_ADMIN.password })).toEqual(
        {
          BOOTSTRAP_API_KEY: expect.stringContaining("is the sandbox's public demo key"),
          ADMIN_PASSWORD: expect.stringContaining('public password'),
        },
      );
      // In sandbox mode they are what it runs on anyway.
      expect(
        loadAppConfig({ BOOTSTRAP_API_KEY: DEMO_API_KEY, ADMIN_USERNAME: 'ops', ADMIN_PASSWORD: DEMO_ADMIN.password }).auth.initialAdmin,
      ).toEqual({ username: 'ops', password: DEMO_ADMIN.password, demo: false });
    });

    it('takes over a database recorded for another account only with ADOPT_DATABASE=true', () => {
      expect(loadAppConfig({}).adoptDatabase).toBe(false);
      expect(loadAppConfig({ ADOPT_DATABASE: 'true' }).adoptDatabase).toBe(true);
    });
  });

  it('accepts several CORS origins', () => {
    expect(loadAppConfig({ CORS_ORIGIN: 'http://localhost:4200, https://admin.example.com' }).corsOrigins).toEqual([
      'http://localhost:4200',
      'https://admin.example.com',
    ]);
  });

  it('reads the Twilio request timeout (default 30 s, bounded) and the listening interface', () => {
    expect(loadAppConfig({}).twilioRequestTimeoutMs).toBe(30_000);
    expect(loadAppConfig({ TWILIO_REQUEST_TIMEOUT_MS: '5000' }).twilioRequestTimeoutMs).toBe(5_000);
    expect(() => loadAppConfig({ TWILIO_REQUEST_TIMEOUT_MS: '50' })).toThrow(
      /TWILIO_REQUEST_TIMEOUT_MS: must be a number of milliseconds from 1000 to 120000/,
    );
    expect(loadAppConfig({}).host).toBe('0.0.0.0');
    expect(loadAppConfig({ HOST: '127.0.0.1' }).host).toBe('127.0.0.1');
  });

  it('reads where Twilio reaches the API and when deliveries are reconciled', () => {
    expect(loadAppConfig({}).delivery).toEqual({ publicBaseUrl: null, reconcileAfterMs: 600_000, reconcileEveryMs: 60_000 });
    const config = loadAppConfig({
      PUBLIC_BASE_URL: 'https://sms.example.com/flex/',
      DELIVERY_RECONCILE_AFTER_MS: '0',
      DELIVERY_RECONCILE_EVERY_MS: '0',
    });
    expect(config.delivery).toEqual({ publicBaseUrl: 'https://sms.example.com/flex', reconcileAfterMs: 0, reconcileEveryMs: 0 });
    expect(problemsOf({ PUBLIC_BASE_URL: 'sms.example.com' })).toEqual({ PUBLIC_BASE_URL: expect.stringContaining('must be the http(s) URL') });
    expect(problemsOf({ PUBLIC_BASE_URL: 'https://sms.example.com/?x=1' })).toEqual({
      PUBLIC_BASE_URL: expect.stringContaining('without query or fragment'),
    });
    expect(problemsOf({ DELIVERY_RECONCILE_AFTER_MS: '10m' })).toEqual({ DELIVERY_RECONCILE_AFTER_MS: expect.stringContaining('milliseconds') });
  });

  it('reads the clean-up concurrency (default 8, from 1 to 50)', () => {
    expect(loadAppConfig({}).cleanupConcurrency).toBe(8);
    expect(loadAppConfig({ CLEANUP_CONCURRENCY: '32' }).cleanupConcurrency).toBe(32);
    expect(problemsOf({ CLEANUP_CONCURRENCY: '0' })).toEqual({ CLEANUP_CONCURRENCY: 'must be a whole number from 1 to 50, got "0"' });
    expect(problemsOf({ CLEANUP_CONCURRENCY: '51' })).toEqual({ CLEANUP_CONCURRENCY: 'must be a whole number from 1 to 50, got "51"' });
    expect(problemsOf({ CLEANUP_CONCURRENCY: 'many' })).toEqual({ CLEANUP_CONCURRENCY: 'must be a whole number from 1 to 50, got "many"' });
  });

  it('reads the campaign send concurrency (default 32, from 1 to 50)', () => {
    expect(loadAppConfig({}).campaignSendConcurrency).toBe(32);
    expect(loadAppConfig({ CAMPAIGN_SEND_CONCURRENCY: '12' }).campaignSendConcurrency).toBe(12);
    expect(problemsOf({ CAMPAIGN_SEND_CONCURRENCY: '51' })).toEqual({ CAMPAIGN_SEND_CONCURRENCY: 'must be a whole number from 1 to 50, got "51"' });
  });

  describe('auth and logging', () => {
    it('writes JSON lines at level info unless LOG_FORMAT / LOG_LEVEL say otherwise, naming bad values', () => {
      expect(loadAppConfig({}).logOutput).toEqual({ level: 'info', format: 'json' });
      expect(loadAppConfig({ LOG_LEVEL: 'Debug', LOG_FORMAT: 'pretty' }).logOutput).toEqual({ level: 'debug', format: 'pretty' });
      expect(problemsOf({ LOG_LEVEL: 'verbose', LOG_FORMAT: 'text' })).toEqual({
        LOG_LEVEL: 'must be one of trace, debug, info, warn, error, fatal, silent, got "verbose"',
        LOG_FORMAT: 'must be one of json, pretty, got "text"',
      });
    });

    it('reads METRICS_TOKEN: unset by default, long enough, and never the bootstrap key', () => {
      expect(loadAppConfig({}).metricsToken).toBeUndefined();
      expect(loadAppConfig({ METRICS_TOKEN: 'scraper-token-0123456789' }).metricsToken).toBe('scraper-token-0123456789');
      expect(problemsOf({ METRICS_TOKEN: 'short' })).toEqual({ METRICS_TOKEN: expect.stringContaining('must be at least 16 characters') });
      expect(problemsOf({ ...withCredentials, METRICS_TOKEN: KEY })).toEqual({
        METRICS_TOKEN: 'must not be the BOOTSTRAP_API_KEY: a scraper needs no admin key',
      });
    });

    it('defaults: 8 h sessions, 60 sends a minute, redacted logs, trust the loopback proxy', () => {
      const config = loadAppConfig({});
      expect(config.auth).toEqual({
        sessionTtlMs: 8 * 60 * 60_000,
        sessionCookieSecure: false,
        sendsPerMinute: 60,
        initialAdmin: { ...DEMO_ADMIN, demo: true },
      });
      expect(config.logging).toEqual({ redactMessageBodies: true, redactPhoneNumbers: true });
      expect(config.trustProxy).toBe('loopback');
    });

    it('with Twilio credentials: a Secure cookie and no demo admin', () => {
      const config = loadAppConfig(withCredentials);
      expect(config.auth.sessionCookieSecure).toBe(true);
      expect(config.auth.initialAdmin).toBeUndefined();
      expect(loadAppConfig({ ...withCredentials, SESSION_COOKIE_SECURE: 'false' }).auth.sessionCookieSecure).toBe(false);
    });

    it('takes the first admin from ADMIN_USERNAME/ADMIN_PASSWORD, both or neither, with a long enough password', () => {
      expect(loadAppConfig({ ...withCredentials, ADMIN_USERNAME: 'ops', ADMIN_PASSWORD: 'twelve chars' }).auth.initialAdmin).toEqual({
        username: 'ops',
        password: 'twelve chars',
        demo: false,
      });
      expect(problemsOf({ ADMIN_USERNAME: 'ops' })).toEqual({ ADMIN_PASSWORD: expect.stringContaining('is required with ADMIN_USERNAME') });
      expect(problemsOf({ ADMIN_PASSWORD: 'twelve chars' })).toEqual({ ADMIN_USERNAME: expect.stringContaining('is required with ADMIN_PASSWORD') });
      expect(problemsOf({ ADMIN_USERNAME: 'ops', ADMIN_PASSWORD: 'short' })).toEqual({ ADMIN_PASSWORD: 'must be at least 12 characters' });
    });

    it('reads the limits, redaction switches and trusted proxies, naming bad values', () => {
      const config = loadAppConfig({
        SESSION_TTL_MINUTES: '15',
        SEND_RATE_LIMIT_PER_MINUTE: '5',
        LOG_REDACT_MESSAGE_BODIES: 'false',
        LOG_REDACT_PHONE_NUMBERS: '0',
        TRUST_PROXY: '10.0.0.0/8',
      });
      expect(config.auth).toMatchObject({ sessionTtlMs: 15 * 60_000, sendsPerMinute: 5 });
      expect(config.logging).toEqual({ redactMessageBodies: false, redactPhoneNumbers: false });
      expect(config.trustProxy).toBe('10.0.0.0/8');
      expect(loadAppConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
      expect(loadAppConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
      expect(
        problemsOf({ SESSION_TTL_MINUTES: '0', SEND_RATE_LIMIT_PER_MINUTE: 'lots', LOG_REDACT_PHONE_NUMBERS: 'maybe', TRUST_PROXY: 'true' }),
      ).toEqual({
        SESSION_TTL_MINUTES: expect.stringContaining('must be a whole number'),
        SEND_RATE_LIMIT_PER_MINUTE: expect.stringContaining('must be a whole number'),
        LOG_REDACT_PHONE_NUMBERS: 'must be true or false, got "maybe"',
        TRUST_PROXY: expect.stringContaining('not true'),
      });
    });
  });
});
