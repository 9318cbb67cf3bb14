// The Proxy API lists a service's sessions without filters, one page at a time; the table filters the loaded page.
import type { ProxySession, ProxySessionStatus } from './proxy-session.types';

export interface SessionFilter {
  status?: ProxySessionStatus;
  /** Part of the session SID or its UniqueName (the Flex channel SID). */
  search?: string;
}

/** Live sessions hold a customer's number pair; closed ones are only history. */
export function isLive(session: ProxySession): boolean {
  return session.status === 'open' || session.status === 'in-progress';
}

export function filterSessions(sessions: readonly ProxySession[], filter: SessionFilter): ProxySession[] {
  const search = filter.search?.trim().toLowerCase();
  return sessions.filter(
    (session) =>
      (!filter.status || session.status === filter.status) &&
      (!search || session.sid.toLowerCase().includes(search) || (session.uniqueName ?? '').toLowerCase().includes(search)),
  );
}
