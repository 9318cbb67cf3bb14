import { toDeliveryStatus, type DeliveryReport } from '@flex-sms/domain';

/** A form body as Express parsed it: names to text (a repeated name to an array). */
export type WebhookForm = Readonly<Record<string, unknown>>;

/**
 * What a Conversations post-event webhook reports (docs "Conversations Webhooks"): `onDeliveryUpdated` carries a
 * delivery receipt (MessageSid = the conversation message, ChannelMessageSid = the SMS, Status, ErrorCode with 0 for
 * none); `onMessageAdded` a new message, whose Author is the customer's address when a customer wrote it.
 */
export type ConversationsWebhookEvent =
  | { readonly kind: 'delivery'; readonly report: DeliveryReport }
  | {
      readonly kind: 'message-added';
      readonly conversationSid: string;
      readonly author: string;
      readonly body: string;
      readonly source: string;
      readonly at: Date;
    }
  | { readonly kind: 'other' };

export function parseConversationsWebhook(form: WebhookForm, heardAt: Date): ConversationsWebhookEvent {
  const event = text(form, 'EventType');
  if (event === 'onDeliveryUpdated') {
    const status = toDeliveryStatus(text(form, 'Status'));
    const messageSid = text(form, 'MessageSid');
    if (!status || !messageSid) return { kind: 'other' };
    return {
      kind: 'delivery',
      report: {
        messageSid,
        channelMessageSid: text(form, 'ChannelMessageSid') ?? null,
        status,
        errorCode: errorCode(text(form, 'ErrorCode')),
        errorMessage: null,
        reportedAt: date(text(form, 'DateUpdated')) ?? date(text(form, 'DateCreated')) ?? heardAt,
        source: 'callback',
      },
    };
  }
  if (event === 'onMessageAdded') {
    const conversationSid = text(form, 'ConversationSid');
    const author = text(form, 'Author');
    if (!conversationSid || !author) return { kind: 'other' };
    return {
      kind: 'message-added',
      conversationSid,
      author,
      body: text(form, 'Body') ?? '',
      source: text(form, 'Source') ?? '',
      at: date(text(form, 'DateCreated')) ?? heardAt,
    };
  }
  return { kind: 'other' };
}

/**
 * A Proxy Service `CallbackUrl` call (docs "Proxy Webhooks"): an interaction, fired when it is created and when its
 * outbound resource's status changes. Outbound (a chat message relayed as SMS): inbound resource `Chat`, outbound
 * `Message` with `outboundResourceStatus`. A customer's SMS: inbound resource `Message` (the SMS received).
 * Proxy reports no error code: the SMS's Message resource has it.
 */
export type ProxyInteractionEvent =
  | {
      readonly kind: 'relayed';
      readonly chatMessageSid: string;
      readonly smsSid: string;
      readonly status: NonNullable<ReturnType<typeof toDeliveryStatus>>;
      readonly at: Date;
    }
  | { readonly kind: 'customer-sms'; readonly smsSid: string; readonly at: Date }
  | { readonly kind: 'other' };

export function parseProxyInteraction(form: WebhookForm, heardAt: Date): ProxyInteractionEvent {
  const at = date(text(form, 'interactionDateUpdated')) ?? heardAt;
  const inboundType = text(form, 'inboundResourceType');
  const outboundType = text(form, 'outboundResourceType');
  const inboundSid = text(form, 'inboundResourceSid');
  const outboundSid = text(form, 'outboundResourceSid');
  if (inboundType === 'Chat' && outboundType === 'Message' && inboundSid && outboundSid) {
    const status = toDeliveryStatus(text(form, 'outboundResourceStatus'));
    return status ? { kind: 'relayed', chatMessageSid: inboundSid, smsSid: outboundSid, status, at } : { kind: 'other' };
  }
  if (inboundType === 'Message' && inboundSid) return { kind: 'customer-sms', smsSid: inboundSid, at };
  return { kind: 'other' };
}

/**
 * A Message's `StatusCallback` (docs "Track the Message Status of Outbound Messages"): `MessageSid`, `MessageStatus`
 * and `ErrorCode` for a failed or undelivered one, on each change. For a send made through the Messages API the
 * Message itself is the request's message. Null for an inbound status or an unknown word.
 */
export function parseMessageStatusCallback(form: WebhookForm, heardAt: Date): DeliveryReport | null {
  const messageSid = text(form, 'MessageSid') ?? text(form, 'SmsSid');
  const status = toDeliveryStatus(text(form, 'MessageStatus') ?? text(form, 'SmsStatus'));
  if (!messageSid || !status) return null;
  return {
    messageSid,
    channelMessageSid: messageSid,
    status,
    errorCode: errorCode(text(form, 'ErrorCode')),
    errorMessage: null,
    reportedAt: heardAt,
    source: 'callback',
  };
}

function text(form: WebhookForm, name: string): string | undefined {
  const value = form[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first !== '' ? first : undefined;
}

/** Conversations writes 0 for "no error". */
function errorCode(value: string | undefined): number | null {
  const code = Number(value);
  return value !== undefined && Number.isInteger(code) && code > 0 ? code : null;
}

function date(value: string | undefined): Date | null {
  if (!value) return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}
