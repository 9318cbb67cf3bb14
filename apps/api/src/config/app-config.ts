import type { OutboundModePolicy } from '@flex-sms/domain';

/**
 * The API's configuration, validated once at start (see load-app-config.ts) and injected by class token:
 * `constructor(private readonly config: AppConfig)`. Nothing else in the API reads `process.env`.
 */
export abstract class AppConfig {
  /** HTTP port; 0 = any free port. */
  abstract readonly port: number;
  /** Interface to listen on: all of them by default (containers); 127.0.0.1 keeps a test or laptop run private. */
  abstract readonly host: string;
  /** Origins the admin console is served from (CORS). */
  abstract readonly corsOrigins: readonly string[];
  /**
   * An admin API key from the environment (Authorization: Bearer <key>), for automation and first set-up; API keys
   * created in the console or through /api/v1/api-keys are stored hashed in the database instead.
   */
  abstract readonly bootstrapApiKey: string;
  abstract readonly auth: AuthSettings;
  abstract readonly logging: LogSettings;
  abstract readonly logOutput: LogOutputSettings;
  /**
   * METRICS_TOKEN: a Bearer token that opens `GET /metrics` (and nothing else) to a Prometheus scraper; unset = only
   * admins may read the metrics.
   */
  abstract readonly metricsToken?: string;
  /**
   * Express's `trust proxy`: which peers may tell the client's address in X-Forwarded-For (login throttling per IP).
   * `loopback` by default: the admin console's proxy on the same host.
   */
  abstract readonly trustProxy: boolean | number | string;
  abstract readonly store: StoreSettings;
  /**
   * ADOPT_DATABASE: take over a database recorded for another mode or Twilio account (see deployment/). Without it the
   * API refuses to start on such a database rather than mix one account's journal, users and keys with another's.
   */
  abstract readonly adoptDatabase: boolean;
  abstract readonly twilio: TwilioSettings;
  /**
   * How long one Twilio request may take. Also how long a request sent by a process that died may still land in
   * Twilio: start-up recovery waits that long after an interrupted request before undoing it.
   */
  abstract readonly twilioRequestTimeoutMs: number;
  /**
   * How numbers start outbound conversations: `chat-proxy` (Programmable Chat + Proxy) or `conversations` (Conversations +
   * the Flex Interactions API, for Flex UI 2.x accounts). OUTBOUND_MODE sets the default, CONVERSATIONS_NUMBERS moves
   * single numbers to conversations mode (an account migrating number by number).
   */
  abstract readonly outboundModes: OutboundModePolicy;
  /**
   * Clean-up items (e.g. Proxy sessions) a job works on at once in this process. Each item has one Twilio request in
   * flight at a time, so this is how many of the account's concurrent-request slots clean-up takes from live sends.
   */
  abstract readonly cleanupConcurrency: number;
  /**
   * Campaign sends in flight at once in this process (CAMPAIGN_SEND_CONCURRENCY): enough that the campaigns' pacing,
   * not this, sets their rate (see DEFAULT_CAMPAIGN_SEND_CONCURRENCY).
   */
  abstract readonly campaignSendConcurrency: number;
  abstract readonly delivery: DeliverySettings;
  abstract readonly systemCallbacks: SystemCallbackSettings;
}

/**
 * How system callbacks (an API key's callbackUrl, a request's statusCallbackUrl) are sent: attempt n waits
 * retryBaseMs × 4^(n-1) after the one before (1 s, 4 s, 16 s…, at most an hour), until maxAttempts or until
 * maxAgeMs after the change, whichever comes first.
 */
export interface SystemCallbackSettings {
  /** SYSTEM_CALLBACK_RETRY_BASE_MS (1000): the wait after the first failed attempt. */
  readonly retryBaseMs: number;
  /** SYSTEM_CALLBACK_MAX_ATTEMPTS (12). */
  readonly maxAttempts: number;
  /** SYSTEM_CALLBACK_MAX_AGE_HOURS (24), in milliseconds: no attempt is started later than this after the change. */
  readonly maxAgeMs: number;
  /** SYSTEM_CALLBACK_TIMEOUT_MS (10000): how long one attempt waits for the receiver's answer. */
  readonly timeoutMs: number;
  /** SYSTEM_CALLBACK_POLL_MS (1000): how often an instance looks for callbacks due (also right after one is recorded). */
  readonly pollMs: number;
}

/** How the API learns what happened to an SMS after Twilio accepted it (status callbacks, reconciliation). */
export interface DeliverySettings {
  /**
   * PUBLIC_BASE_URL: where Twilio reaches this API (scheme, host, optional path; no trailing slash), for the
   * callback URLs registered with Twilio and for checking X-Twilio-Signature, which signs the URL Twilio called.
   * Null = unset: in sandbox mode the API's own address, in Twilio mode no callbacks (reconciliation only).
   */
  readonly publicBaseUrl: string | null;
  /** DELIVERY_RECONCILE_AFTER_MS: a send still unsettled this long after it succeeded is read back from Twilio. */
  readonly reconcileAfterMs: number;
  /** DELIVERY_RECONCILE_EVERY_MS: how often one instance looks for such sends; 0 = never (tests run it themselves). */
  readonly reconcileEveryMs: number;
}

/** Twilio retries a status callback a few times over minutes at most: ten minutes on, it is lost. */
export const DEFAULT_RECONCILE_AFTER_MS = 10 * 60_000;
export const DEFAULT_RECONCILE_EVERY_MS = 60_000;

