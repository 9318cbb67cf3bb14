import type { TwilioCallback } from '../../callbacks/twilio-callback';
import type { SandboxState } from '../../core/state';
import type { MessageRelay, SmsMessage } from '../api2010/api2010.store';
import { conversationEventCallbacks, deliveryUpdatedParams } from './conversation-events';
import type { ConversationMessage, DeliveryReceipt, ReceiptStatus } from './conversations.store';

type ConversationsRelay = Extract<MessageRelay, { product: 'conversations' }>;

/**
 * Mirrors an SMS leg of a conversation message onto its delivery receipt (docs "Delivery Receipts in
 * Conversations"): the receipt appears once the SMS is `sent` (or has `failed`), follows it to `delivered` or
 * `undelivered` with the error code, and each change is an `onDeliveryUpdated` event.
 */
export function mirrorOnReceipt(state: SandboxState, sms: SmsMessage, relay: ConversationsRelay): TwilioCallback[] {
  if (sms.status === 'queued' || sms.status === 'received') return [];
  const conversation = state.conversations.conversations.get(relay.conversationSid);
  if (!conversation || !state.conversations.messages.get(relay.messageSid)) return [];
  const store = state.conversations;
  const now = state.now();
  let receipt = store.receiptsOf(relay.messageSid).find((candidate) => candidate.channelMessageSid === sms.sid);
  if (receipt) {
    receipt.status = sms.status;
    receipt.errorCode = sms.errorCode ?? 0;
    receipt.dateUpdated = now;
  } else {
    receipt = store.receipts.add({
      sid: state.sid('DY'),
      conversationSid: conversation.sid,
      chatServiceSid: conversation.chatServiceSid,
      messageSid: relay.messageSid,
      participantSid: relay.participantSid,
      channelMessageSid: sms.sid,
      status: sms.status,
      errorCode: sms.errorCode ?? 0,
      dateCreated: now,
      dateUpdated: null,
    });
    store.receiptsByMessage.set(relay.messageSid, [...(store.receiptsByMessage.get(relay.messageSid) ?? []), receipt.sid]);
  }
  return conversationEventCallbacks(state, conversation, 'onDeliveryUpdated', deliveryUpdatedParams(state, receipt), sms.sid);
}

export function removeReceiptsOf(state: SandboxState, messageSid: string): void {
  for (const receipt of state.conversations.receiptsOf(messageSid)) state.conversations.receipts.delete(receipt.sid);
  state.conversations.receiptsByMessage.delete(messageSid);
}

/**
 * A message's `delivery` summary: `total` SMS legs, and for each status whether `all`, `some` or `none` of them
 * reached it. A leg counts as `sent` from `sent` on (delivered, undelivered and read ones were sent first); a leg
 * still queued has no receipt yet and counts in `total` only. Null for a message that went to no SMS participant.
 */
export function deliverySummary(state: SandboxState, message: ConversationMessage) {
  const total = message.deliveredSmsCount;
  if (total === 0) return null;
  const receipts = state.conversations.receiptsOf(message.sid);
  const share = (statuses: ReceiptStatus[]) => {
    const count = receipts.filter((receipt: DeliveryReceipt) => statuses.includes(receipt.status)).length;
    return count === 0 ? 'none' : count >= total ? 'all' : 'some';
  };
  return {
    total,
    sent: share(['sent', 'delivered', 'read', 'undelivered']),
    delivered: share(['delivered', 'read']),
    read: share(['read']),
    undelivered: share(['undelivered']),
    failed: share(['failed']),
  };
}
