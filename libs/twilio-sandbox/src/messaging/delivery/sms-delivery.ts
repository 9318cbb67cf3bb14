import type { TwilioCallback } from '../../callbacks/twilio-callback';
import type { SandboxState } from '../../core/state';
import type { SerializeContext } from '../../http/serialize-context';
import { isFinalStatus, type SmsMessage } from '../../products/api2010/api2010.store';
import { messageStatusCallback } from '../../products/api2010/message-status-callback';
import { messagingErrorText } from '../../products/api2010/messaging.errors';
import { mirrorOnReceipt } from '../../products/conversations/delivery-receipts.service';
import { mirrorOnInteraction } from '../../products/proxy/interaction-callbacks';

/**
 * One step of an outbound message, as Twilio reports it: `queued` → `sent` → `delivered`, or `undelivered` with the
 * carrier's code (30003, 30005, 30006, 30007); `queued` → `failed` for one Twilio could not send (63016).
 * False when the message has no step left.
 */
export function advanceSms(state: SandboxState, sms: SmsMessage): boolean {
  const outcome = sms.plannedOutcome;
  if (!outcome || isFinalStatus(sms.status)) return false;
  const now = state.now();
  if (sms.status === 'queued' && outcome.status !== 'failed') {
    sms.status = 'sent';
    sms.dateSent = now;
  } else {
    sms.status = outcome.status;
    sms.errorCode = outcome.errorCode;
    sms.errorMessage = outcome.errorCode === null ? null : messagingErrorText(outcome.errorCode, sms.to, sms.from);
    sms.plannedOutcome = null;
  }
  sms.dateUpdated = now;
  return true;
}

/**
 * Mirrors the SMS's status where its sender shows delivery (a Conversations receipt, a Proxy interaction) and
 * returns the callbacks that announce it: the Message's own `StatusCallback`, and the product's events.
 */
export function applySmsStatus(state: SandboxState, sms: SmsMessage, ctx: SerializeContext): TwilioCallback[] {
  const callbacks: TwilioCallback[] = [];
  const statusCallback = messageStatusCallback(state, sms);
  if (statusCallback) callbacks.push(statusCallback);
  if (sms.relay?.product === 'conversations') callbacks.push(...mirrorOnReceipt(state, sms, sms.relay));
  if (sms.relay?.product === 'proxy') callbacks.push(...mirrorOnInteraction(state, sms, sms.relay, ctx));
  return callbacks;
}
