import type { Collection } from '../../core/collection';
import type { SandboxState, StateRef } from '../../core/state';
import { callbackUrl } from '../../http/callback-url';
import { webhooksEnabled } from '../../http/headers';
import { found } from '../../http/lookup';
import type { Params } from '../../http/params';
import { resourceRoutes } from '../../http/resource-routes';
import type { Route, TwilioRequest } from '../../http/route';
import { postConversationMessage } from '../../messaging/conversation-messages';
import { contentForSend, type ContentForSend } from '../content/content-send';
import { createConversationWebhook, updateConversationWebhook } from './conversation-webhooks.service';
import { CONTENT_ERRORS, contentSidMissing } from './conversations.errors';
import { deliverySummary } from './delivery-receipts.service';
import { createConversation, deleteConversation, settleAllTimers, updateConversation } from './conversations.service';
import { CONVERSATION_STATES, WEBHOOK_TARGETS, type ConversationMessage } from './conversations.store';

/** The spec writes a scoped webhook's methods in lower case, Twilio's examples in upper case: both are read, and kept as sent. */
const SCOPED_WEBHOOK_METHODS = ['GET', 'POST', 'get', 'post'] as const;
import {
  serializeConversation,
  serializeConversationMessage,
  serializeConversationParticipant,
  serializeConversationWebhook,
  serializeDeliveryReceipt,
} from './conversations.serializers';
import type { SerializeContext } from '../../http/serialize-context';
import { addParticipant, removeParticipant } from './participants.service';

function conversationOf(state: SandboxState, request: TwilioRequest) {
  return found(state.conversations.findConversation(request.pathParams.ConversationSid ?? request.pathParams.Sid), request);
}

/** The participant, message or webhook `:Sid` of the conversation in the path (20404 when another one holds it). */
function childOf<T extends { sid: string; conversationSid: string }>(state: SandboxState, request: TwilioRequest, children: Collection<T>): T {
  const conversation = conversationOf(state, request);
  const child = children.get(request.pathParams.Sid);
  return found(child?.conversationSid === conversation.sid ? child : undefined, request);
}

/**
 * The Content template a message is sent as (`ContentSid` and `ContentVariables`): variables without a template are
 * 50528, an unknown template 50526, variables that are no JSON object of values 50527, a template with nothing to
 * send 50542.
 */
function messageContent(state: SandboxState, params: Params): ContentForSend | undefined {
  const contentSid = params.string('ContentSid');
  if (!contentSid) {
    if (params.has('ContentVariables')) throw contentSidMissing();
    return undefined;
  }
  const content = contentForSend(state, contentSid, params.string('ContentVariables'));
  if (typeof content === 'string') throw CONTENT_ERRORS[content](contentSid);
  return content;
}

/** A message with its delivery summary, which its receipts make. */
const messageBody = (state: SandboxState) => (message: ConversationMessage, ctx: SerializeContext) =>
  serializeConversationMessage(message, deliverySummary(state, message), ctx);

/**
 * A message's receipts, by the default service's short URL or by `/v1/Services/{ChatServiceSid}/…` (whose service
 * must be the conversation's). The message must belong to the conversation, the conversation to the service.
 */
function receiptsRoutes(route: ReturnType<typeof resourceRoutes>, base: string, serviceScoped: boolean): Route[] {
  const messageOf = (state: SandboxState, request: TwilioRequest) => {
    const conversation = conversationOf(state, request);
    const service = request.pathParams.ChatServiceSid;
    const message = state.conversations.messages.get(request.pathParams.MessageSid);
    const inPath = message?.conversationSid === conversation.sid && (service === undefined || service === conversation.chatServiceSid);
    return found(inPath ? message : undefined, request);
  };
  return [
    route.list(`${base}/Receipts`, (request, state) => {
      const items = state.conversations.receiptsOf(messageOf(state, request).sid);
      const serialize = (receipt: (typeof items)[number], ctx: SerializeContext) => serializeDeliveryReceipt(receipt, ctx, serviceScoped);
      return { key: 'delivery_receipts', items, collection: state.conversations.receipts, serialize };
    }),
    route.fetch(`${base}/Receipts/:Sid`, (request, state, ctx) => {
      const receipt = state.conversations.receipts.get(request.pathParams.Sid);
      return serializeDeliveryReceipt(
        found(receipt?.messageSid === messageOf(state, request).sid ? receipt : undefined, request),
        ctx,
        serviceScoped,
      );
    }),
  ];
}

