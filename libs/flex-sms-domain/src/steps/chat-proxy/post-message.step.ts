import type { ChatMessage } from '../../ports/message.port';
import type { OutboundSmsDependencies } from '../../outbound/outbound-dependencies';
import type { StepRecorder } from '../../outbound/step-recorder';
import { MESSAGE_LOOKUP_WINDOW, REQUEST_ID_ATTRIBUTE } from '../message-lookup';

export interface PostMessageStepRequest {
  chatServiceSid: string;
  channelSid: string;
  body: string;
  requestId: string;
}

/**
 * Posts the message to the chat channel; the Proxy session relays it to the customer as SMS. A message create is
 * not idempotent (a repeat texts the customer twice), so after an ambiguous failure the channel's latest messages
 * are searched for this request's id before posting again.
 */
export function postMessage(
  deps: Pick<OutboundSmsDependencies, 'messages' | 'retrier'>,
  steps: StepRecorder,
  request: PostMessageStepRequest,
): Promise<ChatMessage> {
  return steps.run('message', async () => {
    const { chatServiceSid, channelSid, requestId } = request;
    const message = await deps.retrier.run(
      'post chat message',
      () => deps.messages.postMessage(chatServiceSid, channelSid, { body: request.body, attributes: { [REQUEST_ID_ATTRIBUTE]: requestId } }),
      {
        kind: 'lookup-before-repeat',
        lookup: async () => {
          const recent = await deps.messages.listRecentMessages(chatServiceSid, channelSid, MESSAGE_LOOKUP_WINDOW);
          return recent.find((candidate) => candidate.attributes[REQUEST_ID_ATTRIBUTE] === requestId) ?? null;
        },
      },
    );
    return { value: message, outcome: 'created', sids: { messageSid: message.sid, channelSid } };
  });
}
