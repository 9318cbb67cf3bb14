import type { PageRequest, ResourcePage } from './page.port';

/** What the Flex API needs to create (or get back) the chat channel of a conversation. */
export interface CreateFlexChannelRequest {
  flexFlowSid: string;
  /** The customer's chat identity. Deterministic, so a retry finds the channel its first attempt made. */
  identity: string;
  /** The customer's address (E.164 number). */
  target: string;
  chatUserFriendlyName: string;
  chatFriendlyName: string;
  /** Task flows only: attributes of the task Flex creates with the channel. */
  taskAttributes?: Record<string, unknown>;
  /**
   * The chat channel's unique name (Flex v1 `ChatUniqueName`), so the channel can be found without its SID. Flex
   * names only a channel it makes: one it hands back keeps the name it had.
   */
  chatUniqueName?: string;
}

/** The Flex API's view of a chat channel (Flex v1 Channel). */
export interface FlexChannel {
  /** The chat channel SID (CH…). */
  sid: string;
  flexFlowSid: string;
  /** The chat user of the customer (US…). */
  userSid: string | null;
  /** Task flows: the task Flex created for this channel. */
  taskSid: string | null;
  dateCreated: Date;
}

/** Programmable Chat's view of a channel. */
export interface ChatChannel {
  sid: string;
  serviceSid: string;
  friendlyName: string | null;
  uniqueName: string | null;
  attributes: Record<string, unknown>;
  dateCreated: Date;
  dateUpdated: Date;
}

export interface ChatChannelPort {
  /**
   * Flex v1 `POST /Channels`. Flex hands back the customer's existing active channel on the flow instead of
   * creating a second one, so repeating this call is safe.
   */
  createFlexChannel(request: CreateFlexChannelRequest): Promise<FlexChannel>;

  /** `null` when the channel does not exist. `channelSid` may be its unique name (Chat v2 takes either in the path). */
  fetchChannel(chatServiceSid: string, channelSid: string): Promise<ChatChannel | null>;

  /** Flex v1 `GET /Channels/{Sid}` (it names the channel's task); `null` when there is no such Flex channel. */
  fetchFlexChannel(channelSid: string): Promise<FlexChannel | null>;

  /** Replaces the channel's attributes JSON (the caller did the read-modify-write). */
  updateChannelAttributes(chatServiceSid: string, channelSid: string, attributes: Record<string, unknown>): Promise<ChatChannel>;

  /** Deletes the channel; a channel already gone is not an error. */
  removeChannel(chatServiceSid: string, channelSid: string): Promise<void>;

  /**
   * SIDs of the channels the chat user `identity` belongs to (Chat v2 User Channels). Bounded by one customer's
   * conversations, never by the size of the account: used to find which conversation holds a conflicting session.
   */
  listChannelsOfUser(chatServiceSid: string, identity: string): Promise<string[]>;
}

/** A Programmable Chat Service (Chat v2 Service). */
export interface ChatService {
  sid: string;
  friendlyName: string;
}

/**
 * Chat Services and the account's Flex channels page by page: for the set-up doctor and the long-lived channel
 * clean-up, which must find the channels of particular Flex Flows (only Flex's view of a channel names its flow).
 */
export interface ChatServicePort {
  /** `null` when the service does not exist. */
  fetchChatService(chatServiceSid: string): Promise<ChatService | null>;
  /** Flex v1 Channels, page by page. */
  listFlexChannels(page: PageRequest): Promise<ResourcePage<FlexChannel>>;
}
