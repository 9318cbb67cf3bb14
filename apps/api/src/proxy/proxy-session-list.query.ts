import { Inject, Injectable } from '@nestjs/common';
import { IDEMPOTENT, ProxyServiceNotConfigured, TwilioRequestFailed, type OutboundSmsDependencies, type ProxySession, type ProxySessionMode, type ProxySessionStatus } from '@flex-sms/domain';
import { callTwilio } from '@flex-sms/twilio-adapter';
import { validationFailed } from '../common/validation/validation-pipe';
import { OUTBOUND_SMS_DEPENDENCIES } from '../outbound/outbound-sms.tokens';
import { TWILIO_CLIENT, TwilioAccount, TwilioClient } from '../twilio/twilio-account';

export interface ProxySessionPage {
  sessions: ProxySession[];
  /** Pass back as `pageToken` for the next page; null on the last page. */
  nextPageToken: string | null;
}

/**
 * One page of the Proxy Service's sessions. The domain's ProxySessionPort has no listing (no outbound flow may list
 * sessions: a service can hold thousands), so this admin read calls the SDK itself, through the adapter's error
 * mapping and the domain's retry policy, one page at a time.
 */
@Injectable()
export class ProxySessionListQuery {
  constructor(
    @Inject(TWILIO_CLIENT) private readonly client: TwilioClient,
    @Inject(OUTBOUND_SMS_DEPENDENCIES) private readonly deps: OutboundSmsDependencies,
    private readonly account: TwilioAccount,
  ) {}

  async execute(pageSize: number, pageToken?: string): Promise<ProxySessionPage> {
    if (!this.account.proxyServiceSid) throw new ProxyServiceNotConfigured();
    const sessions = this.client.proxy.v1.services(this.account.proxyServiceSid).sessions;
    const page = await this.deps.retrier
      .run('list Proxy sessions', () => callTwilio({ resource: 'Proxy sessions' }, () => sessions.page({ pageSize, ...(pageToken ? { pageToken } : {}) })), IDEMPOTENT)
      .catch((error: unknown) => {
        // The token is the caller's, opaque to us: Twilio refusing it (400, 20001 Invalid Parameter) is the caller's fault.
        if (pageToken && error instanceof TwilioRequestFailed && error.status === 400) {
          throw validationFailed([{ field: 'pageToken', message: 'pageToken must be a nextPageToken of this list (Twilio refused this one)' }]);
        }
        throw error;
      });
    return {
      sessions: page.instances.map((session) => ({
        sid: session.sid,
        serviceSid: session.serviceSid,
        uniqueName: session.uniqueName ?? null,
        status: session.status as ProxySessionStatus,
        mode: session.mode as ProxySessionMode,
        dateCreated: session.dateCreated,
        dateUpdated: session.dateUpdated,
      })),
      nextPageToken: pageTokenOf(page.nextPageUrl),
    };
  }
}

/** Twilio's next-page URL carries the position as `PageToken`. */
function pageTokenOf(nextPageUrl: string | undefined): string | null {
  if (!nextPageUrl) return null;
  return new URL(nextPageUrl, 'https://proxy.twilio.com').searchParams.get('PageToken');
}
