import { DEMO_API_KEY, type AppConfig, type LogSettings } from '../../config/app-config';

export const REDACTED = '[REDACTED]';

/** Field names whose values are secrets wherever they appear (JSON, form bodies, query strings, messages). */
const SECRET_FIELDS = 'password|passwd|secret|token|auth_?token|api_?key|api_?secret|authorization|cookie|key_?hash|password_?hash';
/** Field names that hold an SMS text in this API's and the original Functions' requests, and in Twilio's. */
const MESSAGE_FIELDS = 'messageBody|initialMessage|initialNotificationMessage|body|Body';

const RULES = {
  authorizationHeader: /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi,
  apiKey: /\b(fsk_[A-Za-z0-9]{8})_[A-Za-z0-9]+/g,
  sessionCookie: /\b(flex_sms_session=)[^;\s&]+/g,
  jsonSecret: new RegExp(`("(?:${SECRET_FIELDS})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi'),
  formSecret: new RegExp(`\\b((?:${SECRET_FIELDS})=)[^&\\s]*`, 'gi'),
  jsonMessage: new RegExp(`("(?:${MESSAGE_FIELDS})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'g'),
  formMessage: new RegExp(`\\b((?:${MESSAGE_FIELDS})=)[^&\\s]*`, 'g'),
  // E.164, also URL-encoded (%2B) as in query strings: keep the first digit and the last two.
  phoneNumber: /(\+|%2B)(\d)(\d{4,12})(\d{2})(?!\d)/gi,
  secretField: new RegExp(`^(?:${SECRET_FIELDS})$`, 'i'),
  messageField: new RegExp(`^(?:${MESSAGE_FIELDS})$`),
};

/** Deeper than any entry this API logs: what lies below is replaced rather than walked. */
const MAX_DEPTH = 8;

/**
 * Removes secrets (and, as configured, SMS texts and phone numbers) from text bound for a log: request lines,
 * error summaries, stacks. Always: Authorization values, our API keys (their prefix is kept to tell them apart),
 * the session cookie, password/secret/token fields, and the literal secrets it is given (Twilio's auth token, the
 * bootstrap key). Configurable (LOG_REDACT_MESSAGE_BODIES, LOG_REDACT_PHONE_NUMBERS): message bodies and numbers.
 */
export class LogRedactor {
  private readonly secrets: string[];

  constructor(
    private readonly settings: LogSettings,
    secrets: readonly (string | undefined)[] = [],
  ) {
    // Longest first, so a secret that contains another is replaced whole. Short strings would blank out too much.
    this.secrets = secrets.filter((secret): secret is string => typeof secret === 'string' && secret.length >= 8).sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    let result = text;
    for (const secret of this.secrets) result = result.split(secret).join(REDACTED);
    result = result
      .replace(RULES.authorizationHeader, `$1 ${REDACTED}`)
      .replace(RULES.apiKey, `$1_${REDACTED}`)
      .replace(RULES.sessionCookie, `$1${REDACTED}`)
      .replace(RULES.jsonSecret, `$1"${REDACTED}"`)
      .replace(RULES.formSecret, `$1${REDACTED}`);
    if (this.settings.redactMessageBodies) result = result.replace(RULES.jsonMessage, `$1"${REDACTED}"`).replace(RULES.formMessage, `$1${REDACTED}`);
    if (this.settings.redactPhoneNumbers)
      result = result.replace(
        RULES.phoneNumber,
        (_m, plus: string, first: string, middle: string, last: string) => `${plus}${first}${'•'.repeat(middle.length)}${last}`,
      );
    return result;
  }

  /**
   * A structured log entry, redacted: every string in it as `redact` does, and the whole value of a field named like
   * a secret (or, as configured, a message body) whatever its type. Errors are left to the logger's error serializer,
   * which redacts what it takes from them.
   */
  redactValue(value: unknown): unknown {
    return this.redactWithin(value, 0, new WeakSet());
  }

  private redactWithin(value: unknown, depth: number, seen: WeakSet<object>): unknown {
    if (typeof value === 'string') return this.redact(value);
    if (value === null || typeof value !== 'object' || value instanceof Error || value instanceof Date) return value;
    if (depth >= MAX_DEPTH || seen.has(value)) return REDACTED;
    seen.add(value);
    if (Array.isArray(value)) return value.map((item) => this.redactWithin(item, depth + 1, seen));
    const result: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      const hidden = RULES.secretField.test(key) || (this.settings.redactMessageBodies && RULES.messageField.test(key));
      result[key] = hidden ? REDACTED : this.redactWithin(field, depth + 1, seen);
    }
    return result;
  }
}

/** Everything on: what the error path uses before the configuration is known. */
export const STRICT_REDACTOR = new LogRedactor({ redactMessageBodies: true, redactPhoneNumbers: true });

/**
 * Redaction as configured, plus the literal secrets of this process: Twilio's token or API secret, the API's own keys
 * and the first admin's password. Not the sandbox's demo key and admin password: they are public (the start banner
 * prints them), so hiding them would hide nothing.
 */
export function logRedactorFor(config: AppConfig): LogRedactor {
  const credentials = config.twilio.mode === 'twilio' ? config.twilio.credentials : undefined;
  const twilioSecret = credentials?.kind === 'authToken' ? credentials.authToken : credentials?.apiKeySecret;
  const bootstrapKey = config.bootstrapApiKey === DEMO_API_KEY ? undefined : config.bootstrapApiKey;
  const adminPassword = config.auth.initialAdmin?.demo ? undefined : config.auth.initialAdmin?.password;
  return new LogRedactor(config.logging, [twilioSecret, bootstrapKey, adminPassword, config.metricsToken]);
}