/** Conversations v1: Conversations with their Participants, Messages (and their delivery Receipts) and scoped Webhooks. */
export function conversationsRoutes(ref: StateRef): Route[] {
  // Each handler sees the states the conversation timers have set by now.
  const route = resourceRoutes(ref, { prepare: settleAllTimers });
  const conversation = '/conversations/v1/Conversations/:ConversationSid';
  const readConversation = (params: Params) => ({
    friendlyName: params.string('FriendlyName'),
    uniqueName: params.string('UniqueName'),
    attributes: params.json('Attributes'),
    state: params.oneOf('State', CONVERSATION_STATES),
    timers: { inactive: params.string('Timers.Inactive'), closed: params.string('Timers.Closed') },
  });
  return [
    route.list('/conversations/v1/Conversations', (request, state) => {
      const stateFilter = request.query.oneOf('State', CONVERSATION_STATES);
      const start = request.query.date('StartDate');
      const end = request.query.date('EndDate', 'until');
      const conversations = state.conversations.conversations.filter(
        (candidate) =>
          (stateFilter === undefined || candidate.state === stateFilter) &&
          (!start || candidate.dateCreated >= start) &&
          (!end || candidate.dateCreated <= end),
      );
      return { key: 'conversations', items: conversations, collection: state.conversations.conversations, serialize: serializeConversation };
    }),
    route.create('/conversations/v1/Conversations', (request, state, ctx) => {
      return serializeConversation(createConversation(state, readConversation(request.params)), ctx);
    }),
    route.fetch('/conversations/v1/Conversations/:Sid', (request, state, ctx) => serializeConversation(conversationOf(state, request), ctx)),
    route.update('/conversations/v1/Conversations/:Sid', (request, state, ctx) => {
      return serializeConversation(updateConversation(state, conversationOf(state, request), readConversation(request.params)), ctx);
    }),
    route.delete('/conversations/v1/Conversations/:Sid', (request, state) => deleteConversation(state, conversationOf(state, request))),
    route.list(`${conversation}/Participants`, (request, state) => {
      const items = state.conversations.participantsOf(conversationOf(state, request).sid);
      return { key: 'participants', items, collection: state.conversations.participants, serialize: serializeConversationParticipant };
    }),
    route.create(`${conversation}/Participants`, (request, state, ctx) => {
      const params = request.params;
      const participant = addParticipant(state, conversationOf(state, request), {
        identity: params.string('Identity'),
        address: params.string('MessagingBinding.Address'),
        proxyAddress: params.string('MessagingBinding.ProxyAddress'),
        attributes: params.json('Attributes'),
      });
      return serializeConversationParticipant(participant, ctx);
    }),
    route.fetch(`${conversation}/Participants/:Sid`, (request, state, ctx) => {
      return serializeConversationParticipant(childOf(state, request, state.conversations.participants), ctx);
    }),
    route.delete(`${conversation}/Participants/:Sid`, (request, state) => {
      removeParticipant(state, childOf(state, request, state.conversations.participants));
    }),
    route.list(`${conversation}/Messages`, (request, state) => {
      const descending = request.query.oneOf('Order', ['asc', 'desc'] as const) === 'desc';
      const messages = state.conversations.messagesOf(conversationOf(state, request).sid);
      const items = descending ? messages.reverse() : messages;
      return { key: 'messages', items, collection: state.conversations.messages, serialize: messageBody(state), descending };
    }),
    route.create(`${conversation}/Messages`, (request, state, ctx) => {
      const params = request.params;
      const posted = postConversationMessage(
        state,
        conversationOf(state, request),
        {
          author: params.string('Author'),
          body: params.string('Body'),
          attributes: params.json('Attributes'),
          content: messageContent(state, params),
        },
        { origin: 'rest', webhooksEnabled: webhooksEnabled(request) },
      );
      return messageBody(state)(posted.message, ctx);
    }),
    route.fetch(`${conversation}/Messages/:Sid`, (request, state, ctx) => {
      return messageBody(state)(childOf(state, request, state.conversations.messages), ctx);
    }),
    ...receiptsRoutes(route, `${conversation}/Messages/:MessageSid`, false),
    ...receiptsRoutes(route, '/conversations/v1/Services/:ChatServiceSid/Conversations/:ConversationSid/Messages/:MessageSid', true),
    route.list(`${conversation}/Webhooks`, (request, state) => {
      const items = state.conversations.webhooksOf(conversationOf(state, request).sid);
      return { key: 'webhooks', items, collection: state.conversations.webhooks, serialize: serializeConversationWebhook };
    }),
    route.create(`${conversation}/Webhooks`, (request, state, ctx) => {
      const params = request.params;
      const webhook = createConversationWebhook(state, conversationOf(state, request), {
        target: params.oneOf('Target', WEBHOOK_TARGETS) ?? 'webhook',
        url: callbackUrl(params, 'Configuration.Url'),
        method: params.oneOf('Configuration.Method', SCOPED_WEBHOOK_METHODS),
        filters: params.list('Configuration.Filters'),
        triggers: params.list('Configuration.Triggers'),
        flowSid: params.string('Configuration.FlowSid'),
      });
      return serializeConversationWebhook(webhook, ctx);
    }),
    route.fetch(`${conversation}/Webhooks/:Sid`, (request, state, ctx) => {
      return serializeConversationWebhook(childOf(state, request, state.conversations.webhooks), ctx);
    }),
    route.update(`${conversation}/Webhooks/:Sid`, (request, state, ctx) => {
      const params = request.params;
      const webhook = updateConversationWebhook(state, childOf(state, request, state.conversations.webhooks), {
        url: params.has('Configuration.Url') ? callbackUrl(params, 'Configuration.Url') : undefined,
        method: params.oneOf('Configuration.Method', SCOPED_WEBHOOK_METHODS),
        filters: params.has('Configuration.Filters') ? params.list('Configuration.Filters') : undefined,
        triggers: params.has('Configuration.Triggers') ? params.list('Configuration.Triggers') : undefined,
        flowSid: params.string('Configuration.FlowSid'),
      });
      return serializeConversationWebhook(webhook, ctx);
    }),
    route.delete(`${conversation}/Webhooks/:Sid`, (request, state) => {
      state.conversations.webhooks.delete(childOf(state, request, state.conversations.webhooks).sid);
    }),
  ];
}
