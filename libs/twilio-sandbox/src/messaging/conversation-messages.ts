import type { SandboxState } from '../core/state';
import { appendConversationMessage, type NewConversationMessage } from '../products/conversations/conversation-messages.service';
import type { Conversation, ConversationMessage } from '../products/conversations/conversations.store';
import { conversationEventCallbacks, messageAddedParams } from '../products/conversations/conversation-events';
import { triggerExecution } from '../products/studio/executions.service';
import { renderFor } from '../products/content/content-send';
import { sendSms } from './delivery/outbound-sms';
import type { MessageOrigin } from './chat-messages';

export interface PostedConversationMessage {
  message: ConversationMessage;
  relayedSmsSids: string[];
  executionSid?: string;
}

/**
 * A message added to a conversation, and what Conversations does with it:
 * - it goes out to every SMS and WhatsApp participant but its author, from the participant's proxy address (a
 *   template filled in for each one's channel; on WhatsApp, free text outside the customer service window fails with
 *   63016 on its receipt, messaging/whatsapp-window.ts);
 * - the conversation's Studio webhooks hand it to their flow, and its webhook targets get `onMessageAdded`
 *   (products/conversations/conversation-events.ts), when the customer wrote it, or when a REST request asked for
 *   webhooks (`X-Twilio-Webhook-Enabled: true`): REST-made changes fire none otherwise.
 * Each SMS leg reports its delivery on the message's receipts (`onDeliveryUpdated`), whoever wrote the message.
 */
export function postConversationMessage(
  state: SandboxState,
  conversation: Conversation,
  input: NewConversationMessage,
  options: { origin: MessageOrigin; webhooksEnabled?: boolean },
): PostedConversationMessage {
  const message = appendConversationMessage(state, conversation, input);
  const relayedSmsSids = relayToSms(state, message, input);
  const fireWebhooks = options.origin === 'customer' || options.webhooksEnabled === true;
  const executionSid = fireWebhooks ? triggerStudioWebhooks(state, conversation, message) : undefined;
  if (fireWebhooks) {
    const params = messageAddedParams(state, conversation, message, options.origin === 'customer' ? sourceOf(state, message) : 'API');
    for (const callback of conversationEventCallbacks(state, conversation, 'onMessageAdded', params))
      state.outbox.push({ kind: 'callback', callback });
  }
  return { message, relayedSmsSids, executionSid };
}

function relayToSms(state: SandboxState, message: ConversationMessage, input: NewConversationMessage): string[] {
  const recipients = state.conversations
    .participantsOf(message.conversationSid)
    .filter((participant) => participant.messagingBinding && participant.sid !== message.participantSid);
  const smsSids = recipients.map((participant) => {
    const binding = participant.messagingBinding!;
    const relay = {
      product: 'conversations' as const,
      conversationSid: message.conversationSid,
      messageSid: message.sid,
      participantSid: participant.sid,
    };
    const content = input.content ? renderFor(input.content, binding.type) : undefined;
    return sendSms(state, { from: binding.proxyAddress, to: binding.address, body: content?.body ?? message.body ?? '', relay, content }).sid;
  });
  message.deliveredSmsCount = smsSids.length;
  return smsSids;
}

/** `Source` of a customer's message: the channel it came over, as Conversations names it (`SMS`, `WHATSAPP`). */
function sourceOf(state: SandboxState, message: ConversationMessage): 'SMS' | 'WHATSAPP' {
  const author = message.participantSid ? state.conversations.participants.get(message.participantSid) : undefined;
  return author?.messagingBinding?.type === 'whatsapp' ? 'WHATSAPP' : 'SMS';
}

/** Studio runs one execution per contact: the customer's next messages join the execution already running. */
function triggerStudioWebhooks(state: SandboxState, conversation: Conversation, message: ConversationMessage): string | undefined {
  const author = message.participantSid ? state.conversations.participants.get(message.participantSid) : undefined;
  let executionSid: string | undefined;
  for (const webhook of state.conversations.webhooksOf(conversation.sid)) {
    const flow = webhook.target === 'studio' && webhook.flowSid ? state.studio.flows.get(webhook.flowSid) : undefined;
    if (!flow) continue;
    executionSid = triggerExecution(state, flow, {
      from: author?.messagingBinding?.address ?? message.author,
      to: author?.messagingBinding?.proxyAddress ?? '',
      body: message.body ?? '',
      channelSid: conversation.sid,
      messageSid: message.sid,
    }).sid;
  }
  return executionSid;
}
