import { ApiException } from '../common/api-exception';
import type { Caller } from './caller';

/**
 * Refuses a send from a number the caller's API key may not use (403 FROM_NUMBER_NOT_ALLOWED); a restricted key
 * must name its sender. The guard applies it on @SendsSms() routes to the raw body; a controller that works out the
 * sender some other way calls it itself with the number it will send from.
 */
export function assertMaySendFrom(caller: Caller, fromNumber: string | undefined): void {
  const allowed = caller.allowedFromNumbers;
  if (allowed === undefined || (fromNumber !== undefined && allowed.includes(fromNumber))) return;
  const message = fromNumber === undefined ? 'This API key is restricted to some sender numbers: name one.' : `This API key may not send from ${fromNumber}.`;
  throw new ApiException(403, 'FROM_NUMBER_NOT_ALLOWED', message, { context: { ...(fromNumber !== undefined ? { fromNumber } : {}), allowedFromNumbers: [...allowed] } });
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
