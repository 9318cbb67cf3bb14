import { isoDate } from '../../core/dates';
import type { SerializeContext } from '../../http/serialize-context';
import { links } from '../../http/urls';
import type { ChatChannel, ChatMember, ChatMessage, ChatService, ChatUser } from './chat.store';

const serviceUrl = (ctx: SerializeContext, sid: string) => `${ctx.baseUrl}/chat/v2/Services/${sid}`;
const channelUrl = (ctx: SerializeContext, serviceSid: string, sid: string) => `${serviceUrl(ctx, serviceSid)}/Channels/${sid}`;

/** `chat.v2.service` */
export function serializeChatService(service: ChatService, ctx: SerializeContext) {
  const url = serviceUrl(ctx, service.sid);
  return {
    sid: service.sid,
    account_sid: ctx.accountSid,
    friendly_name: service.friendlyName,
    date_created: isoDate(service.dateCreated),
    date_updated: isoDate(service.dateUpdated),
    default_service_role_sid: service.defaultServiceRoleSid,
    default_channel_role_sid: service.defaultChannelRoleSid,
    default_channel_creator_role_sid: service.defaultChannelCreatorRoleSid,
    read_status_enabled: true,
    reachability_enabled: false,
    typing_indicator_timeout: 5,
    consumption_report_interval: 10,
    limits: { channel_members: 100, user_channels: 250 },
    pre_webhook_url: null,
    post_webhook_url: null,
    webhook_method: 'POST',
    webhook_filters: [],
    pre_webhook_retry_count: 0,
    post_webhook_retry_count: 0,
    notifications: {},
    media: { size_limit_mb: 150, compatibility_message: 'Media messages are not supported by your client' },
    url,
    links: links(url, { channels: 'Channels', users: 'Users', roles: 'Roles', bindings: 'Bindings' }),
  };
}

/** `chat.v2.service.channel` */
export function serializeChatChannel(channel: ChatChannel, counts: { members: number; messages: number }, ctx: SerializeContext) {
  const url = channelUrl(ctx, channel.serviceSid, channel.sid);
  return {
    sid: channel.sid,
    account_sid: ctx.accountSid,
    service_sid: channel.serviceSid,
    friendly_name: channel.friendlyName,
    unique_name: channel.uniqueName,
    attributes: channel.attributes,
    type: channel.type,
    date_created: isoDate(channel.dateCreated),
    date_updated: isoDate(channel.dateUpdated),
    created_by: channel.createdBy,
    members_count: counts.members,
    messages_count: counts.messages,
    url,
    links: links(url, {
      members: 'Members',
      messages: 'Messages',
      invites: 'Invites',
      webhooks: 'Webhooks',
      last_message: 'Messages?Order=desc&PageSize=1',
    }),
  };
}

/** `chat.v2.service.channel.message` */
export function serializeChatMessage(message: ChatMessage, ctx: SerializeContext) {
  return {
    sid: message.sid,
    account_sid: ctx.accountSid,
    attributes: message.attributes,
    service_sid: message.serviceSid,
    to: message.channelSid,
    channel_sid: message.channelSid,
    date_created: isoDate(message.dateCreated),
    date_updated: isoDate(message.dateUpdated),
    last_updated_by: message.lastUpdatedBy,
    was_edited: false,
    from: message.from,
    body: message.body,
    index: message.index,
    type: 'text',
    media: null,
    url: `${channelUrl(ctx, message.serviceSid, message.channelSid)}/Messages/${message.sid}`,
  };
}

/** `chat.v2.service.channel.member` */
export function serializeChatMember(member: ChatMember, ctx: SerializeContext) {
  return {
    sid: member.sid,
    account_sid: ctx.accountSid,
    channel_sid: member.channelSid,
    service_sid: member.serviceSid,
    identity: member.identity,
    date_created: isoDate(member.dateCreated),
    date_updated: isoDate(member.dateUpdated),
    role_sid: member.roleSid,
    last_consumed_message_index: member.lastConsumedMessageIndex,
    last_consumption_timestamp: null,
    url: `${channelUrl(ctx, member.serviceSid, member.channelSid)}/Members/${member.sid}`,
    attributes: member.attributes,
  };
}

/** `chat.v2.service.user` */
export function serializeChatUser(user: ChatUser, joinedChannels: number, ctx: SerializeContext) {
  const url = `${serviceUrl(ctx, user.serviceSid)}/Users/${user.sid}`;
  return {
    sid: user.sid,
    account_sid: ctx.accountSid,
    service_sid: user.serviceSid,
    attributes: user.attributes,
    friendly_name: user.friendlyName,
    role_sid: user.roleSid,
    identity: user.identity,
    is_online: null,
    is_notifiable: null,
    date_created: isoDate(user.dateCreated),
    date_updated: isoDate(user.dateUpdated),
    joined_channels_count: joinedChannels,
    links: links(url, { user_channels: 'Channels', user_bindings: 'Bindings' }),
    url,
  };
}

/** `chat.v2.service.user.user_channel`: one membership of a user, seen from the user. */
export function serializeUserChannel(member: ChatMember, user: ChatUser, unreadMessagesCount: number | null, ctx: SerializeContext) {
  const channel = channelUrl(ctx, member.serviceSid, member.channelSid);
  return {
    account_sid: ctx.accountSid,
    service_sid: member.serviceSid,
    channel_sid: member.channelSid,
    user_sid: user.sid,
    member_sid: member.sid,
    status: 'joined',
    last_consumed_message_index: member.lastConsumedMessageIndex,
    unread_messages_count: unreadMessagesCount,
    links: { channel, member: `${channel}/Members/${member.sid}` },
    url: `${serviceUrl(ctx, member.serviceSid)}/Users/${user.sid}/Channels/${member.channelSid}`,
    notification_level: 'default',
  };
}
