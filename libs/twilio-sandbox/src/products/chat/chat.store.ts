import { Collection } from '../../core/collection';

export interface ChatService {
  sid: string;
  friendlyName: string;
  defaultServiceRoleSid: string;
  defaultChannelRoleSid: string;
  defaultChannelCreatorRoleSid: string;
  dateCreated: Date;
  dateUpdated: Date;
}

/** A chat channel webhook of type `studio` (what Flex sets on channels of Studio Flex Flows). */
export interface StudioChannelWebhook {
  flowSid: string;
}

export interface ChatChannel {
  sid: string;
  serviceSid: string;
  friendlyName: string | null;
  uniqueName: string | null;
  /** JSON text, as Twilio stores it. */
  attributes: string;
  type: 'public' | 'private';
  createdBy: string;
  studioWebhook: StudioChannelWebhook | null;
  nextMessageIndex: number;
  dateCreated: Date;
  dateUpdated: Date;
}

export interface ChatMessage {
  sid: string;
  serviceSid: string;
  channelSid: string;
  from: string;
  body: string | null;
  attributes: string;
  index: number;
  lastUpdatedBy: string | null;
  dateCreated: Date;
  dateUpdated: Date;
}

export interface ChatMember {
  sid: string;
  serviceSid: string;
  channelSid: string;
  identity: string;
  roleSid: string;
  attributes: string;
  lastConsumedMessageIndex: number | null;
  dateCreated: Date;
  dateUpdated: Date;
}

export interface ChatUser {
  sid: string;
  serviceSid: string;
  identity: string;
  friendlyName: string | null;
  attributes: string;
  roleSid: string;
  dateCreated: Date;
  dateUpdated: Date;
}

export class ChatStore {
  readonly services = new Collection<ChatService>();
  readonly channels = new Collection<ChatChannel>();
  readonly users = new Collection<ChatUser>();
  private readonly messagesByChannel = new Map<string, Collection<ChatMessage>>();
  private readonly membersByChannel = new Map<string, Collection<ChatMember>>();
  /** `serviceSid|uniqueName` → channel SID: unique names are unique per service. */
  readonly channelByUniqueName = new Map<string, string>();
  /** `serviceSid|identity` → user SID. */
  readonly userByIdentity = new Map<string, string>();

  static key(serviceSid: string, name: string): string {
    return `${serviceSid}|${name}`;
  }

  messages(channelSid: string): Collection<ChatMessage> {
    return getOrCreate(this.messagesByChannel, channelSid);
  }

  members(channelSid: string): Collection<ChatMember> {
    return getOrCreate(this.membersByChannel, channelSid);
  }

  /** A channel of the service by SID or by unique name (Twilio accepts either in the path). */
  findChannel(serviceSid: string, sidOrUniqueName: string): ChatChannel | undefined {
    const sid = this.channelByUniqueName.get(ChatStore.key(serviceSid, sidOrUniqueName)) ?? sidOrUniqueName;
    const channel = this.channels.get(sid);
    return channel?.serviceSid === serviceSid ? channel : undefined;
  }

  findUser(serviceSid: string, sidOrIdentity: string): ChatUser | undefined {
    const sid = this.userByIdentity.get(ChatStore.key(serviceSid, sidOrIdentity)) ?? sidOrIdentity;
    const user = this.users.get(sid);
    return user?.serviceSid === serviceSid ? user : undefined;
  }

  deleteChannel(channel: ChatChannel): void {
    this.channels.delete(channel.sid);
    if (channel.uniqueName) this.channelByUniqueName.delete(ChatStore.key(channel.serviceSid, channel.uniqueName));
    this.messagesByChannel.delete(channel.sid);
    this.membersByChannel.delete(channel.sid);
  }

  /** The user's memberships (one per channel the identity is a member of), in channel order. */
  membershipsOf(user: ChatUser): ChatMember[] {
    const memberships: ChatMember[] = [];
    for (const channel of this.channels.values()) {
      if (channel.serviceSid !== user.serviceSid) continue;
      const member = this.membersByChannel.get(channel.sid)?.find((candidate) => candidate.identity === user.identity);
      if (member) memberships.push(member);
    }
    return memberships;
  }

  channelsOfUser(user: ChatUser): number {
    let count = 0;
    for (const members of this.membersByChannel.values()) {
      if (members.find((member) => member.identity === user.identity && member.serviceSid === user.serviceSid)) count++;
    }
    return count;
  }
}

function getOrCreate<T extends { sid: string }>(map: Map<string, Collection<T>>, key: string): Collection<T> {
  let collection = map.get(key);
  if (!collection) {
    collection = new Collection<T>();
    map.set(key, collection);
  }
  return collection;
}
