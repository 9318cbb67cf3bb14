import type { SandboxState } from '../../core/state';
import { channelOf } from '../../messaging/channel-address';
import type { SmsMessage } from './api2010.store';

/** Records a message (SMS or WhatsApp) the handset sent to one of the account's numbers or senders: received at once. */
export function recordInboundSms(state: SandboxState, input: { from: string; to: string; body: string }): SmsMessage {
  const now = state.now();
  return state.api.messages.add({
    sid: state.sid('SM'),
    channel: channelOf(input.to),
    from: input.from,
    to: input.to,
    body: input.body,
    direction: 'inbound',
    status: 'received',
    errorCode: null,
    errorMessage: null,
    statusCallback: null,
    relay: null,
    plannedOutcome: null,
    dateCreated: now,
    dateSent: now,
    dateUpdated: now,
  });
}
