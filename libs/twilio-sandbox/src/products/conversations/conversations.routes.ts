import type { SandboxState, StateRef } from '../../core/state';
import { webhooksEnabled } from '../../http/headers';
import { found } from '../../http/lookup';
import { listPage } from '../../http/paging';
import { created, noContent, ok, type Route, type TwilioRequest } from '../../http/route';
import { serializeContext } from '../../http/serialize-context';
import { postConversationMessage } from '../../messaging/conversation-messages';
import { createConversationWebhook } from './conversation-webhooks.service';
import { createConversation, deleteConversation, settleAllTimers, updateConversation } from './conversations.service';
import { CONVERSATION_STATES, WEBHOOK_TARGETS } from './conversations.store';
import {
  serializeConversation,
  serializeConversationMessage,
  serializeConversationParticipant,
  serializeConversationWebhook,
} from './conversations.serializers';
import { addParticipant, removeParticipant } from './participants.service';

/** The state with every conversation timer applied: each handler sees the states the timers have set by now. */
function settled(ref: StateRef): SandboxState {
  settleAllTimers(ref.current);
  return ref.current;
}

function conversationOf(state: SandboxState, request: TwilioRequest) {
  return found(state.conversations.findConversation(request.pathParams.ConversationSid ?? request.pathParams.Sid), request);
}

function childOf<T extends { conversationSid: string }>(state: SandboxState, request: TwilioRequest, child: T | undefined): T {
  const conversation = conversationOf(state, request);
  return found(child?.conversationSid === conversation.sid ? child : undefined, request);
}

