import { Collection } from '../../core/collection';

export const SESSION_STATUSES = ['open', 'in-progress', 'closed', 'failed', 'unknown'] as const;
export const SESSION_MODES = ['message-only', 'voice-only', 'voice-and-message'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export type SessionMode = (typeof SESSION_MODES)[number];

export const GEO_MATCH_LEVELS = ['area-code', 'overlay', 'radius', 'country'] as const;
export const NUMBER_SELECTION_BEHAVIORS = ['avoid-sticky', 'prefer-sticky'] as const;

export interface ProxyService {
  sid: string;
  uniqueName: string;
  chatInstanceSid: string | null;
  defaultTtl: number;
  /** Called for each interaction and each change of its status (products/proxy/interaction-callbacks.ts). */
  callbackUrl?: string | null;
  interceptCallbackUrl?: string | null;
  outOfSessionCallbackUrl?: string | null;
  geoMatchLevel?: (typeof GEO_MATCH_LEVELS)[number];
  numberSelectionBehavior?: (typeof NUMBER_SELECTION_BEHAVIORS)[number];
  dateCreated: Date;
  dateUpdated: Date;
}

/** A number of the Service's pool (same PN SID as the account's IncomingPhoneNumber). */
export interface ProxyPhoneNumber {
  sid: string;
  serviceSid: string;
  phoneNumber: string;
  friendlyName: string;
  isoCountry: string;
  isReserved: boolean;
  dateCreated: Date;
  dateUpdated: Date;
}

export interface ProxySession {
  sid: string;
  serviceSid: string;
  uniqueName: string | null;
  status: SessionStatus;
  mode: SessionMode;
  ttl: number;
  dateExpiry: Date | null;
  dateStarted: Date | null;
  dateEnded: Date | null;
  dateLastInteraction: Date | null;
  closedReason: string | null;
  dateCreated: Date;
  dateUpdated: Date;
}

export interface ProxyParticipant {
  sid: string;
  sessionSid: string;
  serviceSid: string;
  identifier: string;
  friendlyName: string | null;
  /** The pool number masking this participant; null for a chat channel participant (identifier CH…). */
  proxyIdentifier: string | null;
  proxyIdentifierSid: string | null;
  dateCreated: Date;
  dateUpdated: Date;
}

export interface MessageInteraction {
  sid: string;
  sessionSid: string;
  serviceSid: string;
  data: string;
  inboundParticipantSid: string;
  inboundResourceSid: string;
  inboundResourceType: string;
  outboundParticipantSid: string;
  outboundResourceSid: string;
  outboundResourceType: string;
  /** `received` for an SMS from a handset, `delivered` for a chat message; the outbound one follows its SMS. */
  inboundResourceStatus?: string | null;
  outboundResourceStatus?: string | null;
  dateCreated: Date;
  dateUpdated: Date;
}

export function isSessionOpen(session: ProxySession): boolean {
  return session.status === 'open' || session.status === 'in-progress';
}

export class ProxyStore {
  readonly services = new Collection<ProxyService>();
  readonly numbers = new Collection<ProxyPhoneNumber>();
  readonly sessions = new Collection<ProxySession>();
  readonly participants = new Collection<ProxyParticipant>();
  readonly interactions = new Collection<MessageInteraction>();
  /** `serviceSid|uniqueName` → session SID. */
  readonly sessionByUniqueName = new Map<string, string>();
  /** session SID → its participant SIDs (at most two). */
  readonly participantsBySession = new Map<string, string[]>();
  /**
   * `identifier|proxyIdentifier` → participant SID, for participants of OPEN sessions only: the pair routes
   * messages, so Proxy lets it be active in one session at a time.
   */
  readonly activePairs = new Map<string, string>();
  /** identifier → participant SIDs (any session), to find the sessions of a chat channel or a customer. */
  readonly participantsByIdentifier = new Map<string, Set<string>>();
  /**
   * The account flag `ProxyRespectSmsStopFilterFlag` (docs "Proxy: Opt-out keywords"): off by default, and then Proxy
   * relays to a handset that opted out; Twilio Support turns it on, after which Proxy's SMS to it fail with 21610.
   */
  respectSmsStopFilter = false;

  static key(first: string, second: string): string {
    return `${first}|${second}`;
  }

  findSession(serviceSid: string, sidOrUniqueName: string): ProxySession | undefined {
    const sid = this.sessionByUniqueName.get(ProxyStore.key(serviceSid, sidOrUniqueName)) ?? sidOrUniqueName;
    const session = this.sessions.get(sid);
    return session?.serviceSid === serviceSid ? session : undefined;
  }

  participantsOf(sessionSid: string): ProxyParticipant[] {
    return (this.participantsBySession.get(sessionSid) ?? [])
      .map((sid) => this.participants.get(sid))
      .filter((participant): participant is ProxyParticipant => participant !== undefined);
  }

  numbersOf(serviceSid: string): ProxyPhoneNumber[] {
    return this.numbers.filter((number) => number.serviceSid === serviceSid);
  }

  /** Open sessions in which some participant has this identifier. */
  openSessionsWith(identifier: string): ProxySession[] {
    const sessions: ProxySession[] = [];
    for (const participantSid of this.participantsByIdentifier.get(identifier) ?? []) {
      const participant = this.participants.get(participantSid);
      const session = participant && this.sessions.get(participant.sessionSid);
      if (session && isSessionOpen(session)) sessions.push(session);
    }
    return sessions;
  }
}
