import type { SandboxState, StateRef } from '../../core/state';
import { webhooksEnabled } from '../../http/headers';
import { found } from '../../http/lookup';
import type { Params } from '../../http/params';
import { resourceRoutes } from '../../http/resource-routes';
import type { Route, TwilioRequest } from '../../http/route';
import type { SerializeContext } from '../../http/serialize-context';
import { postChatMessage } from '../../messaging/chat-messages';
import { FlexStore } from '../flex/flex.store';
import { addMember, createChannel, createUser, updateChannel, type ChannelChanges } from './chat.service';
import {
  serializeChatChannel,
  serializeChatMember,
  serializeChatMessage,
  serializeChatService,
  serializeChatUser,
  serializeUserChannel,
} from './chat.serializers';
import type { ChatChannel, ChatMember, ChatUser } from './chat.store';

const CHANNEL_TYPES = ['public', 'private'] as const;

function serviceOf(state: SandboxState, request: TwilioRequest) {
  return found(state.chat.services.get(request.pathParams.ServiceSid ?? request.pathParams.Sid), request);
}

function channelOf(state: SandboxState, request: TwilioRequest, param: 'Sid' | 'ChannelSid') {
  const service = serviceOf(state, request);
  return found(state.chat.findChannel(service.sid, request.pathParams[param]), request);
}

/** What both creating and updating a channel read. */
function readChannelChanges(params: Params): ChannelChanges {
  return { friendlyName: params.string('FriendlyName'), uniqueName: params.string('UniqueName'), attributes: params.json('Attributes') };
}

function channelBody(state: SandboxState, channel: ChatChannel, ctx: SerializeContext) {
  const counts = { members: state.chat.members(channel.sid).size, messages: state.chat.messages(channel.sid).size };
  return serializeChatChannel(channel, counts, ctx);
}

