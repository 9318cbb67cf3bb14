import { InvalidInput } from '../../errors';
import type { ProxySessionStatus } from '../../ports/proxy-session.port';
import { Sid } from '../../value-objects/sid.value-object';
import { PhoneNumber } from '../../value-objects/phone-number.value-object';

export const PROXY_SESSION_STATUSES: readonly ProxySessionStatus[] = ['open', 'in-progress', 'closed', 'failed', 'unknown'];

/** Which Proxy sessions a clean-up touches: every given criterion must hold. At least one is required. */
export interface ProxySessionSelection {
  statuses?: ProxySessionStatus[];
  /** Created more than this many hours before the job selects. */
  olderThanHours?: number;
  /** One of its participants is masked by this Proxy number (E.164). */
  number?: string;
  /** Exactly these sessions (KC…). */
  sessionSids?: string[];
}

export interface ProxySessionCleanupOptions {
  /** Mark the session's chat channel INACTIVE in its attributes (as the original Function did). Default true. */
  markChannelInactive?: boolean;
}

/** Limits one explicit list, so a request body stays small; larger sets are selected by criteria. */
export const MAX_EXPLICIT_SIDS = 10_000;

/**
 * Checks and normalises a selection (numbers to E.164); an empty one is refused, so no request cleans everything by
 * accident. `null` for a field is read as absent, as the request validation (IsOptional) lets it through: never a 500.
 */
export function readProxySessionSelection(input: ProxySessionSelection): ProxySessionSelection {
  const selection: ProxySessionSelection = {};
  if (input.statuses != null) {
    const unknown = input.statuses.filter((status) => !PROXY_SESSION_STATUSES.includes(status));
    if (unknown.length || input.statuses.length === 0) throw new InvalidInput('statuses', `must be some of ${PROXY_SESSION_STATUSES.join(', ')}`);
    selection.statuses = [...new Set(input.statuses)];
  }
  if (input.olderThanHours != null) {
    if (!(Number.isFinite(input.olderThanHours) && input.olderThanHours >= 0))
      throw new InvalidInput('olderThanHours', 'must be a number of hours >= 0');
    selection.olderThanHours = input.olderThanHours;
  }
  if (input.number != null) selection.number = PhoneNumber.parse(input.number, { field: 'number' }).e164;
  if (input.sessionSids != null) {
    if (input.sessionSids.length === 0 || input.sessionSids.length > MAX_EXPLICIT_SIDS)
      throw new InvalidInput('sessionSids', `must list 1 to ${MAX_EXPLICIT_SIDS} sessions`);
    input.sessionSids.forEach((sid, index) => Sid.parse(sid, 'KC', `sessionSids[${index}]`));
    selection.sessionSids = [...new Set(input.sessionSids)];
  }
  if (Object.keys(selection).length === 0) throw new InvalidInput('selection', 'select sessions by statuses, olderThanHours, number or sessionSids');
  return selection;
}
