import { isoDate } from '../../core/dates';
import type { SerializeContext } from '../../http/serialize-context';
import { links } from '../../http/urls';
import type {
  AccountWebhookConfiguration,
  AddressConfiguration,
  AutoCreation,
  Conversation,
  ConversationMessage,
  ConversationParticipant,
  ConversationWebhook,
  DeliveryReceipt,
  WebhookConfiguration,
} from './conversations.store';

export const conversationUrl = (ctx: SerializeContext, sid: string) => `${ctx.baseUrl}/conversations/v1/Conversations/${sid}`;

/** `conversations.v1.conversation`; `timers` is `{}` until a timer is set, as Twilio sends it. */
export function serializeConversation(conversation: Conversation, ctx: SerializeContext) {
  const url = conversationUrl(ctx, conversation.sid);
  const { dateInactive, dateClosed } = conversation.timers;
  return {
    account_sid: ctx.accountSid,
    chat_service_sid: conversation.chatServiceSid,
    messaging_service_sid: null,
    sid: conversation.sid,
    friendly_name: conversation.friendlyName,
    unique_name: conversation.uniqueName,
    attributes: conversation.attributes,
    state: conversation.state,
    date_created: isoDate(conversation.dateCreated),
    date_updated: isoDate(conversation.dateUpdated),
    timers: {
      ...(dateInactive ? { date_inactive: isoDate(dateInactive) } : {}),
      ...(dateClosed ? { date_closed: isoDate(dateClosed) } : {}),
    },
    url,
    links: links(url, { participants: 'Participants', messages: 'Messages', webhooks: 'Webhooks' }),
    bindings: null,
  };
}

/** `conversations.v1.conversation.conversation_participant`; an SMS participant shows its binding in snake_case. */
export function serializeConversationParticipant(participant: ConversationParticipant, ctx: SerializeContext) {
  const binding = participant.messagingBinding;
  return {
    account_sid: ctx.accountSid,
    conversation_sid: participant.conversationSid,
    sid: participant.sid,
    identity: participant.identity,
    attributes: participant.attributes,
    messaging_binding: binding ? { type: binding.type, address: binding.address, proxy_address: binding.proxyAddress } : null,
    role_sid: null,
    date_created: isoDate(participant.dateCreated),
    date_updated: isoDate(participant.dateUpdated),
    url: `${conversationUrl(ctx, participant.conversationSid)}/Participants/${participant.sid}`,
    last_read_message_index: null,
    last_read_timestamp: null,
  };
}

/**
 * `conversations.v1.conversation.conversation_message`; `delivery` summarises the SMS sent for it (null: none),
 * from its receipts (products/conversations/delivery-receipts.service.ts `deliverySummary`).
 */
export function serializeConversationMessage(message: ConversationMessage, delivery: object | null, ctx: SerializeContext) {
  const url = `${conversationUrl(ctx, message.conversationSid)}/Messages/${message.sid}`;
  return {
    account_sid: ctx.accountSid,
    conversation_sid: message.conversationSid,
    sid: message.sid,
    index: message.index,
    author: message.author,
    body: message.body,
    media: null,
    attributes: message.attributes,
    participant_sid: message.participantSid,
    date_created: isoDate(message.dateCreated),
    date_updated: isoDate(message.dateUpdated),
    url,
    delivery,
    links: links(url, { delivery_receipts: 'Receipts', channel_metadata: 'ChannelMetadata' }),
    content_sid: message.content?.sid ?? null,
  };
}

/** `conversations.v1.conversation.conversation_scoped_webhook`; `configuration` holds the keys of its target. */
export function serializeConversationWebhook(webhook: ConversationWebhook, ctx: SerializeContext) {
  const configuration =
    webhook.target === 'studio'
      ? { flow_sid: webhook.flowSid, filters: webhook.filters }
      : { url: webhook.url, method: webhook.method, filters: webhook.filters, triggers: webhook.triggers };
  return {
    sid: webhook.sid,
    account_sid: ctx.accountSid,
    conversation_sid: webhook.conversationSid,
    target: webhook.target,
    url: `${conversationUrl(ctx, webhook.conversationSid)}/Webhooks/${webhook.sid}`,
    configuration,
    date_created: isoDate(webhook.dateCreated),
    date_updated: isoDate(webhook.dateUpdated),
  };
}

