import type { PageRequest, ProxyPoolNumber, ProxyService, ProxyServicePort, ProxySession, ResourcePage } from '@flex-sms/domain';
import type twilio from 'twilio';
import { pageOptions, pageTokenOf } from '../client/page-token';
import { callTwilio, callTwilioOrNull } from '../errors/twilio-error.mapper';
import { toProxySession } from './twilio-proxy-session.adapter';

/** A pool holds a handful of numbers; Proxy caps a service at far fewer than this. */
const POOL_LIMIT = 1000;

/** The Proxy Service's own resource, its pool, and its sessions page by page. */
export class TwilioProxyServiceAdapter implements ProxyServicePort {
  constructor(
    private readonly client: twilio.Twilio,
    private readonly proxyServiceSid: string,
  ) {}

  async fetchService(): Promise<ProxyService | null> {
    const service = await callTwilioOrNull({ resource: 'Proxy Service', sid: this.proxyServiceSid }, () => this.service().fetch());
    return service ? { sid: service.sid, uniqueName: service.uniqueName, chatInstanceSid: service.chatInstanceSid ?? null } : null;
  }

  async listPoolNumbers(): Promise<ProxyPoolNumber[]> {
    const numbers = await callTwilio({ resource: 'Proxy phone numbers', sid: this.proxyServiceSid }, () =>
      this.service().phoneNumbers.list({ limit: POOL_LIMIT }),
    );
    return numbers.map((number) => ({
      sid: number.sid,
      phoneNumber: number.phoneNumber,
      isReserved: number.isReserved ?? false,
      inUse: number.inUse ?? 0,
    }));
  }

  async listSessions(page: PageRequest): Promise<ResourcePage<ProxySession>> {
    const result = await callTwilio({ resource: 'Proxy sessions', sid: this.proxyServiceSid }, () => this.service().sessions.page(pageOptions(page)));
    return { items: result.instances.map(toProxySession), nextPageToken: pageTokenOf(result.nextPageUrl) };
  }

  private service() {
    return this.client.proxy.v1.services(this.proxyServiceSid);
  }
}
