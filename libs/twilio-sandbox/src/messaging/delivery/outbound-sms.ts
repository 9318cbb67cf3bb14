import type { SandboxState } from '../../core/state';
import type { MessageDirection, MessageRelay, SmsMessage } from '../../products/api2010/api2010.store';
import { messagingErrorText } from '../../products/api2010/messaging.errors';
import type { RenderedContent } from '../../products/content/content-rendering';
import { channelOf } from '../channel-address';
import { sendFailureCode } from '../whatsapp-window';
import { plannedOutcomeFor, refusalCode } from './carrier';

export interface OutboundSms {
  from: string;
  to: string;
  body: string;
  direction?: Extract<MessageDirection, 'outbound-api' | 'outbound-reply'>;
  statusCallback?: string;
  relay?: MessageRelay;
  /** False for Twilio's own keyword replies (the STOP confirmation goes to a handset that just opted out). */
  honourOptOut?: boolean;
  /** The Content template it goes out as, filled in for its channel (`body` is that template's text). */
  content?: RenderedContent;
}

/**
 * Puts a message (SMS or WhatsApp, by its addresses) on its way as Twilio does once it accepted it: `queued`, ending
 * as the handset's fate says, or `failed` at once with the code that stops it (magic number, opt-out). A WhatsApp
 * message that may not go out (free text outside the customer service window: 63016) is accepted, then fails on its
 * first step, as Twilio reports it (messaging/whatsapp-window.ts). Its delivery runs on after the handler
 * (messaging/delivery/delivery-runtime.ts). Callers that refuse a send at the REST API check `refusalCode` first.
 */
export function sendSms(state: SandboxState, input: OutboundSms): SmsMessage {
  const code = refusalCode(state, input.from, input.to, { honourOptOut: input.honourOptOut ?? true });
  const failure = code === undefined ? sendFailureCode(state, input) : undefined;
  const planned = plannedOutcomeFor(state, input.to);
  const now = state.now();
  const sms = state.api.messages.add({
    sid: state.sid('SM'),
    channel: channelOf(input.to),
    from: input.from,
    to: input.to,
    body: input.body,
    ...(input.content ? { content: { sid: input.content.contentSid, buttons: input.content.buttons } } : {}),
    direction: input.direction ?? 'outbound-api',
    status: code === undefined ? 'queued' : 'failed',
    errorCode: code ?? null,
    errorMessage: code === undefined ? null : messagingErrorText(code, input.to, input.from),
    statusCallback: input.statusCallback ?? null,
    relay: input.relay ?? null,
    plannedOutcome: code !== undefined ? null : failure !== undefined ? { status: 'failed', errorCode: failure, delayMs: planned.delayMs } : planned,
    dateCreated: now,
    dateSent: null,
    dateUpdated: now,
  });
  state.outbox.push({ kind: 'sms-out', smsSid: sms.sid });
  return sms;
}

/** Ties an SMS to the resource it was sent for, once that resource exists (a Proxy interaction is recorded after its SMS). */
export function relayFor(sms: SmsMessage, relay: MessageRelay): void {
  sms.relay = relay;
}
