import { KeepAliveRequestClient } from './keep-alive-request-client';
import twilio from 'twilio';
import { observeTwilioRequest, type TwilioRequestObserver } from './twilio-request-observer';

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
  /** Told about every HTTP request sent (metrics); none by default. */
  observer?: TwilioRequestObserver;
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

/** The product of a URI that is neither twilio.com nor under the base URL. */
export const OTHER_PRODUCT = 'other';

/** Twilio's product subdomains are short lowercase words; anything else is not one, and must not become a label. */
const PRODUCT_NAME = /^[a-z0-9-]{1,32}$/;

/**
 * The Twilio product a request goes to: `https://proxy.dublin.ie1.twilio.com/v1/…` → `proxy`; under a base URL
 * (the sandbox) the first path segment, where `rewriteTwilioUri` put the domain (`<base>/chat/v2/…` → `chat`).
 */
export function twilioProductOf(uri: string, baseUrl?: string): string {
  const twilioHost = TWILIO_HOST.exec(uri);
  const base = baseUrl?.replace(/\/+$/, '');
  const segment = twilioHost ? twilioHost[1] : base && uri.startsWith(`${base}/`) ? uri.slice(base.length + 1).split(/[/?#]/)[0] : undefined;
  const product = segment?.toLowerCase();
  return product && PRODUCT_NAME.test(product) ? product : OTHER_PRODUCT;
}

/** The `details` key under which a 429's Retry-After header reaches the SDK's RestException. */
export const RETRY_AFTER_DETAIL = 'retry_after';

interface RawResponse {
  statusCode: number;
  body: unknown;
  headers?: Record<string, unknown>;
}

/**
 * The SDK's RestException keeps the error body (`code`, `message`, `details`) but drops the headers, so a 429's
 * Retry-After would be lost before the domain's retry policy could honour it: it is copied into `details`.
 */
export function carryRetryAfter<T extends RawResponse>(response: T): T {
  const retryAfter = response.headers?.['retry-after'];
  if (response.statusCode !== 429 || retryAfter === undefined) return response;
  let body: Record<string, unknown> = {};
  try {
    body = typeof response.body === 'string' ? JSON.parse(response.body) : ((response.body as Record<string, unknown>) ?? {});
  } catch {
    body = { message: String(response.body) };
  }
  const details = { ...((body.details as Record<string, unknown>) ?? {}), [RETRY_AFTER_DETAIL]: String(retryAfter) };
  return { ...response, body: { status: 429, ...body, details } };
}

/**
 * The SDK's RequestClient (on a keep-alive undici transport, see keep-alive-request-client.ts), optionally sending
 * every request (paging included) to another base URL, and keeping Retry-After. The SDK's own retry (`autoRetry`)
 * stays off: retries are decided by the domain, which knows which steps are safe to repeat.
 */
class AdapterRequestClient extends KeepAliveRequestClient {
  constructor(
    private readonly baseUrl: string | undefined,
    options: { timeout?: number; keepAlive?: boolean },
    private readonly observer?: TwilioRequestObserver,
  ) {
    super(options);
  }

  override async request<TData>(opts: Parameters<twilio.RequestClient['request']>[0]) {
    const uri = this.baseUrl ? rewriteTwilioUri(opts.uri, this.baseUrl) : opts.uri;
    const observed = { product: twilioProductOf(uri, this.baseUrl), method: opts.method };
    const response = await observeTwilioRequest(this.observer, observed, () => super.request<TData>({ ...opts, uri } as never));
    return carryRetryAfter(response as RawResponse) as typeof response;
  }
}

/** Builds the official Twilio client, pointed at real Twilio or at the base URL given. */
export function createTwilioClient(options: TwilioClientOptions): twilio.Twilio {
  const timeout = options.timeoutMs ?? 30_000;
  const httpClient = new AdapterRequestClient(options.baseUrl, { timeout, keepAlive: true }, options.observer);
  const username = options.apiKeySid ?? options.accountSid;
  return twilio(username, options.authToken, { accountSid: options.accountSid, httpClient });
}