/**
 * CLEANUP_CONCURRENCY's default. Twilio answers 429 beyond an account's concurrent-request limit (100 by default),
 * and clean-up shares that limit with live sends (up to 2 requests in flight each): 8 slots leave over 90% of it to
 * live traffic, while a 5,000-session clean-up still takes minutes, not hours, at Twilio's usual latency.
 */
export const DEFAULT_CLEANUP_CONCURRENCY = 8;
/** Half the default account limit: more would leave live sends to fight clean-up for slots (429s and retries). */
export const MAX_CLEANUP_CONCURRENCY = 50;

/**
 * CAMPAIGN_SEND_CONCURRENCY's default. A campaign is paced per sender (at most one send per 1/pacing s), and the
 * sends a process needs in flight to keep up are the pacing of the senders it serves times how long a send takes:
 * a Chat + Proxy send is about 5 Twilio requests, 3 of them one after the other, so ~180 ms at 50 ms per request
 * (measured by the campaigns bench); 4 senders at 20/s then need ~15, and 8 were a cap of ~11/s per sender. 32 keeps
 * that pacing with Twilio twice as slow, or twice the senders; a send beyond the pacing only waits for its sender's
 * slot (claimed at most 500 ms ahead), so a larger value costs no Twilio request. Each send has at most 2 Twilio
 * requests in flight, so 32 takes up to 64 of the account's 100 concurrent-request slots (429 beyond), clean-up's 8
 * and live sends the rest. Several API instances each run this many: lower it so the total stays under the limit.
 */
export const DEFAULT_CAMPAIGN_SEND_CONCURRENCY = 32;
/** Two requests in flight per send: 50 sends alone fill the default account limit of 100. */
export const MAX_CAMPAIGN_SEND_CONCURRENCY = 50;

/**
 * Where the data lives: `embedded` = SQLite in the API process, a file in `dataDir` (or in memory);
 * `postgres` = a PostgreSQL server.
 */
export type StoreSettings =
  | { readonly kind: 'embedded'; readonly dataDir: string | 'memory://' }
  | {
      readonly kind: 'postgres';
      readonly url: string;
      /**
       * Connections that hold pair locks (DATABASE_LOCK_CONNECTIONS): each send in flight holds one for its whole
       * duration (a session advisory lock), so this caps the sends one API instance runs at once.
       */
      readonly lockConnections: number;
    };

/**
 * `sandbox`: no Twilio credentials were given, so the API starts the embedded Twilio sandbox itself and uses its demo
 * account. `twilio`: the configured account, at real Twilio or at `baseUrl`.
 */
export type TwilioSettings =
  | {
      readonly mode: 'sandbox';
      readonly sandboxPort: number;
      /**
       * Where the embedded sandbox keeps its state (`<DATA_DIR>/sandbox`), so a restarted API finds the channels and
       * sessions its journal remembers; `memory://` with an in-memory database, which forgets them too.
       */
      readonly sandboxDataDir: string;
    }
  | {
      readonly mode: 'twilio';
      readonly accountSid: string;
      readonly credentials: TwilioCredentials;
      /** Null when every number uses Flex Conversations (OUTBOUND_MODE=conversations): no Proxy needed. */
      readonly proxyServiceSid: string | null;
      readonly chatServiceSid: string;
      /** Unset = real Twilio. */
      readonly baseUrl?: string;
    };

export type TwilioCredentials =
  { readonly kind: 'authToken'; readonly authToken: string } | { readonly kind: 'apiKey'; readonly apiKeySid: string; readonly apiKeySecret: string };

export interface AuthSettings {
  /** How long a console sign-in lasts (absolute: a session never outlives this, however busy). */
  readonly sessionTtlMs: number;
  /** Mark the session cookie `Secure` (HTTPS only). Off in sandbox mode, where the console runs on http://localhost. */
  readonly sessionCookieSecure: boolean;
  /** SMS sends allowed per caller (API key or user) per minute; more answer 429 with Retry-After. */
  readonly sendsPerMinute: number;
  /**
   * The console admin created at start when no user has its name (the sandbox's demo admin: only when there are no
   * users at all); unset = none is created.
   */
  readonly initialAdmin?: InitialAdmin;
}

export interface InitialAdmin {
  readonly username: string;
  readonly password: string;
  /** The sandbox's documented demo admin (DEMO_ADMIN), not one from ADMIN_USERNAME/ADMIN_PASSWORD. */
  readonly demo: boolean;
}

export interface LogSettings {
  /** Replace SMS message bodies in logs with a placeholder. */
  readonly redactMessageBodies: boolean;
  /** Mask phone numbers in logs, keeping the country code and the last two digits. */
  readonly redactPhoneNumbers: boolean;
}

/** pino's levels; `silent` logs nothing. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

export interface LogOutputSettings {
  /** LOG_LEVEL: the least severe level written (`info`: one line per request, and start-up). */
  readonly level: LogLevelName;
  /** LOG_FORMAT: `json` (one JSON object a line, for a log pipeline) or `pretty` (for a person at a terminal; `npm start`). */
  readonly format: 'json' | 'pretty';
}

/**
 * The console admin created on first start in sandbox mode when ADMIN_USERNAME/ADMIN_PASSWORD are unset. Public on
 * purpose, like DEMO_API_KEY: printed at start, written in the README, and only ever created for the sandbox.
 */
export const DEMO_ADMIN = { username: 'admin', password: 'flex-sms-demo-admin' } as const;

/**
 * The API key the API accepts in sandbox mode when BOOTSTRAP_API_KEY is unset. Public on purpose (it is printed at
 * start and written in the README): the sandbox holds only demo data. With real Twilio credentials there is no
 * default key.
 */
export const DEMO_API_KEY = 'demo-api-key-flex-outbound-sms';
