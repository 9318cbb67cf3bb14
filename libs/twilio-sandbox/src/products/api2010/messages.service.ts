import type { SandboxState } from '../../core/state';
import type { MessageDirection, SmsMessage } from './api2010.store';

/** Records an SMS on the account: what the handset receives (outbound) or sent (inbound). */
export function recordSms(state: SandboxState, input: { from: string; to: string; body: string; direction: MessageDirection }): SmsMessage {
  const now = state.now();
  return state.api.messages.add({
    sid: state.sid('SM'),
    from: input.from,
    to: input.to,
    body: input.body,
    direction: input.direction,
    status: input.direction === 'inbound' ? 'received' : 'delivered',
    dateCreated: now,
    dateSent: now,
    dateUpdated: now,
  });
}