/** Programmable Chat v2 (the chat behind Flex's classic messaging). */
export function chatRoutes(ref: StateRef): Route[] {
  const route = resourceRoutes(ref);
  return [
    route.list('/chat/v2/Services', (_request, state) => ({ key: 'services', collection: state.chat.services, serialize: serializeChatService })),
    route.fetch('/chat/v2/Services/:Sid', (request, state, ctx) => serializeChatService(serviceOf(state, request), ctx)),
    route.list('/chat/v2/Services/:ServiceSid/Channels', (request, state) => {
      const service = serviceOf(state, request);
      const types = request.query.list('Type');
      const items = state.chat.channels.filter((channel) => channel.serviceSid === service.sid && (!types.length || types.includes(channel.type)));
      const serialize = (channel: ChatChannel, ctx: SerializeContext) => channelBody(state, channel, ctx);
      return { key: 'channels', items, collection: state.chat.channels, serialize };
    }),
    route.create('/chat/v2/Services/:ServiceSid/Channels', (request, state, ctx) => {
      const params = request.params;
      const input = { ...readChannelChanges(params), type: params.oneOf('Type', CHANNEL_TYPES), createdBy: params.string('CreatedBy') };
      return channelBody(state, createChannel(state, serviceOf(state, request), input), ctx);
    }),
    route.fetch('/chat/v2/Services/:ServiceSid/Channels/:Sid', (request, state, ctx) => channelBody(state, channelOf(state, request, 'Sid'), ctx)),
    route.update('/chat/v2/Services/:ServiceSid/Channels/:Sid', (request, state, ctx) => {
      const channel = channelOf(state, request, 'Sid');
      updateChannel(state, channel, readChannelChanges(request.params));
      return channelBody(state, channel, ctx);
    }),
    route.delete('/chat/v2/Services/:ServiceSid/Channels/:Sid', (request, state) => {
      const channel = channelOf(state, request, 'Sid');
      state.chat.deleteChannel(channel);
      const flexChannel = state.flex.channels.delete(channel.sid);
      if (flexChannel) state.flex.channelByFlowAndTarget.delete(FlexStore.targetKey(flexChannel.flexFlowSid, flexChannel.target));
    }),
    route.list('/chat/v2/Services/:ServiceSid/Channels/:ChannelSid/Messages', (request, state) => {
      const messages = state.chat.messages(channelOf(state, request, 'ChannelSid').sid);
      const descending = request.query.oneOf('Order', ['asc', 'desc'] as const) === 'desc';
      const items = descending ? messages.values().reverse() : messages.values();
      return { key: 'messages', items, collection: messages, serialize: serializeChatMessage, descending };
    }),
    route.create('/chat/v2/Services/:ServiceSid/Channels/:ChannelSid/Messages', (request, state, ctx) => {
      const params = request.params;
      const { message } = postChatMessage(
        state,
        channelOf(state, request, 'ChannelSid'),
        { from: params.string('From'), body: params.string('Body'), attributes: params.json('Attributes') },
        { origin: 'rest', webhooksEnabled: webhooksEnabled(request) },
      );
      return serializeChatMessage(message, ctx);
    }),
    route.list('/chat/v2/Services/:ServiceSid/Channels/:ChannelSid/Members', (request, state) => {
      const members = state.chat.members(channelOf(state, request, 'ChannelSid').sid);
      const identities = request.query.list('Identity');
      const items = identities.length ? members.filter((member) => identities.includes(member.identity)) : members.values();
      return { key: 'members', items, collection: members, serialize: serializeChatMember };
    }),
    route.create('/chat/v2/Services/:ServiceSid/Channels/:ChannelSid/Members', (request, state, ctx) => {
      const service = serviceOf(state, request);
      const channel = channelOf(state, request, 'ChannelSid');
      const identity = request.params.required('Identity');
      const member = addMember(state, channel, service, { identity, attributes: request.params.json('Attributes') });
      return serializeChatMember(member, ctx);
    }),
    route.list('/chat/v2/Services/:ServiceSid/Users', (request, state) => {
      const service = serviceOf(state, request);
      const users = state.chat.users.filter((user) => user.serviceSid === service.sid);
      const serialize = (user: ChatUser, ctx: SerializeContext) => serializeChatUser(user, state.chat.channelsOfUser(user), ctx);
      return { key: 'users', items: users, collection: state.chat.users, serialize };
    }),
    route.create('/chat/v2/Services/:ServiceSid/Users', (request, state, ctx) => {
      const params = request.params;
      const user = createUser(state, serviceOf(state, request), {
        identity: params.required('Identity'),
        friendlyName: params.string('FriendlyName'),
        attributes: params.json('Attributes'),
      });
      return serializeChatUser(user, 0, ctx);
    }),
    route.fetch('/chat/v2/Services/:ServiceSid/Users/:Sid', (request, state, ctx) => {
      const user = found(state.chat.findUser(serviceOf(state, request).sid, request.pathParams.Sid), request);
      return serializeChatUser(user, state.chat.channelsOfUser(user), ctx);
    }),
    route.list('/chat/v2/Services/:ServiceSid/Users/:UserSid/Channels', (request, state) => {
      // Chat addresses a user by SID or by identity in the path.
      const user = found(state.chat.findUser(serviceOf(state, request).sid, request.pathParams.UserSid), request);
      const memberships = state.chat.membershipsOf(user);
      const unread = (member: ChatMember) => {
        const messages = state.chat.messages(member.channelSid).size;
        return member.lastConsumedMessageIndex === null ? messages : Math.max(0, messages - member.lastConsumedMessageIndex - 1);
      };
      return {
        key: 'channels',
        items: memberships,
        collection: { sequenceOf: (sid) => membershipSequence(state, memberships, sid) },
        serialize: (member: ChatMember, ctx) => serializeUserChannel(member, user, unread(member), ctx),
      };
    }),
  ];
}

/**
 * Page position of a membership: its channel's position. Memberships live in per-channel collections, so their own
 * sequences are not comparable across channels; the channel order is.
 */
function membershipSequence(state: SandboxState, memberships: ChatMember[], memberSid: string): number | undefined {
  const member = memberships.find((candidate) => candidate.sid === memberSid);
  return member ? state.chat.channels.sequenceOf(member.channelSid) : undefined;
}
