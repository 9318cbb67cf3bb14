import { ResourceNotFound } from '../../errors';
import type { ChatChannel } from '../../ports/chat-channel.port';
import { IDEMPOTENT } from '../../retry/twilio-retrier';
import type { OutboundSmsDependencies } from '../../outbound/outbound-dependencies';
import type { StepRecorder } from '../../outbound/step-recorder';

export interface ProxySessionAttributeRequest {
  chatServiceSid: string;
  channelSid: string;
  sessionSid: string;
}

type Deps = Pick<OutboundSmsDependencies, 'chatChannels' | 'retrier'>;

/** Fetches the channel whose attributes are about to be rewritten (run beside the session step to save a round trip). */
export function fetchChannelForAttributes(deps: Deps, chatServiceSid: string, channelSid: string): Promise<ChatChannel | null> {
  return deps.retrier.run('fetch chat channel', () => deps.chatChannels.fetchChannel(chatServiceSid, channelSid), IDEMPOTENT);
}

/**
 * Writes the session SID into the channel attributes as `proxySession`, as Flex does for the conversations it
 * starts: Flex UI closes that session when the agent ends the chat. Read-modify-write, so Flex's own attributes
 * (status, from, task data…) are kept; the replaced value is journaled so a rollback can restore it.
 */
export function writeProxySessionAttribute(
  deps: Deps,
  steps: StepRecorder,
  request: ProxySessionAttributeRequest,
  fetched?: ChatChannel | null,
): Promise<void> {
  return steps.run('channel-attributes', async () => {
    const channel = fetched !== undefined ? fetched : await fetchChannelForAttributes(deps, request.chatServiceSid, request.channelSid);
    if (!channel) throw new ResourceNotFound('Chat channel', request.channelSid);
    const sids = { channelSid: request.channelSid, sessionSid: request.sessionSid, chatServiceSid: request.chatServiceSid };
    const previous = channel.attributes.proxySession;
    if (previous === request.sessionSid) return { value: undefined, outcome: 'reused', sids };

    const attributes = { ...channel.attributes, proxySession: request.sessionSid };
    await deps.retrier.run(
      'update chat channel attributes',
      () => deps.chatChannels.updateChannelAttributes(request.chatServiceSid, request.channelSid, attributes),
      IDEMPOTENT,
    );
    return { value: undefined, outcome: 'updated', sids, data: { previousProxySession: typeof previous === 'string' ? previous : null } };
  });
}
