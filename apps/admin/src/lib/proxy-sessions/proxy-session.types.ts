// /api/v1/proxy/sessions (apps/api/src/proxy/proxy.dto.ts).
export const PROXY_SESSION_STATUSES = ['open', 'in-progress', 'closed', 'failed', 'unknown'] as const;
export type ProxySessionStatus = (typeof PROXY_SESSION_STATUSES)[number];

export interface ProxySession {
  sid: string;
  serviceSid: string;
  /** Flex names a conversation's session after its chat channel (CH…). */
  uniqueName: string | null;
  status: ProxySessionStatus;
  mode: string;
  dateCreated: string;
  dateUpdated: string;
}

export interface ProxySessionPage {
  sessions: ProxySession[];
  nextPageToken: string | null;
}

export interface ProxyParticipant {
  sid: string;
  /** A phone number, or the chat channel SID for the Flex side. */
  identifier: string;
  proxyIdentifier: string | null;
  friendlyName: string | null;
}
