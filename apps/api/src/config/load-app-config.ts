import { isAbsolute, join, resolve } from 'node:path';
import { PhoneNumber, type OutboundMode, type OutboundModePolicy } from '@flex-sms/domain';
import {
  AppConfig,
  AuthSettings,
  DEFAULT_CAMPAIGN_SEND_CONCURRENCY,
  DEFAULT_CLEANUP_CONCURRENCY,
  DEFAULT_RECONCILE_AFTER_MS,
  DEFAULT_RECONCILE_EVERY_MS,
  DeliverySettings,
  DEMO_ADMIN,
  DEMO_API_KEY,
  InitialAdmin,
  LOG_LEVELS,
  LogOutputSettings,
  LogSettings,
  MAX_CAMPAIGN_SEND_CONCURRENCY,
  MAX_CLEANUP_CONCURRENCY,
  StoreSettings,
  SystemCallbackSettings,
  TwilioCredentials,
  TwilioSettings,
} from './app-config';

export type Environment = Readonly<Record<string, string | undefined>>;

export interface ConfigProblem {
  variable: string;
  message: string;
}

/** Every problem of the environment at once, so one restart fixes them all. */
export class ConfigValidationError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      [
        `Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):`,
        ...problems.map((p) => `  - ${p.variable}: ${p.message}`),
        'See apps/api/README.md for every variable.',
      ].join('\n'),
    );
    this.name = 'ConfigValidationError';
  }
}

const SID = {
  account: /^AC[0-9a-fA-F]{32}$/,
  apiKey: /^SK[0-9a-fA-F]{32}$/,
  proxyService: /^KS[0-9a-fA-F]{32}$/,
  chatService: /^IS[0-9a-fA-F]{32}$/,
};

/** Below this an API key is guessable; the demo key is 30 characters. */
const MIN_API_KEY_LENGTH = 16;

/**
 * Reads and validates the API's environment. Throws ConfigValidationError naming each missing or bad variable.
 * Empty strings count as unset (docker compose passes `${VAR:-}` through as "").
 */
export function loadAppConfig(env: Environment): AppConfig {
  const problems: ConfigProblem[] = [];
  const reader = new EnvReader(env, problems);

  const port = reader.port('PORT', 3000);
  const host = env.HOST?.trim() || '0.0.0.0';
  // Both spellings of the console's default address: the CSRF check compares the browser's Origin exactly.
  const corsOrigins = reader.origins('CORS_ORIGIN', ['http://localhost:4200', 'http://127.0.0.1:4200']);
  const mode = hasTwilioCredentials(reader) ? 'twilio' : 'sandbox';
  const dataDir = readDataDir(reader);
  const store = readStore(reader, dataDir, mode);
  const adoptDatabase = reader.boolean('ADOPT_DATABASE', false);
  const outboundModes = readOutboundModes(reader);
  // The embedded sandbox remembers as long as the journal does: in memory beside an in-memory database.
  const sandboxDataDir = store?.kind === 'embedded' && store.dataDir === 'memory://' ? 'memory://' : join(dataDir, 'sandbox');
  const twilio = readTwilio(reader, outboundModes, sandboxDataDir);
  const twilioRequestTimeoutMs = reader.milliseconds('TWILIO_REQUEST_TIMEOUT_MS', 30_000, { min: 1_000, max: 120_000 });
  const bootstrapApiKey = readBootstrapApiKey(reader, mode);
  const auth = readAuth(reader, mode);
  const logging = readLogging(reader);
  const logOutput = readLogOutput(reader);
  const metricsToken = bootstrapApiKey === undefined ? undefined : readMetricsToken(reader, bootstrapApiKey);
  const trustProxy = readTrustProxy(reader);
  const cleanupConcurrency = reader.integer('CLEANUP_CONCURRENCY', DEFAULT_CLEANUP_CONCURRENCY, { min: 1, max: MAX_CLEANUP_CONCURRENCY });
  const campaignSendConcurrency = reader.integer('CAMPAIGN_SEND_CONCURRENCY', DEFAULT_CAMPAIGN_SEND_CONCURRENCY, {
    min: 1,
    max: MAX_CAMPAIGN_SEND_CONCURRENCY,
  });
  const delivery = readDelivery(reader);
  const systemCallbacks = readSystemCallbacks(reader);

  if (problems.length > 0 || !twilio || !store || bootstrapApiKey === undefined) throw new ConfigValidationError(problems);
  return {
    port,
    host,
    corsOrigins,
    store,
    adoptDatabase,
    twilio,
    twilioRequestTimeoutMs,
    bootstrapApiKey,
    auth,
    logging,
    logOutput,
    ...(metricsToken ? { metricsToken } : {}),
    trustProxy,
    outboundModes,
    cleanupConcurrency,
    campaignSendConcurrency,
    delivery,
    systemCallbacks,
  };
}

