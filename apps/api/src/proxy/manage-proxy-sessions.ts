import { Inject, Injectable } from '@nestjs/common';
import { IDEMPOTENT, ResourceNotFound, type OutboundSmsDependencies, type ProxyParticipant, type ProxySession } from '@flex-sms/domain';
import { OUTBOUND_SMS_DEPENDENCIES } from '../outbound/outbound-sms.tokens';

/**
 * Fetch, close, delete a Proxy Session and list its participants: the domain's ProxySessionPort with its retry
 * policy. (The domain has no use cases for these admin actions; they are single port calls, kept thin here.)
 */
@Injectable()
export class ProxySessionQueries {
  constructor(@Inject(OUTBOUND_SMS_DEPENDENCIES) private readonly deps: OutboundSmsDependencies) {}

  async fetch(sidOrUniqueName: string): Promise<ProxySession> {
    const session = await this.deps.retrier.run('fetch Proxy session', () => this.deps.proxySessions.fetchSession(sidOrUniqueName), IDEMPOTENT);
    if (!session) throw new ResourceNotFound('Proxy session', sidOrUniqueName);
    return session;
  }

  async participants(sidOrUniqueName: string): Promise<ProxyParticipant[]> {
    const session = await this.fetch(sidOrUniqueName);
    return this.deps.retrier.run('list Proxy participants', () => this.deps.proxySessions.listParticipants(session.sid), IDEMPOTENT);
  }

  /** Closing frees the customer's number pair for a new conversation; Flex does it when an agent ends the chat. */
  async close(sidOrUniqueName: string): Promise<ProxySession> {
    const session = await this.fetch(sidOrUniqueName);
    await this.deps.retrier.run('close Proxy session', () => this.deps.proxySessions.closeSession(session.sid), IDEMPOTENT);
    return this.fetch(session.sid);
  }

  async remove(sidOrUniqueName: string): Promise<void> {
    const session = await this.fetch(sidOrUniqueName);
    await this.deps.retrier.run('remove Proxy session', () => this.deps.proxySessions.removeSession(session.sid), IDEMPOTENT);
  }
}
