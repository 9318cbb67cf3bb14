import { TwilioError } from '../../http/twilio-error';
import type { SandboxState } from '../../core/state';
import { ChatStore, type ChatChannel, type ChatMember, type ChatMessage, type ChatService, type ChatUser } from './chat.store';

/** Programmable Chat error 50307: "Channel with provided unique name already exists". */
export function channelUniqueNameTaken(uniqueName: string): TwilioError {
  return new TwilioError(409, 50307, `Channel with provided unique name already exists: ${uniqueName}`);
}

/** Programmable Chat error 50201: "User already exists". */
export function userAlreadyExists(identity: string): TwilioError {
  return new TwilioError(409, 50201, `User already exists: ${identity}`);
}

/** Programmable Chat error 50404: "Member already exists". */
export function memberAlreadyExists(identity: string): TwilioError {
  return new TwilioError(409, 50404, `Member already exists: ${identity}`);
}

export interface NewChannel {
  friendlyName?: string | null;
  uniqueName?: string | null;
  attributes?: string;
  type?: 'public' | 'private';
  createdBy?: string;
}

export function createChannel(state: SandboxState, service: ChatService, input: NewChannel): ChatChannel {
  if (input.uniqueName && state.chat.channelByUniqueName.has(ChatStore.key(service.sid, input.uniqueName))) {
    throw channelUniqueNameTaken(input.uniqueName);
  }
  const now = state.now();
  const channel = state.chat.channels.add({
    sid: state.sid('CH'),
    serviceSid: service.sid,
    friendlyName: input.friendlyName ?? null,
    uniqueName: input.uniqueName ?? null,
    attributes: input.attributes ?? '{}',
    type: input.type ?? 'public',
    createdBy: input.createdBy ?? 'system',
    studioWebhook: null,
    nextMessageIndex: 0,
    dateCreated: now,
    dateUpdated: now,
  });
  if (channel.uniqueName) state.chat.channelByUniqueName.set(ChatStore.key(service.sid, channel.uniqueName), channel.sid);
  return channel;
}

export interface ChannelChanges {
  friendlyName?: string;
  uniqueName?: string;
  attributes?: string;
}

export function updateChannel(state: SandboxState, channel: ChatChannel, changes: ChannelChanges): ChatChannel {
  if (changes.uniqueName !== undefined && changes.uniqueName !== channel.uniqueName) {
    const key = ChatStore.key(channel.serviceSid, changes.uniqueName);
    if (state.chat.channelByUniqueName.has(key)) throw channelUniqueNameTaken(changes.uniqueName);
    if (channel.uniqueName) state.chat.channelByUniqueName.delete(ChatStore.key(channel.serviceSid, channel.uniqueName));
    state.chat.channelByUniqueName.set(key, channel.sid);
    channel.uniqueName = changes.uniqueName;
  }
  if (changes.friendlyName !== undefined) channel.friendlyName = changes.friendlyName;
  if (changes.attributes !== undefined) channel.attributes = changes.attributes;
  channel.dateUpdated = state.now();
  return channel;
}

export function createUser(
  state: SandboxState,
  service: ChatService,
  input: { identity: string; friendlyName?: string | null; attributes?: string },
): ChatUser {
  if (state.chat.userByIdentity.has(ChatStore.key(service.sid, input.identity))) throw userAlreadyExists(input.identity);
  const now = state.now();
  const user = state.chat.users.add({
    sid: state.sid('US'),
    serviceSid: service.sid,
    identity: input.identity,
    friendlyName: input.friendlyName ?? null,
    attributes: input.attributes ?? '{}',
    roleSid: service.defaultServiceRoleSid,
    dateCreated: now,
    dateUpdated: now,
  });
  state.chat.userByIdentity.set(ChatStore.key(service.sid, user.identity), user.sid);
  return user;
}

/** The user with this identity, created if missing (what Flex does for the customer of a new channel). */
export function ensureUser(state: SandboxState, service: ChatService, identity: string, friendlyName?: string): ChatUser {
  return state.chat.findUser(service.sid, identity) ?? createUser(state, service, { identity, friendlyName });
}

export function addMember(
  state: SandboxState,
  channel: ChatChannel,
  service: ChatService,
  input: { identity: string; attributes?: string },
): ChatMember {
  const members = state.chat.members(channel.sid);
  if (members.find((member) => member.identity === input.identity)) throw memberAlreadyExists(input.identity);
  const now = state.now();
  return members.add({
    sid: state.sid('MB'),
    serviceSid: channel.serviceSid,
    channelSid: channel.sid,
    identity: input.identity,
    roleSid: service.defaultChannelRoleSid,
    attributes: input.attributes ?? '{}',
    lastConsumedMessageIndex: null,
    dateCreated: now,
    dateUpdated: now,
  });
}

export interface NewMessage {
  from?: string;
  body?: string | null;
  attributes?: string;
}

/** Appends a message to the channel (index = next in the channel). Side effects live in messaging/. */
export function appendMessage(state: SandboxState, channel: ChatChannel, input: NewMessage): ChatMessage {
  const now = state.now();
  const message = state.chat.messages(channel.sid).add({
    sid: state.sid('IM'),
    serviceSid: channel.serviceSid,
    channelSid: channel.sid,
    from: input.from ?? 'system',
    body: input.body ?? null,
    attributes: input.attributes ?? '{}',
    index: channel.nextMessageIndex++,
    lastUpdatedBy: null,
    dateCreated: now,
    dateUpdated: now,
  });
  channel.dateUpdated = now;
  return message;
}
