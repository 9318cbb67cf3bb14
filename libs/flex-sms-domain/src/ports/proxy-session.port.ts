import type { PageRequest, ResourcePage } from './page.port';

export type ProxySessionStatus = 'open' | 'in-progress' | 'closed' | 'failed' | 'unknown';
export type ProxySessionMode = 'message-only' | 'voice-only' | 'voice-and-message';

export interface ProxySession {
  sid: string;
  serviceSid: string;
  uniqueName: string | null;
  status: ProxySessionStatus;
  mode: ProxySessionMode;
  dateCreated: Date;
  dateUpdated: Date;
}

export interface ProxyParticipantInput {
  /** The participant's address: a phone number, or a chat channel SID for the Flex side. */
  identifier: string;
  /** The Twilio number Proxy uses towards this participant. */
  proxyIdentifier?: string;
  friendlyName?: string;
}

export interface ProxyParticipant {
  sid: string;
  identifier: string;
  proxyIdentifier: string | null;
  friendlyName: string | null;
}

export interface CreateProxySessionRequest {
  uniqueName: string;
  mode: ProxySessionMode;
  /** Created inline with the session, so there is never a half-built session with one participant. */
  participants: ProxyParticipantInput[];
}

/**
 * Proxy sessions of one Proxy Service (the adapter is bound to it).
 * Errors: `ProxyIdentifierInUse` (the customer is already active with that number elsewhere),
 * `DuplicateUniqueName` (a session already has this UniqueName), `TwilioTransientFailure`, `TwilioRequestFailed`.
 */
export interface ProxySessionPort {
  /** By SID or by UniqueName (Proxy accepts either in the URL); `null` when there is none. */
  fetchSession(sidOrUniqueName: string): Promise<ProxySession | null>;

  createSession(request: CreateProxySessionRequest): Promise<ProxySession>;

  /** Sets the session's status to `closed`; frees its participants' number pairs. */
  closeSession(sessionSid: string): Promise<void>;

  /** Deletes the session; a session already gone is not an error. */
  removeSession(sessionSid: string): Promise<void>;

  listParticipants(sessionSid: string): Promise<ProxyParticipant[]>;
}

/** The Proxy Service itself (Proxy v1 Service). */
export interface ProxyService {
  sid: string;
  uniqueName: string;
  /** The Chat Service the Proxy Service relays to (Flex's), when it is tied to one. */
  chatInstanceSid: string | null;
}

/** A number of the Proxy Service's pool. */
export interface ProxyPoolNumber {
  /** The PN SID (same as the account's IncomingPhoneNumber). */
  sid: string;
  phoneNumber: string;
  isReserved: boolean;
  /** Open sessions masking someone behind the number. */
  inUse: number;
}

/**
 * The Proxy Service's set-up and its sessions page by page: for the set-up doctor and the clean-up jobs (a service can
 * hold many thousands of sessions, so nothing here lists them all at once).
 */
export interface ProxyServicePort {
  /** The Proxy Service the adapter is bound to; `null` when it does not exist. */
  fetchService(): Promise<ProxyService | null>;
  listPoolNumbers(): Promise<ProxyPoolNumber[]>;
  listSessions(page: PageRequest): Promise<ResourcePage<ProxySession>>;
}
