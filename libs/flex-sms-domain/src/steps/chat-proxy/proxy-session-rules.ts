import type { ChatChannel } from '../../ports/chat-channel.port';
import type { CreateProxySessionRequest, ProxySession } from '../../ports/proxy-session.port';
import type { PhoneNumber } from '../../value-objects/phone-number.value-object';

/** Only an open or in-progress session relays messages; anything else must never be handed back as reusable. */
export function isLiveSession(session: ProxySession): boolean {
  return session.status === 'open' || session.status === 'in-progress';
}

/** Flex marks a finished conversation's channel `status: INACTIVE` in its attributes (agent ended chat, or the janitor). */
export function isChannelInactive(channel: ChatChannel): boolean {
  const status = channel.attributes.status;
  return typeof status === 'string' && ['INACTIVE', 'CLOSED'].includes(status.toUpperCase());
}

/** The task Flex attached to a channel, as Flex writes it in the channel attributes. */
export function taskSidOfChannel(channel: ChatChannel): string | undefined {
  const sid = channel.attributes.task_sid ?? channel.attributes.taskSid;
  return typeof sid === 'string' ? sid : undefined;
}

export interface ConversationParties {
  channelSid: string;
  fromNumber: PhoneNumber;
  toNumber: PhoneNumber;
  toName: string;
}

/**
 * The session that ties the chat channel to the customer's phone: named after the channel (so it can be fetched by
 * UniqueName without listing sessions), message-only, both participants created with it.
 */
export function proxySessionRequest(parties: ConversationParties): CreateProxySessionRequest {
  return {
    uniqueName: parties.channelSid,
    mode: 'message-only',
    participants: [
      { identifier: parties.toNumber.e164, proxyIdentifier: parties.fromNumber.e164, friendlyName: parties.toName },
      { identifier: parties.channelSid, proxyIdentifier: parties.fromNumber.e164, friendlyName: parties.toName },
    ],
  };
}
