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
  /** The one API key accepted until real keys/users land (Authorization: Bearer <key>). */
  abstract readonly bootstrapApiKey: string;
  abstract readonly store: StoreSettings;
  abstract readonly twilio: TwilioSettings;
  /**
   * How long one Twilio request may take. Also how long a request sent by a process that died may still land in
   * Twilio: start-up recovery waits that long after an interrupted request before undoing it.
   */
  abstract readonly twilioRequestTimeoutMs: number;
}

/**
 * Where the data lives: `embedded` = PGlite (PostgreSQL compiled to WASM) in `dataDir` (or in memory);
 * `postgres` = a PostgreSQL server.
 */
export type StoreSettings =
  | { readonly kind: 'embedded'; readonly dataDir: string | 'memory://' }
  | { readonly kind: 'postgres'; readonly url: string };

/**
 * `sandbox`: no Twilio credentials were given, so the API starts the embedded Twilio sandbox itself and uses its demo
 * account. `twilio`: the configured account, at real Twilio or at `baseUrl`.
 */
export type TwilioSettings =
  | { readonly mode: 'sandbox'; readonly sandboxPort: number }
  | {
      readonly mode: 'twilio';
      readonly accountSid: string;
      readonly credentials: TwilioCredentials;
      readonly proxyServiceSid: string;
      readonly chatServiceSid: string;
      /** Unset = real Twilio. */
      readonly baseUrl?: string;
    };

export type TwilioCredentials =
  | { readonly kind: 'authToken'; readonly authToken: string }
  | { readonly kind: 'apiKey'; readonly apiKeySid: string; readonly apiKeySecret: string };

/**
 * The API key the API accepts in sandbox mode when BOOTSTRAP_API_KEY is unset. Public on purpose (it is printed at
 * start and written in the README): the sandbox holds only demo data. With real Twilio credentials there is no
 * default key.
 */
export const DEMO_API_KEY = 'demo-api-key-flex-outbound-sms';