function serializeAutoCreation(autoCreation: AutoCreation) {
  const common = { enabled: autoCreation.enabled, type: autoCreation.type, conversation_service_sid: autoCreation.conversationServiceSid };
  if (autoCreation.type === 'studio') {
    return { ...common, studio_flow_sid: autoCreation.studioFlowSid, studio_retry_count: autoCreation.studioRetryCount };
  }
  if (autoCreation.type === 'webhook') {
    return {
      ...common,
      webhook_url: autoCreation.webhookUrl,
      webhook_method: autoCreation.webhookMethod,
      webhook_filters: autoCreation.webhookFilters,
    };
  }
  return common;
}

/** `conversations.v1.configuration_address` */
export function serializeAddressConfiguration(configuration: AddressConfiguration, ctx: SerializeContext) {
  return {
    sid: configuration.sid,
    account_sid: ctx.accountSid,
    type: configuration.type,
    address: configuration.address,
    friendly_name: configuration.friendlyName,
    auto_creation: serializeAutoCreation(configuration.autoCreation),
    date_created: isoDate(configuration.dateCreated),
    date_updated: isoDate(configuration.dateUpdated),
    url: `${ctx.baseUrl}/conversations/v1/Configuration/Addresses/${configuration.sid}`,
    address_country: configuration.addressCountry,
  };
}

/**
 * `conversations.v1.conversation.conversation_message.conversation_message_receipt`, and with `serviceScoped` the
 * `/v1/Services/{ChatServiceSid}/…` variant (which adds `chat_service_sid` and lives under the service's URL).
 */
export function serializeDeliveryReceipt(receipt: DeliveryReceipt, ctx: SerializeContext, serviceScoped = false) {
  const conversation = serviceScoped
    ? `${ctx.baseUrl}/conversations/v1/Services/${receipt.chatServiceSid}/Conversations/${receipt.conversationSid}`
    : conversationUrl(ctx, receipt.conversationSid);
  return {
    account_sid: ctx.accountSid,
    ...(serviceScoped ? { chat_service_sid: receipt.chatServiceSid } : {}),
    conversation_sid: receipt.conversationSid,
    sid: receipt.sid,
    message_sid: receipt.messageSid,
    channel_message_sid: receipt.channelMessageSid,
    participant_sid: receipt.participantSid,
    status: receipt.status,
    error_code: receipt.errorCode,
    date_created: isoDate(receipt.dateCreated),
    date_updated: isoDate(receipt.dateUpdated),
    url: `${conversation}/Messages/${receipt.messageSid}/Receipts/${receipt.sid}`,
  };
}

/** `conversations.v1.configuration.configuration_webhook` (account level). */
export function serializeAccountWebhook(configuration: AccountWebhookConfiguration, ctx: SerializeContext) {
  return {
    account_sid: ctx.accountSid,
    method: configuration.method,
    filters: configuration.filters,
    pre_webhook_url: configuration.preWebhookUrl,
    post_webhook_url: configuration.postWebhookUrl,
    target: configuration.target,
    url: `${ctx.baseUrl}/conversations/v1/Configuration/Webhooks`,
  };
}

/** `conversations.v1.service.service_configuration.service_webhook_configuration`; all null until first set. */
export function serializeServiceWebhook(chatServiceSid: string, configuration: WebhookConfiguration | undefined, ctx: SerializeContext) {
  return {
    account_sid: ctx.accountSid,
    chat_service_sid: chatServiceSid,
    pre_webhook_url: configuration?.preWebhookUrl ?? null,
    post_webhook_url: configuration?.postWebhookUrl ?? null,
    filters: configuration?.filters ?? null,
    method: configuration?.method ?? null,
    url: `${ctx.baseUrl}/conversations/v1/Services/${chatServiceSid}/Configuration/Webhooks`,
  };
}
