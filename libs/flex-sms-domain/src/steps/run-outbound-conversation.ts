import type { OutboundSmsDependencies } from '../outbound/outbound-dependencies';
import { checkOutboundMessage } from '../outbound/outbound-message';
import { runJournaledRequest } from '../outbound/journaled-request';
import type { OutboundSmsResult } from '../outbound/outbound-sms.result';
import { converseOverChatProxy } from './chat-proxy/converse-over-chat-proxy';
import { converseOverConversations } from './conversations/converse-over-conversations';
import type { OutboundConversationPlan } from './outbound-conversation.plan';

/**
 * The outbound conversation, carried the way the number is set up: Programmable Chat + Proxy
 * (`converseOverChatProxy`) or Conversations + Flex Interactions (`converseOverConversations`), both under the same
 * journal, pair lock and undo. Each flow's header states its sequential Twilio round trips and why they are bounded.
 */
export async function runOutboundConversation(deps: OutboundSmsDependencies, asked: OutboundConversationPlan): Promise<OutboundSmsResult> {
  // Consent is asked by the journal's first write (runJournaledRequest), before anything is created in Twilio.
  const mode = await deps.outboundMode(asked.fromNumber);
  const plan = await checkOutboundMessage(deps, asked, mode);
  if (mode === 'conversations') {
    const record = { ...plan.record, input: { ...plan.record.input, mode: 'conversations' } };
    return runJournaledRequest(deps, record, (steps) => converseOverConversations(deps, steps, plan));
  }
  // Programmable Chat carries no Content template: an SMS by template goes out as its text.
  const chatPlan = plan.content ? { ...plan, message: plan.content.body, content: undefined } : plan;
  return runJournaledRequest(deps, plan.record, (steps) => converseOverChatProxy(deps, steps, chatPlan));
}
