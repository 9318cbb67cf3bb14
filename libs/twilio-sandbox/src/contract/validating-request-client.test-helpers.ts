// Test-only (excluded from the build): the contract test reaches the sandbox through the adapter's own URI rewrite,
// so the URLs it checks are the ones the product sends. The sandbox itself depends on nothing of ours.
import { rewriteTwilioUri } from '@flex-sms/twilio-adapter';
import twilio from 'twilio';
import type { ContractLog } from './contract-log.test-helpers';

type RequestOptions = Parameters<twilio.RequestClient['request']>[0];

/**
 * The adapter's way to the sandbox (a RequestClient that rewrites `https://<domain>.twilio.com/<path>` to
 * `<sandbox>/<domain>/<path>`), plus a check of every response against the specs as it arrives.
 */
export class ValidatingRequestClient extends twilio.RequestClient {
  constructor(
    private readonly sandboxUrl: string,
    private readonly log: ContractLog,
  ) {
    super({ timeout: 30_000 });
  }

  override async request<TData>(opts: RequestOptions) {
    const uri = rewriteTwilioUri(opts.uri, this.sandboxUrl);
    const response = await super.request<TData>({ ...opts, uri } as never);
    const { domain, path } = sandboxTarget(uri, this.sandboxUrl);
    this.log.check(opts.method, domain, path, response.statusCode, response.body);
    return response;
  }
}

/** The Twilio domain and path a sandbox URL addresses: `<sandbox>/proxy/v1/Services?x` → `proxy`, `/v1/Services`. */
export function sandboxTarget(url: string, sandboxUrl: string): { domain: string; path: string } {
  const below = new URL(url).pathname.slice(new URL(sandboxUrl).pathname.replace(/\/$/, '').length);
  const [, domain = '', ...rest] = below.split('/');
  return { domain, path: `/${rest.join('/')}` };
}

/** The official SDK client, talking to the sandbox through a ValidatingRequestClient. */
export function validatingTwilioClient(sandboxUrl: string, accountSid: string, authToken: string, log: ContractLog): twilio.Twilio {
  return twilio(accountSid, authToken, { httpClient: new ValidatingRequestClient(sandboxUrl, log) });
}
