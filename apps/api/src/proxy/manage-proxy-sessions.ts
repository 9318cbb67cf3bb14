import { Inject, Injectable } from '@nestjs/common';
import {
  IDEMPOTENT,
  ResourceNotFound,
  TwilioRequestFailed,
  TwilioRetrier,
  type ProxyParticipant,
  type ProxyServicePort,
  type ProxySession,
  type ProxySessionPort,
} from '@flex-sms/domain';
import { validationFailed } from '../common/validation/validation-pipe';
import { TWILIO_PORT } from '../twilio/twilio.tokens';

export interface ProxySessionPage {
  sessions: ProxySession[];
  /** Pass back as `pageToken` for the next page; null on the last page. */
  nextPageToken: string | null;
}

/**
 * The Proxy Service's sessions for an operator: list them a page at a time (a service can hold thousands), fetch one
 * and its participants, close it, delete it; through the domain's Proxy ports and retry policy. (The domain has no
 * use cases for these admin actions; each is one port call, kept thin here.)
 */
@Injectable()
export class ManageProxySessions {
  constructor(
    @Inject(TWILIO_PORT.proxyService) private readonly proxyService: ProxyServicePort,
    @Inject(TWILIO_PORT.proxySessions) private readonly proxySessions: ProxySessionPort,
    private readonly retrier: TwilioRetrier,
  ) {}

  async page(pageSize: number, pageToken?: string): Promise<ProxySessionPage> {
    const page = await this.retrier
      .run('list Proxy sessions', () => this.proxyService.listSessions({ pageSize, pageToken }), IDEMPOTENT)
      .catch((error: unknown) => {
        // The token is the caller's, opaque to us: Twilio refusing it (400, 20001 Invalid Parameter) is the caller's fault.
        if (pageToken && error instanceof TwilioRequestFailed && error.status === 400) {
          throw validationFailed([{ field: 'pageToken', message: 'pageToken must be a nextPageToken of this list (Twilio refused this one)' }]);
        }
        throw error;
      });
    return { sessions: page.items, nextPageToken: page.nextPageToken };
  }

  async fetch(sidOrUniqueName: string): Promise<ProxySession> {
    const session = await this.retrier.run('fetch Proxy session', () => this.proxySessions.fetchSession(sidOrUniqueName), IDEMPOTENT);
    if (!session) throw new ResourceNotFound('Proxy session', sidOrUniqueName);
    return session;
  }

  async participants(sidOrUniqueName: string): Promise<ProxyParticipant[]> {
    const session = await this.fetch(sidOrUniqueName);
    return this.retrier.run('list Proxy participants', () => this.proxySessions.listParticipants(session.sid), IDEMPOTENT);
  }

  /** Closing frees the customer's number pair for a new conversation; Flex does it when an agent ends the chat. */
  async close(sidOrUniqueName: string): Promise<ProxySession> {
    const session = await this.fetch(sidOrUniqueName);
    await this.retrier.run('close Proxy session', () => this.proxySessions.closeSession(session.sid), IDEMPOTENT);
    return this.fetch(session.sid);
  }

  async remove(sidOrUniqueName: string): Promise<void> {
    const session = await this.fetch(sidOrUniqueName);
    await this.retrier.run('remove Proxy session', () => this.proxySessions.removeSession(session.sid), IDEMPOTENT);
  }
}
