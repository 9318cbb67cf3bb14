import twilio from 'twilio';

export interface TwilioClientOptions {
  /** Account SID (AC…). Always needed: it is part of most Twilio URLs. */
  accountSid: string;
  /** Auth token, or the secret of an API key when `apiKeySid` is set. */
  authToken: string;
  /** API key SID (SK…) to authenticate with instead of the account's auth token. */
  apiKeySid?: string;
  /**
   * Where Twilio is. Unset: real Twilio. Set (e.g. the embedded sandbox `http://127.0.0.1:3100`): a request the
   * SDK would send to `https://<domain>.twilio.com/<path>` goes to `<baseUrl>/<domain>/<path>`.
   */
  baseUrl?: string;
  /** Socket and request timeout of one HTTP request, in milliseconds. */
  timeoutMs?: number;
}

const TWILIO_HOST = /^https:\/\/([a-z0-9-]+)(?:\.[a-z0-9-]+)*\.twilio\.com(?::443)?\//i;

/**
 * Rewrites `https://<domain>.twilio.com/<path>` to `<base>/<domain>/<path>`.
 * URIs that are not twilio.com (such as the sandbox's own `next_page_url`) are left as they are.
 */
export function rewriteTwilioUri(uri: string, baseUrl: string): string {
  const match = TWILIO_HOST.exec(uri);
  if (!match) return uri;
  const base = baseUrl.replace(/\/+$/, '');
  return `${base}/${match[1].toLowerCase()}/${uri.slice(match[0].length)}`;
}

/**
 * A RequestClient that sends every SDK request (paging included) to another base URL. The SDK's own retry
 * (`autoRetry`) stays off: retries are decided by the domain, which knows which steps are safe to repeat.
 */
class BaseUrlRequestClient extends twilio.RequestClient {
  constructor(
    private readonly baseUrl: string,
    options: { timeout?: number; keepAlive?: boolean },
  ) {
    super(options);
  }

  override request<TData>(opts: Parameters<twilio.RequestClient['request']>[0]) {
    return super.request<TData>({ ...opts, uri: rewriteTwilioUri(opts.uri, this.baseUrl) } as never);
  }
}

/** Builds the official Twilio client, pointed at real Twilio or at the base URL given. */
export function createTwilioClient(options: TwilioClientOptions): twilio.Twilio {
  const timeout = options.timeoutMs ?? 30_000;
  const httpClient = options.baseUrl
    ? new BaseUrlRequestClient(options.baseUrl, { timeout, keepAlive: true })
    : new twilio.RequestClient({ timeout, keepAlive: true });
  const username = options.apiKeySid ?? options.accountSid;
  return twilio(username, options.authToken, { accountSid: options.accountSid, httpClient });
}
