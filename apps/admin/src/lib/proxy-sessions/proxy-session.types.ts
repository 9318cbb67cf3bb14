// /api/v1/proxy/sessions
import { PARAMETER_LIMITS, type Schema } from '../api/wire';

export type ProxySession = Schema<'ProxySessionDto'>;
export type ProxySessionStatus = ProxySession['status'];
export type ProxySessionPage = Schema<'ProxySessionPageDto'>;
/** `identifier`: a phone number, or the chat channel SID for the Flex side. */
export type ProxyParticipant = Schema<'ProxyParticipantDto'>;

const STATUS_ORDER: Record<ProxySessionStatus, number> = { open: 0, 'in-progress': 1, closed: 2, failed: 3, unknown: 4 };
/** Every status a session can have, in the order the filters offer them. */
export const PROXY_SESSION_STATUSES = Object.keys(STATUS_ORDER) as ProxySessionStatus[];

export const PROXY_SESSION_PAGE_SIZE = PARAMETER_LIMITS['GET /api/v1/proxy/sessions'].pageSize.default;
