import { ResourceNotFound } from '@flex-sms/domain';
import { ApiException } from '../common/api-exception';
import type { OutboundHistory } from '../journal/outbound-history';
import type { Caller } from './caller';

/**
 * Refuses a caller restricted to some sender numbers on a route that does not confine it to them (403
 * SENDER_RESTRICTED); see @ConfinedToSenders().
 */
export function assertNotRestricted(caller: Caller): void {
  if (caller.allowedFromNumbers === undefined) return;
  throw new ApiException(403, 'SENDER_RESTRICTED', 'This API key is restricted to some sender numbers, and this endpoint is not open to it.', {
    context: { allowedFromNumbers: [...caller.allowedFromNumbers] },
  });
}

/**
 * A transcript (chat channel or conversation) is "not found" to a key restricted to sender numbers unless a request
 * from one of them started or reused it: its SID alone must not open another number's conversation.
 */
export async function assertMayReadTranscript(
  caller: Caller,
  history: OutboundHistory,
  resource: 'Chat channel' | 'Conversation',
  sid: string,
): Promise<void> {
  if (caller.allowedFromNumbers === undefined || (await history.isTranscriptOf(sid, caller.allowedFromNumbers))) return;
  throw new ResourceNotFound(resource, sid);
}

/** Whether the caller may see what was sent from `fromNumber`: any number, unless its key is restricted. */
export function maySeeSender(caller: Caller, fromNumber: string): boolean {
  return caller.allowedFromNumbers === undefined || caller.allowedFromNumbers.includes(fromNumber);
}

/**
 * Refuses a send from a number the caller's API key may not use (403 FROM_NUMBER_NOT_ALLOWED); a restricted key
 * must name its sender. The guard applies it on @SendsSms() routes to the raw body; a controller that works out the
 * sender some other way calls it itself with the number it will send from.
 */
export function assertMaySendFrom(caller: Caller, fromNumber: string | undefined): void {
  const allowed = caller.allowedFromNumbers;
  if (allowed === undefined || (fromNumber !== undefined && allowed.includes(fromNumber))) return;
  const message =
    fromNumber === undefined ? 'This API key is restricted to some sender numbers: name one.' : `This API key may not send from ${fromNumber}.`;
  throw new ApiException(403, 'FROM_NUMBER_NOT_ALLOWED', message, {
    context: { ...(fromNumber !== undefined ? { fromNumber } : {}), allowedFromNumbers: [...allowed] },
  });
}

/**
 * The sender number as the body carries it, before validation. An unencoded `+` in a form body arrives as a space
 * (`fromNumber=+1555…` reads " 1555…"), which the DTOs read as a plus too; anything else stays as sent, so a number
 * in another spelling is refused here rather than passed.
 */
export function rawSenderOf(body: unknown, field: string): string | undefined {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' ? value.replace(/^ (?=\d)/, '+') : undefined;
}
