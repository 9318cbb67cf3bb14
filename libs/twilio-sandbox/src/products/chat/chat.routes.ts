import type { SandboxState, StateRef } from '../../core/state';
import { webhooksEnabled } from '../../http/headers';
import { found } from '../../http/lookup';
import { listPage } from '../../http/paging';
import { created, noContent, ok, type Route, type TwilioRequest } from '../../http/route';
import { serializeContext, type SerializeContext } from '../../http/serialize-context';
import { postChatMessage } from '../../messaging/chat-messages';
import { FlexStore } from '../flex/flex.store';
import { addMember, createChannel, createUser, updateChannel } from './chat.service';
import { serializeChatChannel, serializeChatMember, serializeChatMessage, serializeChatService, serializeChatUser, serializeUserChannel } from './chat.serializers';
import type { ChatChannel, ChatMember } from './chat.store';

const CHANNEL_TYPES = ['public', 'private'] as const;

function serviceOf(state: SandboxState, request: TwilioRequest) {
  return found(state.chat.services.get(request.pathParams.ServiceSid ?? request.pathParams.Sid), request);
}

function channelOf(state: SandboxState, request: TwilioRequest, param: 'Sid' | 'ChannelSid') {
  const service = serviceOf(state, request);
  return found(state.chat.findChannel(service.sid, request.pathParams[param]), request);
}

function channelBody(state: SandboxState, channel: ChatChannel, ctx: SerializeContext) {
  const counts = { members: state.chat.members(channel.sid).size, messages: state.chat.messages(channel.sid).size };
  return serializeChatChannel(channel, counts, ctx);
}

