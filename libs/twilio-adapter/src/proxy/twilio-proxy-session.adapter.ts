import type {
  CreateProxySessionRequest,
  ProxyParticipant,
  ProxySession,
  ProxySessionMode,
  ProxySessionPort,
  ProxySessionStatus,
} from '@flex-sms/domain';
import type twilio from 'twilio';
import { callTwilio, callTwilioOrNull } from '../errors/twilio-error.mapper';

type SessionInstance = Awaited<ReturnType<ReturnType<ReturnType<twilio.Twilio['proxy']['v1']['services']>['sessions']>['fetch']>>;

/** Proxy sessions of one Proxy Service. */
export class TwilioProxySessionAdapter implements ProxySessionPort {
  constructor(
    private readonly client: twilio.Twilio,
    private readonly proxyServiceSid: string,
  ) {}

  async fetchSession(sidOrUniqueName: string): Promise<ProxySession | null> {
    // Proxy accepts a session's UniqueName in place of its SID.
    const session = await callTwilioOrNull({ resource: 'Proxy session', sid: sidOrUniqueName }, () => this.sessions()(sidOrUniqueName).fetch());
    return session ? toProxySession(session) : null;
  }

  async createSession(request: CreateProxySessionRequest): Promise<ProxySession> {
    const session = await callTwilio({ resource: 'Proxy session', sid: request.uniqueName }, () =>
      this.sessions().create({
        uniqueName: request.uniqueName,
        mode: request.mode,
        // The SDK sends each participant as one JSON-encoded `Participants` value, as Proxy expects.
        participants: request.participants.map((participant) => ({
          Identifier: participant.identifier,
          ...(participant.proxyIdentifier ? { ProxyIdentifier: participant.proxyIdentifier } : {}),
          ...(participant.friendlyName ? { FriendlyName: participant.friendlyName } : {}),
        })),
      }),
    );
    return toProxySession(session);
  }

  async closeSession(sessionSid: string): Promise<void> {
    await callTwilio({ resource: 'Proxy session', sid: sessionSid }, () => this.sessions()(sessionSid).update({ status: 'closed' }));
  }

  async removeSession(sessionSid: string): Promise<void> {
    await callTwilioOrNull({ resource: 'Proxy session', sid: sessionSid }, () => this.sessions()(sessionSid).remove());
  }

  async listParticipants(sessionSid: string): Promise<ProxyParticipant[]> {
    // A Proxy session holds at most two participants.
    const participants = await callTwilio({ resource: 'Proxy participants', sid: sessionSid }, () =>
      this.sessions()(sessionSid).participants.list({ limit: 10 }),
    );
    return participants.map((participant) => ({
      sid: participant.sid,
      identifier: participant.identifier,
      proxyIdentifier: participant.proxyIdentifier ?? null,
      friendlyName: participant.friendlyName ?? null,
    }));
  }

  private sessions() {
    return this.client.proxy.v1.services(this.proxyServiceSid).sessions;
  }
}

export function toProxySession(session: SessionInstance): ProxySession {
  return {
    sid: session.sid,
    serviceSid: session.serviceSid,
    uniqueName: session.uniqueName ?? null,
    status: session.status as ProxySessionStatus,
    mode: session.mode as ProxySessionMode,
    dateCreated: session.dateCreated,
    dateUpdated: session.dateUpdated,
  };
}