/** Conversations v1: Conversations with their Participants, Messages and scoped Webhooks. */
export function conversationsRoutes(ref: StateRef): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/conversations/v1/Conversations',
      handler: (request) => {
        const state = settled(ref);
        const stateFilter = request.query.oneOf('State', CONVERSATION_STATES);
        const start = request.query.date('StartDate');
        const end = request.query.date('EndDate', 'until');
        const conversations = state.conversations.conversations.filter(
          (conversation) =>
            (stateFilter === undefined || conversation.state === stateFilter) &&
            (!start || conversation.dateCreated >= start) &&
            (!end || conversation.dateCreated <= end),
        );
        const ctx = serializeContext(state, request);
        return ok(listPage(request, conversations, { key: 'conversations', serialize: (conversation) => serializeConversation(conversation, ctx), sequenceOf: (sid) => state.conversations.conversations.sequenceOf(sid) }));
      },
    },
    {
      method: 'POST',
      pattern: '/conversations/v1/Conversations',
      handler: (request) => {
        const state = settled(ref);
        const params = request.params;
        const conversation = createConversation(state, {
          friendlyName: params.string('FriendlyName'),
          uniqueName: params.string('UniqueName'),
          attributes: params.json('Attributes'),
          state: params.oneOf('State', CONVERSATION_STATES),
          timers: { inactive: params.string('Timers.Inactive'), closed: params.string('Timers.Closed') },
        });
        return created(serializeConversation(conversation, serializeContext(state, request)));
      },
    },
    {
      method: 'GET',
      pattern: '/conversations/v1/Conversations/:Sid',
      handler: (request) => {
        const state = settled(ref);
        return ok(serializeConversation(conversationOf(state, request), serializeContext(state, request)));
      },
    },
    {
      method: 'POST',
      pattern: '/conversations/v1/Conversations/:Sid',
      handler: (request) => {
        const state = settled(ref);
        const params = request.params;
        const conversation = updateConversation(state, conversationOf(state, request), {
          friendlyName: params.string('FriendlyName'),
          uniqueName: params.string('UniqueName'),
          attributes: params.json('Attributes'),
          state: params.oneOf('State', CONVERSATION_STATES),
          timers: { inactive: params.string('Timers.Inactive'), closed: params.string('Timers.Closed') },
        });
        return ok(serializeConversation(conversation, serializeContext(state, request)));
      },
    },
    {
      method: 'DELETE',
      pattern: '/conversations/v1/Conversations/:Sid',
      handler: (request) => {
        const state = settled(ref);
        deleteConversation(state, conversationOf(state, request));
        return noContent();
      },
    },
    {
      method: 'GET',
      pattern: '/conversations/v1/Conversations/:ConversationSid/Participants',
      handler: (request) => {
        const state = settled(ref);
        const conversation = conversationOf(state, request);
        const ctx = serializeContext(state, request);
        return ok(listPage(request, state.conversations.participantsOf(conversation.sid), { key: 'participants', serialize: (participant) => serializeConversationParticipant(participant, ctx), sequenceOf: (sid) => state.conversations.participants.sequenceOf(sid) }));
      },
    },
    {
      method: 'POST',
      pattern: '/conversations/v1/Conversations/:ConversationSid/Participants',
      handler: (request) => {
        const state = settled(ref);
        const params = request.params;
        const participant = addParticipant(state, conversationOf(state, request), {
          identity: params.string('Identity'),
          address: params.string('MessagingBinding.Address'),
          proxyAddress: params.string('MessagingBinding.ProxyAddress'),
          attributes: params.json('Attributes'),
        });
        return created(serializeConversationParticipant(participant, serializeContext(state, request)));
      },
    },
    {
      method: 'GET',
      pattern: '/conversations/v1/Conversations/:ConversationSid/Participants/:Sid',
      handler: (request) => {
        const state = settled(ref);
        const participant = childOf(state, request, state.conversations.participants.get(request.pathParams.Sid));
        return ok(serializeConversationParticipant(participant, serializeContext(state, request)));
      },
    },
    {
      method: 'DELETE',
      pattern: '/conversations/v1/Conversations/:ConversationSid/Participants/:Sid',
      handler: (request) => {
        const state = settled(ref);
        removeParticipant(state, childOf(state, request, state.conversations.participants.get(request.pathParams.Sid)));
        return noContent();
      },
    },
    {
      method: 'GET',
      pattern: '/conversations/v1/Conversations/:ConversationSid/Messages',
      handler: (request) => {
        const state = settled(ref);
        const conversation = conversationOf(state, request);
        const descending = request.query.oneOf('Order', ['asc', 'desc'] as const) === 'desc';
        const messages = state.conversations.messagesOf(conversation.sid);
        const ctx = serializeContext(state, request);
        return ok(listPage(request, descending ? messages.reverse() : messages, { key: 'messages', serialize: (message) => serializeConversationMessage(message, ctx), sequenceOf: (sid) => state.conversations.messages.sequenceOf(sid), descending }));
      },
    },
    {
      method: 'POST',
      pattern: '/conversations/v1/Conversations/:ConversationSid/Messages',
      handler: (request) => {
        const state = settled(ref);
        const params = request.params;
        const posted = postConversationMessage(
          state,
          conversationOf(state, request),
          { author: params.string('Author'), body: params.string('Body'), attributes: params.json('Attributes') },
          { origin: 'rest', webhooksEnabled: webhooksEnabled(request) },
        );
        return created(serializeConversationMessage(posted.message, serializeContext(state, request)));
      },
    },
    {
      method: 'GET',
      pattern: '/conversations/v1/Conversations/:ConversationSid/Messages/:Sid',
      handler: (request) => {
        const state = settled(ref);
        const message = childOf(state, request, state.conversations.messages.get(request.pathParams.Sid));
        return ok(serializeConversationMessage(message, serializeContext(state, request)));
      },
    },
    {
      method: 'GET',
      pattern: '/conversations/v1/Conversations/:ConversationSid/Webhooks',
      handler: (request) => {
        const state = settled(ref);
        const conversation = conversationOf(state, request);
        const ctx = serializeContext(state, request);
        return ok(listPage(request, state.conversations.webhooksOf(conversation.sid), { key: 'webhooks', serialize: (webhook) => serializeConversationWebhook(webhook, ctx), sequenceOf: (sid) => state.conversations.webhooks.sequenceOf(sid) }));
      },
    },
    {
      method: 'POST',
      pattern: '/conversations/v1/Conversations/:ConversationSid/Webhooks',
      handler: (request) => {
        const state = settled(ref);
        const params = request.params;
        const webhook = createConversationWebhook(state, conversationOf(state, request), {
          target: params.oneOf('Target', WEBHOOK_TARGETS) ?? 'webhook',
          url: params.string('Configuration.Url'),
          method: params.oneOf('Configuration.Method', ['GET', 'POST'] as const),
          filters: params.list('Configuration.Filters'),
          triggers: params.list('Configuration.Triggers'),
          flowSid: params.string('Configuration.FlowSid'),
        });
        return created(serializeConversationWebhook(webhook, serializeContext(state, request)));
      },
    },
    {
      method: 'GET',
      pattern: '/conversations/v1/Conversations/:ConversationSid/Webhooks/:Sid',
      handler: (request) => {
        const state = settled(ref);
        const webhook = childOf(state, request, state.conversations.webhooks.get(request.pathParams.Sid));
        return ok(serializeConversationWebhook(webhook, serializeContext(state, request)));
      },
    },
    {
      method: 'DELETE',
      pattern: '/conversations/v1/Conversations/:ConversationSid/Webhooks/:Sid',
      handler: (request) => {
        const state = settled(ref);
        state.conversations.webhooks.delete(childOf(state, request, state.conversations.webhooks.get(request.pathParams.Sid)).sid);
        return noContent();
      },
    },
  ];
}