/** Programmable Chat v2 (the chat behind Flex's classic messaging). */
export function chatRoutes(ref: StateRef): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/chat/v2/Services',
      handler: (request) => {
        const state = ref.current;
        const ctx = serializeContext(state, request);
        return ok(listPage(request, state.chat.services.values(), { key: 'services', serialize: (service) => serializeChatService(service, ctx), sequenceOf: (sid) => state.chat.services.sequenceOf(sid) }));
      },
    },
    {
      method: 'GET',
      pattern: '/chat/v2/Services/:Sid',
      handler: (request) => ok(serializeChatService(serviceOf(ref.current, request), serializeContext(ref.current, request))),
    },
    {
      method: 'GET',
      pattern: '/chat/v2/Services/:ServiceSid/Channels',
      handler: (request) => {
        const state = ref.current;
        const service = serviceOf(state, request);
        const types = request.query.list('Type');
        const channels = state.chat.channels.filter((channel) => channel.serviceSid === service.sid && (types.length === 0 || types.includes(channel.type)));
        const ctx = serializeContext(state, request);
        return ok(listPage(request, channels, { key: 'channels', serialize: (channel) => channelBody(state, channel, ctx), sequenceOf: (sid) => state.chat.channels.sequenceOf(sid) }));
      },
    },
    {
      method: 'POST',
      pattern: '/chat/v2/Services/:ServiceSid/Channels',
      handler: (request) => {
        const state = ref.current;
        const service = serviceOf(state, request);
        const params = request.params;
        const channel = createChannel(state, service, {
          friendlyName: params.string('FriendlyName'),
          uniqueName: params.string('UniqueName'),
          attributes: params.json('Attributes'),
          type: params.oneOf('Type', CHANNEL_TYPES),
          createdBy: params.string('CreatedBy'),
        });
        return created(channelBody(state, channel, serializeContext(state, request)));
      },
    },
    {
      method: 'GET',
      pattern: '/chat/v2/Services/:ServiceSid/Channels/:Sid',
      handler: (request) => ok(channelBody(ref.current, channelOf(ref.current, request, 'Sid'), serializeContext(ref.current, request))),
    },
    {
      method: 'POST',
      pattern: '/chat/v2/Services/:ServiceSid/Channels/:Sid',
      handler: (request) => {
        const state = ref.current;
        const channel = channelOf(state, request, 'Sid');
        const params = request.params;
        updateChannel(state, channel, { friendlyName: params.string('FriendlyName'), uniqueName: params.string('UniqueName'), attributes: params.json('Attributes') });
        return ok(channelBody(state, channel, serializeContext(state, request)));
      },
    },
    {
      method: 'DELETE',
      pattern: '/chat/v2/Services/:ServiceSid/Channels/:Sid',
      handler: (request) => {
        const state = ref.current;
        const channel = channelOf(state, request, 'Sid');
        state.chat.deleteChannel(channel);
        const flexChannel = state.flex.channels.delete(channel.sid);
        if (flexChannel) state.flex.channelByFlowAndTarget.delete(FlexStore.targetKey(flexChannel.flexFlowSid, flexChannel.target));
        return noContent();
      },
    },
    {
      method: 'GET',
      pattern: '/chat/v2/Services/:ServiceSid/Channels/:ChannelSid/Messages',
      handler: (request) => {
        const state = ref.current;
        const channel = channelOf(state, request, 'ChannelSid');
        const collection = state.chat.messages(channel.sid);
        const descending = request.query.oneOf('Order', ['asc', 'desc'] as const) === 'desc';
        const messages = descending ? collection.values().reverse() : collection.values();
        const ctx = serializeContext(state, request);
        return ok(listPage(request, messages, { key: 'messages', serialize: (message) => serializeChatMessage(message, ctx), sequenceOf: (sid) => collection.sequenceOf(sid), descending }));
      },
    },
    {
      method: 'POST',
      pattern: '/chat/v2/Services/:ServiceSid/Channels/:ChannelSid/Messages',
      handler: (request) => {
        const state = ref.current;
        const channel = channelOf(state, request, 'ChannelSid');
        const params = request.params;
        const { message } = postChatMessage(
          state,
          channel,
          { from: params.string('From'), body: params.string('Body'), attributes: params.json('Attributes') },
          { origin: 'rest', webhooksEnabled: webhooksEnabled(request) },
        );
        return created(serializeChatMessage(message, serializeContext(state, request)));
      },
    },
    {
      method: 'GET',
      pattern: '/chat/v2/Services/:ServiceSid/Channels/:ChannelSid/Members',
      handler: (request) => {
        const state = ref.current;
        const channel = channelOf(state, request, 'ChannelSid');
        const collection = state.chat.members(channel.sid);
        const identities = request.query.list('Identity');
        const members = identities.length ? collection.filter((member) => identities.includes(member.identity)) : collection.values();
        const ctx = serializeContext(state, request);
        return ok(listPage(request, members, { key: 'members', serialize: (member) => serializeChatMember(member, ctx), sequenceOf: (sid) => collection.sequenceOf(sid) }));
      },
    },
    {
      method: 'POST',
      pattern: '/chat/v2/Services/:ServiceSid/Channels/:ChannelSid/Members',
      handler: (request) => {
        const state = ref.current;
        const service = serviceOf(state, request);
        const channel = channelOf(state, request, 'ChannelSid');
        const member = addMember(state, channel, service, { identity: request.params.required('Identity'), attributes: request.params.json('Attributes') });
        return created(serializeChatMember(member, serializeContext(state, request)));
      },
    },
    {
      method: 'GET',
      pattern: '/chat/v2/Services/:ServiceSid/Users',
      handler: (request) => {
        const state = ref.current;
        const service = serviceOf(state, request);
        const users = state.chat.users.filter((user) => user.serviceSid === service.sid);
        const ctx = serializeContext(state, request);
        return ok(listPage(request, users, { key: 'users', serialize: (user) => serializeChatUser(user, state.chat.channelsOfUser(user), ctx), sequenceOf: (sid) => state.chat.users.sequenceOf(sid) }));
      },
    },
    {
      method: 'POST',
      pattern: '/chat/v2/Services/:ServiceSid/Users',
      handler: (request) => {
        const state = ref.current;
        const service = serviceOf(state, request);
        const params = request.params;
        const user = createUser(state, service, { identity: params.required('Identity'), friendlyName: params.string('FriendlyName'), attributes: params.json('Attributes') });
        return created(serializeChatUser(user, 0, serializeContext(state, request)));
      },
    },
    {
      method: 'GET',
      pattern: '/chat/v2/Services/:ServiceSid/Users/:Sid',
      handler: (request) => {
        const state = ref.current;
        const service = serviceOf(state, request);
        const user = found(state.chat.findUser(service.sid, request.pathParams.Sid), request);
        return ok(serializeChatUser(user, state.chat.channelsOfUser(user), serializeContext(state, request)));
      },
    },
    {
      method: 'GET',
      pattern: '/chat/v2/Services/:ServiceSid/Users/:UserSid/Channels',
      handler: (request) => {
        const state = ref.current;
        const service = serviceOf(state, request);
        // Chat addresses a user by SID or by identity in the path.
        const user = found(state.chat.findUser(service.sid, request.pathParams.UserSid), request);
        const memberships = state.chat.membershipsOf(user);
        const unread = (member: ChatMember) => {
          const messages = state.chat.messages(member.channelSid).size;
          return member.lastConsumedMessageIndex === null ? messages : Math.max(0, messages - member.lastConsumedMessageIndex - 1);
        };
        const ctx = serializeContext(state, request);
        return ok(
          listPage(request, memberships, {
            key: 'channels',
            serialize: (member) => serializeUserChannel(member, user, unread(member), ctx),
            sequenceOf: (sid) => membershipSequence(state, memberships, sid),
          }),
        );
      },
    },
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
