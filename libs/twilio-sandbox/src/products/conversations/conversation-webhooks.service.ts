import type { SandboxState } from '../../core/state';
import { invalidParameter, missingParameter } from '../../http/twilio-error';
import type { Conversation, ConversationWebhook, WebhookTarget } from './conversations.store';

export interface NewConversationWebhook {
  target: WebhookTarget;
  url?: string;
  method?: string;
  filters?: string[];
  triggers?: string[];
  flowSid?: string;
}

/** A conversation-scoped webhook: `studio` needs the flow, `webhook` and `trigger` need a URL. */
export function createConversationWebhook(state: SandboxState, conversation: Conversation, input: NewConversationWebhook): ConversationWebhook {
  if (input.target === 'studio') {
    if (!input.flowSid) throw missingParameter('Configuration.FlowSid');
    if (!state.studio.flows.get(input.flowSid))
      throw invalidParameter('Configuration.FlowSid', `${input.flowSid} is not a Studio Flow of the account`);
  } else if (!input.url) {
    throw missingParameter('Configuration.Url');
  }
  const now = state.now();
  return state.conversations.webhooks.add({
    sid: state.sid('WH'),
    conversationSid: conversation.sid,
    target: input.target,
    url: input.url ?? null,
    method: input.target === 'studio' ? null : (input.method ?? 'POST'),
    filters: input.filters ?? [],
    triggers: input.triggers ?? [],
    flowSid: input.target === 'studio' ? (input.flowSid as string) : null,
    dateCreated: now,
    dateUpdated: now,
  });
}

export interface ConversationWebhookChanges {
  url?: string;
  method?: string;
  filters?: string[];
  triggers?: string[];
  flowSid?: string;
}

/** Update of a scoped webhook: what is sent replaces the field; the target stays, and keeps what it needs. */
export function updateConversationWebhook(
  state: SandboxState,
  webhook: ConversationWebhook,
  changes: ConversationWebhookChanges,
): ConversationWebhook {
  if (webhook.target === 'studio') {
    if (changes.flowSid !== undefined && !state.studio.flows.get(changes.flowSid)) {
      throw invalidParameter('Configuration.FlowSid', `${changes.flowSid} is not a Studio Flow of the account`);
    }
    webhook.flowSid = changes.flowSid ?? webhook.flowSid;
  } else {
    if (changes.url === '') throw missingParameter('Configuration.Url');
    webhook.url = changes.url ?? webhook.url;
    webhook.method = changes.method ?? webhook.method;
    webhook.triggers = changes.triggers ?? webhook.triggers;
  }
  webhook.filters = changes.filters ?? webhook.filters;
  webhook.dateUpdated = state.now();
  return webhook;
}
