import { formParams, type TwilioCallback } from '../../callbacks/twilio-callback';
import { isoDate } from '../../core/dates';
import type { SandboxState } from '../../core/state';
import type { Conversation, ConversationMessage, DeliveryReceipt, WebhookConfiguration } from './conversations.store';

/**
 * Post-event webhooks of Conversations (docs "Conversations Webhooks"), form-encoded and signed like every Twilio
 * webhook, within the documented 5 s timeout. An event goes to each target that asks for it in its filters:
 * - the conversation's scoped webhooks of target `webhook` (`Configuration.Filters`; they also carry `WebhookSid`
 *   and `WebhookType`),
 * - the Conversation Service's post-event URL (`/v1/Services/{ChatServiceSid}/Configuration/Webhooks`),
 * - the account-level one (`/v1/Configuration/Webhooks`) while its target is `webhook` (`flex` keeps them in Flex).
 * Only `onMessageAdded` and `onDeliveryUpdated` are sent so far; pre-event URLs are stored, never called.
 */
export type ConversationEvent = 'onMessageAdded' | 'onDeliveryUpdated';

/** Conversations waits 5 seconds for a webhook's answer ("Conversations webhooks have a maximum timeout of 5 seconds"). */
const CONVERSATIONS_WEBHOOK_TIMEOUT_MS = 5000;

export function conversationEventCallbacks(
  state: SandboxState,
  conversation: Conversation,
  event: ConversationEvent,
  params: Record<string, string>,
  orderKey?: string,
): TwilioCallback[] {
  const callbacks: TwilioCallback[] = [];
  const common = { event: `conversations:${event}`, readTimeoutMs: CONVERSATIONS_WEBHOOK_TIMEOUT_MS, orderKey };
  for (const webhook of state.conversations.webhooksOf(conversation.sid)) {
    if (webhook.target !== 'webhook' || !webhook.url || !webhook.filters.includes(event)) continue;
    callbacks.push({
      ...common,
      url: webhook.url,
      method: httpMethod(webhook.method),
      params: { ...params, WebhookSid: webhook.sid, WebhookType: 'webhook' },
    });
  }
  const configured = (configuration: WebhookConfiguration | undefined) => {
    if (configuration?.postWebhookUrl && configuration.filters?.includes(event)) {
      callbacks.push({ ...common, url: configuration.postWebhookUrl, method: httpMethod(configuration.method), params });
    }
  };
  configured(state.conversations.serviceWebhooks.get(conversation.chatServiceSid));
  const account = state.conversations.accountWebhook;
  if (account.target === 'webhook') configured(account);
  return callbacks;
}

function httpMethod(method: string | null): 'GET' | 'POST' {
  return method?.toUpperCase() === 'GET' ? 'GET' : 'POST';
}

/** `onMessageAdded`: `Source` says where the message came from (`SMS` or `WHATSAPP` from a handset, `API` through REST). */
export function messageAddedParams(
  state: SandboxState,
  conversation: Conversation,
  message: ConversationMessage,
  source: 'SMS' | 'WHATSAPP' | 'API',
) {
  return formParams({
    EventType: 'onMessageAdded',
    AccountSid: state.account.accountSid,
    ChatServiceSid: conversation.chatServiceSid,
    ConversationSid: conversation.sid,
    MessageSid: message.sid,
    Index: message.index,
    Author: message.author,
    Body: message.body,
    Attributes: message.attributes,
    ParticipantSid: message.participantSid,
    DateCreated: isoDate(message.dateCreated),
    Source: source,
  });
}

/** `onDeliveryUpdated`: the receipt as it now is (the Event Streams schema `Conversations.DeliveryUpdated` lists the same fields). */
export function deliveryUpdatedParams(state: SandboxState, receipt: DeliveryReceipt) {
  return formParams({
    EventType: 'onDeliveryUpdated',
    AccountSid: state.account.accountSid,
    ChatServiceSid: receipt.chatServiceSid,
    ConversationSid: receipt.conversationSid,
    MessageSid: receipt.messageSid,
    DeliveryReceiptSid: receipt.sid,
    ChannelMessageSid: receipt.channelMessageSid,
    ParticipantSid: receipt.participantSid,
    Status: receipt.status,
    ErrorCode: receipt.errorCode,
    DateCreated: isoDate(receipt.dateCreated),
    DateUpdated: isoDate(receipt.dateUpdated),
  });
}