const DAY_MS = 24 * 60 * 60_000;

function readDelivery(reader: EnvReader): DeliverySettings {
  const raw = reader.get('PUBLIC_BASE_URL');
  let publicBaseUrl: string | null = null;
  if (raw !== undefined) {
    const trimmed = raw.replace(/\/+$/, '');
    if (!isHttpUrl(trimmed) || /[?#]/.test(trimmed))
      reader.problem(
        'PUBLIC_BASE_URL',
        `must be the http(s) URL Twilio reaches this API at, without query or fragment (https://sms.example.com), got "${raw}"`,
      );
    else publicBaseUrl = trimmed;
  }
  return {
    publicBaseUrl,
    reconcileAfterMs: reader.milliseconds('DELIVERY_RECONCILE_AFTER_MS', DEFAULT_RECONCILE_AFTER_MS, { min: 0, max: 7 * DAY_MS }),
    reconcileEveryMs: reader.milliseconds('DELIVERY_RECONCILE_EVERY_MS', DEFAULT_RECONCILE_EVERY_MS, { min: 0, max: DAY_MS }),
  };
}

function readSystemCallbacks(reader: EnvReader): SystemCallbackSettings {
  return {
    retryBaseMs: reader.milliseconds('SYSTEM_CALLBACK_RETRY_BASE_MS', 1_000, { min: 1, max: 3_600_000 }),
    maxAttempts: reader.integer('SYSTEM_CALLBACK_MAX_ATTEMPTS', 12, { min: 1, max: 100 }),
    maxAgeMs: reader.integer('SYSTEM_CALLBACK_MAX_AGE_HOURS', 24, { min: 1, max: 7 * 24 }) * 3_600_000,
    timeoutMs: reader.milliseconds('SYSTEM_CALLBACK_TIMEOUT_MS', 10_000, { min: 100, max: 120_000 }),
    pollMs: reader.milliseconds('SYSTEM_CALLBACK_POLL_MS', 1_000, { min: 10, max: 60_000 }),
  };
}

/**
 * Pair-lock connections per API instance. Each send in flight holds one (see PostgresDatabase), so this caps one
 * instance's concurrent sends; with the 10 query connections it stays within PostgreSQL's default max_connections
 * (100) for two instances.
 */
export const DEFAULT_LOCK_CONNECTIONS = 40;

/** DATA_DIR, absolute: the embedded database and the embedded sandbox keep their data below it. */
function readDataDir(reader: EnvReader): string {
  const dataDir = reader.get('DATA_DIR') ?? './data';
  return isAbsolute(dataDir) ? dataDir : resolve(dataDir);
}

function readStore(reader: EnvReader, dataDir: string, mode: TwilioSettings['mode']): StoreSettings | undefined {
  const url = reader.get('DATABASE_URL');
  if (url === undefined) return { kind: 'embedded', dataDir };
  // In-memory SQLite: nothing survives a restart. Meant for tests and throwaway demos.
  if (url === 'memory://') return { kind: 'embedded', dataDir: 'memory://' };
  if (!/^postgres(ql)?:\/\/\S+$/.test(url)) {
    reader.problem('DATABASE_URL', 'must be a PostgreSQL URL (postgres://user:password@host:5432/database), or memory:// for an in-memory database');
    return undefined;
  }
  // A PostgreSQL server is where a deployment keeps its data; credentials missing there (docker compose without its
  // .env) must not quietly become the sandbox, whose demo API key and admin are public.
  if (mode === 'sandbox' && !reader.boolean('ALLOW_SANDBOX_ON_DATABASE', false)) {
    reader.problem(
      'DATABASE_URL',
      'is a PostgreSQL server, but no Twilio credentials are set, so the API would run the embedded sandbox there (public demo API key and admin). ' +
        'Set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN (or TWILIO_API_KEY/TWILIO_API_SECRET), TWILIO_CHAT_SERVICE_SID, TWILIO_PROXY_SERVICE_SID and BOOTSTRAP_API_KEY for your account, ' +
        'or set ALLOW_SANDBOX_ON_DATABASE=true to run the sandbox on this database on purpose',
    );
    return undefined;
  }
  return { kind: 'postgres', url, lockConnections: reader.integer('DATABASE_LOCK_CONNECTIONS', DEFAULT_LOCK_CONNECTIONS, { min: 2, max: 1_000 }) };
}

const CREDENTIAL_VARIABLES = ['TWILIO_ACCOUNT_SID', 'ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'AUTH_TOKEN', 'TWILIO_API_KEY', 'TWILIO_API_SECRET'];

function hasTwilioCredentials(reader: EnvReader): boolean {
  return CREDENTIAL_VARIABLES.some((name) => reader.get(name) !== undefined);
}

function readTwilio(reader: EnvReader, outboundModes: OutboundModePolicy, sandboxDataDir: string): TwilioSettings | undefined {
  const sandboxPort = reader.port('SANDBOX_PORT', 3100);
  const baseUrl = reader.httpUrl('TWILIO_BASE_URL');
  if (!hasTwilioCredentials(reader)) {
    if (baseUrl !== undefined) {
      reader.problem(
        'TWILIO_BASE_URL',
        'is set but no Twilio credentials are: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN too, or unset it to use the embedded sandbox',
      );
      return undefined;
    }
    return { mode: 'sandbox', sandboxPort, sandboxDataDir };
  }

  // The original Twilio Functions read ACCOUNT_SID/AUTH_TOKEN: accepted so their .env files keep working.
  const accountSid = reader.aliased('TWILIO_ACCOUNT_SID', 'ACCOUNT_SID');
  const credentials = readCredentials(reader);
  const proxyServiceSid = reader.get('TWILIO_PROXY_SERVICE_SID');
  const chatServiceSid = reader.get('TWILIO_CHAT_SERVICE_SID');

  if (accountSid === undefined) reader.problem('TWILIO_ACCOUNT_SID', 'is required with Twilio credentials (your Account SID, AC…)');
  else if (!SID.account.test(accountSid))
    reader.problem(reader.nameOf('TWILIO_ACCOUNT_SID', 'ACCOUNT_SID'), 'must be an Account SID: AC followed by 32 hex characters');
  // Flex Conversations has no Proxy (closed to new Twilio customers): a deployment whose numbers all use it needs none.
  const needsProxy = outboundModes.defaultMode === 'chat-proxy';
  if (proxyServiceSid === undefined && needsProxy) {
    reader.problem('TWILIO_PROXY_SERVICE_SID', 'is required with Twilio credentials unless OUTBOUND_MODE=conversations (the Proxy Service SID, KS…)');
  } else if (proxyServiceSid !== undefined && !SID.proxyService.test(proxyServiceSid)) {
    reader.problem('TWILIO_PROXY_SERVICE_SID', 'must be a Proxy Service SID: KS followed by 32 hex characters');
  }
  if (chatServiceSid === undefined) reader.problem('TWILIO_CHAT_SERVICE_SID', 'is required with Twilio credentials (the Flex Chat Service SID, IS…)');
  else if (!SID.chatService.test(chatServiceSid))
    reader.problem('TWILIO_CHAT_SERVICE_SID', 'must be a Chat Service SID: IS followed by 32 hex characters');

  if (!accountSid || !credentials || !chatServiceSid || reader.hasProblems()) return undefined;
  return { mode: 'twilio', accountSid, credentials, proxyServiceSid: proxyServiceSid ?? null, chatServiceSid, ...(baseUrl ? { baseUrl } : {}) };
}

function readCredentials(reader: EnvReader): TwilioCredentials | undefined {
  const authToken = reader.aliased('TWILIO_AUTH_TOKEN', 'AUTH_TOKEN');
  const apiKeySid = reader.get('TWILIO_API_KEY');
  const apiKeySecret = reader.get('TWILIO_API_SECRET');
  if (apiKeySid !== undefined || apiKeySecret !== undefined) {
    if (apiKeySid === undefined) reader.problem('TWILIO_API_KEY', 'is required with TWILIO_API_SECRET (the API key SID, SK…)');
    else if (!SID.apiKey.test(apiKeySid)) reader.problem('TWILIO_API_KEY', 'must be an API key SID: SK followed by 32 hex characters');
    if (apiKeySecret === undefined)
      reader.problem('TWILIO_API_SECRET', 'is required with TWILIO_API_KEY (the secret shown once when the key was created)');
    if (authToken !== undefined) reader.problem('TWILIO_AUTH_TOKEN', 'set either an auth token or TWILIO_API_KEY/TWILIO_API_SECRET, not both');
    return apiKeySid && apiKeySecret ? { kind: 'apiKey', apiKeySid, apiKeySecret } : undefined;
  }
  if (authToken === undefined) {
    reader.problem('TWILIO_AUTH_TOKEN', 'is required with TWILIO_ACCOUNT_SID (or use TWILIO_API_KEY and TWILIO_API_SECRET)');
    return undefined;
  }
  return { kind: 'authToken', authToken };
}

function readBootstrapApiKey(reader: EnvReader, mode: TwilioSettings['mode']): string | undefined {
  const key = reader.get('BOOTSTRAP_API_KEY');
  if (key === undefined) {
    if (mode === 'sandbox') return DEMO_API_KEY;
    // With a real account, an unset key must not mean an open door or a publicly known one.
    reader.problem(
      'BOOTSTRAP_API_KEY',
      `is required with Twilio credentials (at least ${MIN_API_KEY_LENGTH} characters; e.g. \`openssl rand -hex 32\`)`,
    );
    return undefined;
  }
  if (mode === 'twilio' && key === DEMO_API_KEY) {
    reader.problem(
      'BOOTSTRAP_API_KEY',
      `is the sandbox's public demo key: with Twilio credentials set a secret of your own (at least ${MIN_API_KEY_LENGTH} characters; e.g. \`openssl rand -hex 32\`)`,
    );
    return undefined;
  }
  if (key.length < MIN_API_KEY_LENGTH || /\s/.test(key)) {
    reader.problem('BOOTSTRAP_API_KEY', `must be at least ${MIN_API_KEY_LENGTH} characters without spaces`);
    return undefined;
  }
  return key;
}

/** Below this a console password is guessable offline from a leaked hash in reasonable time. */
export const MIN_PASSWORD_LENGTH = 12;

function readAuth(reader: EnvReader, mode: TwilioSettings['mode']): AuthSettings {
  const initialAdmin = readInitialAdmin(reader, mode);
  return {
    sessionTtlMs: reader.integer('SESSION_TTL_MINUTES', 8 * 60, { min: 1, max: 30 * 24 * 60 }) * 60_000,
    sessionCookieSecure: reader.boolean('SESSION_COOKIE_SECURE', mode === 'twilio'),
    sendsPerMinute: reader.integer('SEND_RATE_LIMIT_PER_MINUTE', 60, { min: 1, max: 100_000 }),
    ...(initialAdmin ? { initialAdmin } : {}),
  };
}

function readInitialAdmin(reader: EnvReader, mode: TwilioSettings['mode']): InitialAdmin | undefined {
  const username = reader.get('ADMIN_USERNAME');
  const password = reader.get('ADMIN_PASSWORD');
  if (username === undefined && password === undefined) return mode === 'sandbox' ? { ...DEMO_ADMIN, demo: true } : undefined;
  if (username === undefined) reader.problem('ADMIN_USERNAME', 'is required with ADMIN_PASSWORD (the first console admin)');
  const passwordProblem =
    password === undefined
      ? 'is required with ADMIN_USERNAME (the first console admin)'
      : password.length < MIN_PASSWORD_LENGTH
        ? `must be at least ${MIN_PASSWORD_LENGTH} characters`
        : mode === 'twilio' && password === DEMO_ADMIN.password
          ? "is the sandbox demo admin's public password: with Twilio credentials choose one of your own"
          : undefined;
  if (passwordProblem) reader.problem('ADMIN_PASSWORD', passwordProblem);
  if (username === undefined || password === undefined || passwordProblem) return undefined;
  return { username, password, demo: false };
}

function readLogging(reader: EnvReader): LogSettings {
  // Both on by default: a log is copied to more places than the database, and rarely needs the content to be useful.
  return {
    redactMessageBodies: reader.boolean('LOG_REDACT_MESSAGE_BODIES', true),
    redactPhoneNumbers: reader.boolean('LOG_REDACT_PHONE_NUMBERS', true),
  };
}

function readLogOutput(reader: EnvReader): LogOutputSettings {
  const level = reader.oneOf('LOG_LEVEL', LOG_LEVELS, 'info');
  const format = reader.oneOf('LOG_FORMAT', ['json', 'pretty'] as const, 'json');
  return { level, format };
}

function readMetricsToken(reader: EnvReader, bootstrapApiKey: string): string | undefined {
  const token = reader.get('METRICS_TOKEN');
  if (token === undefined) return undefined;
  if (token.length < MIN_API_KEY_LENGTH || /\s/.test(token)) {
    reader.problem('METRICS_TOKEN', `must be at least ${MIN_API_KEY_LENGTH} characters without spaces (e.g. \`openssl rand -hex 32\`)`);
    return undefined;
  }
  // The scraper's token is stored in more places (Prometheus' configuration) than an admin key should be.
  if (token === bootstrapApiKey) {
    reader.problem('METRICS_TOKEN', 'must not be the BOOTSTRAP_API_KEY: a scraper needs no admin key');
    return undefined;
  }
  return token;
}

function readTrustProxy(reader: EnvReader): boolean | number | string {
  const raw = reader.get('TRUST_PROXY');
  if (raw === undefined) return 'loopback';
  if (raw === 'false') return false;
  // `true` would let any client claim any address and so dodge the per-IP login throttle.
  if (raw === 'true') {
    reader.problem('TRUST_PROXY', 'must name the proxies to trust (loopback, a hop count, or addresses/subnets), not true');
    return 'loopback';
  }
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

const OUTBOUND_MODES = ['chat-proxy', 'conversations'] as const satisfies readonly OutboundMode[];
/** Deprecated OUTBOUND_MODE values, still read: `legacy` was chat-proxy's name until December 2026. */
const OUTBOUND_MODE_ALIASES = new Map<string, OutboundMode>([['legacy', 'chat-proxy']]);

function readOutboundModes(reader: EnvReader): OutboundModePolicy {
  const set = reader.get('OUTBOUND_MODE');
  const raw = set?.toLowerCase() ?? 'chat-proxy';
  const defaultMode = OUTBOUND_MODES.find((mode) => mode === raw) ?? OUTBOUND_MODE_ALIASES.get(raw);
  if (!defaultMode) reader.problem('OUTBOUND_MODE', `must be chat-proxy or conversations, got "${raw}"`);
  const listed = (reader.get('CONVERSATIONS_NUMBERS') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const bad = listed.filter((entry) => !/^\+[1-9]\d{6,14}$/.test(entry) || !PhoneNumber.tryParse(entry));
  if (bad.length > 0)
    reader.problem('CONVERSATIONS_NUMBERS', `must be a comma-separated list of E.164 numbers (+15551234567), got "${bad.join(', ')}"`);
  const conversationsNumbers = [
    ...new Set(listed.filter((entry) => !bad.includes(entry)).map((entry) => (PhoneNumber.tryParse(entry) as PhoneNumber).e164)),
  ];
  // Unset: each number's mode is found from the account (its Address Configurations and Flex Flows), Chat + Proxy
  // when it has neither.
  return { defaultMode: defaultMode ?? 'chat-proxy', conversationsNumbers, ...(set ? {} : { detect: true }) };
}

/** Reads variables and collects problems instead of stopping at the first one. */
class EnvReader {
  constructor(
    private readonly env: Environment,
    private readonly problems: ConfigProblem[],
  ) {}

  get(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value ? value : undefined;
  }

  problem(variable: string, message: string): void {
    this.problems.push({ variable, message });
  }

  hasProblems(): boolean {
    return this.problems.length > 0;
  }

  /** The variable's value, or its legacy alias's; both set to different values is a problem. */
  aliased(name: string, alias: string): string | undefined {
    const value = this.get(name);
    const legacy = this.get(alias);
    if (value !== undefined && legacy !== undefined && value !== legacy) {
      this.problem(name, `and ${alias} are both set, to different values: keep one`);
    }
    return value ?? legacy;
  }

  /** Which of a variable and its alias was set, for messages. */
  nameOf(name: string, alias: string): string {
    return this.get(name) === undefined && this.get(alias) !== undefined ? alias : name;
  }

  port(name: string, fallback: number): number {
    const raw = this.get(name);
    if (raw === undefined) return fallback;
    const port = Number(raw);
    if (!/^\d+$/.test(raw) || port > 65_535) {
      this.problem(name, `must be a port number from 0 to 65535 (0 = any free port), got "${raw}"`);
      return fallback;
    }
    return port;
  }

  milliseconds(name: string, fallback: number, range: { min: number; max: number }): number {
    const raw = this.get(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < range.min || value > range.max) {
      this.problem(name, `must be a number of milliseconds from ${range.min} to ${range.max}, got "${raw}"`);
      return fallback;
    }
    return value;
  }

  integer(name: string, fallback: number, range: { min: number; max: number }): number {
    const raw = this.get(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < range.min || value > range.max) {
      this.problem(name, `must be a whole number from ${range.min} to ${range.max}, got "${raw}"`);
      return fallback;
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.get(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    this.problem(name, `must be true or false, got "${raw}"`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.get(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    const value = allowed.find((candidate) => candidate === raw);
    if (value === undefined) this.problem(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
    return value ?? fallback;
  }

  httpUrl(name: string): string | undefined {
    const raw = this.get(name);
    if (raw === undefined) return undefined;
    if (!isHttpUrl(raw)) {
      this.problem(name, `must be an http(s) URL, got "${raw}"`);
      return undefined;
    }
    return raw.replace(/\/+$/, '');
  }

  origins(name: string, fallback: string[]): string[] {
    const raw = this.get(name);
    if (raw === undefined) return fallback;
    const origins = raw
      .split(',')
      .map((origin) => origin.trim().replace(/\/+$/, ''))
      .filter(Boolean);
    const bad = origins.filter((origin) => !isHttpUrl(origin) || new URL(origin).origin !== origin);
    if (bad.length > 0 || origins.length === 0) {
      this.problem(name, `must be a comma-separated list of origins such as http://localhost:4200 (scheme, host and port only), got "${raw}"`);
      return fallback;
    }
    return origins;
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
