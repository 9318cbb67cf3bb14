import type { SandboxState } from '../core/state';
import type { SmsMessage } from '../products/api2010/api2010.store';
import { createConversationWebhook } from '../products/conversations/conversation-webhooks.service';
import { createConversation, settleAllTimers } from '../products/conversations/conversations.service';
import type { AddressConfiguration, Conversation } from '../products/conversations/conversations.store';
import { addParticipant, conversationHoldingPair } from '../products/conversations/participants.service';
import { postConversationMessage } from './conversation-messages';

export interface ConversationDelivery {
  conversationSid: string;
  conversationMessageSid: string;
  executionSid?: string;
  /** True when the number's Address Configuration created the conversation for this message. */
  autoCreated: boolean;
}

/**
 * Conversations' side of an inbound SMS or WhatsApp message: the conversation (not closed) that binds the sender and the number gets
 * the message; failing that, the number's Address Configuration with auto-creation enabled makes a conversation
 * with the sender as SMS participant (and, for a Studio handler, a Studio webhook, so the message starts an
 * execution). Undefined when Conversations does not take the message.
 */
export function deliverToConversation(state: SandboxState, sms: SmsMessage): ConversationDelivery | undefined {
  settleAllTimers(state);
  const boundSid = conversationHoldingPair(state, sms.from, sms.to);
  const bound = boundSid ? state.conversations.conversations.get(boundSid) : undefined;
  if (bound) return { ...post(state, bound, sms), autoCreated: false };
  const configuration = state.conversations.addressConfigurationFor(sms.to);
  // The address's configuration of the message's channel (`sms` for +1…, `whatsapp` for whatsapp:+1…).
  if (!configuration?.autoCreation.enabled || configuration.type !== sms.channel) return undefined;
  return { ...post(state, autoCreateConversation(state, configuration, sms), sms), autoCreated: true };
}

function autoCreateConversation(state: SandboxState, configuration: AddressConfiguration, sms: SmsMessage): Conversation {
  const conversation = createConversation(state, { friendlyName: sms.from });
  addParticipant(state, conversation, { address: sms.from, proxyAddress: sms.to });
  const { autoCreation } = configuration;
  if (autoCreation.type === 'studio' && autoCreation.studioFlowSid) {
    createConversationWebhook(state, conversation, { target: 'studio', flowSid: autoCreation.studioFlowSid });
  }
  if (autoCreation.type === 'webhook' && autoCreation.webhookUrl) {
    createConversationWebhook(state, conversation, {
      target: 'webhook',
      url: autoCreation.webhookUrl,
      method: autoCreation.webhookMethod ?? undefined,
      filters: autoCreation.webhookFilters,
    });
  }
  return conversation;
}

function post(state: SandboxState, conversation: Conversation, sms: SmsMessage) {
  const posted = postConversationMessage(state, conversation, { author: sms.from, body: sms.body }, { origin: 'customer' });
  return { conversationSid: conversation.sid, conversationMessageSid: posted.message.sid, executionSid: posted.executionSid };
}
