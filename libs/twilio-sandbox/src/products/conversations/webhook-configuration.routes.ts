import type { SandboxState, StateRef } from '../../core/state';
import { callbackUrl } from '../../http/callback-url';
import { found } from '../../http/lookup';
import type { Params } from '../../http/params';
import { resourceRoutes } from '../../http/resource-routes';
import type { Route, TwilioRequest } from '../../http/route';
import { serializeAccountWebhook, serializeServiceWebhook } from './conversations.serializers';
import { ACCOUNT_WEBHOOK_TARGETS, WEBHOOK_METHODS, type WebhookConfiguration } from './conversations.store';

/** The fields an update sends, over the configuration as it was: an empty URL clears it. */
function changed(params: Params, current: WebhookConfiguration): WebhookConfiguration {
  const url = (name: string, was: string | null) => {
    const value = callbackUrl(params, name);
    return value === undefined ? was : value || null;
  };
  return {
    method: params.oneOf('Method', WEBHOOK_METHODS) ?? current.method,
    filters: params.has('Filters') ? params.list('Filters') : current.filters,
    preWebhookUrl: url('PreWebhookUrl', current.preWebhookUrl),
    postWebhookUrl: url('PostWebhookUrl', current.postWebhookUrl),
  };
}

/** The Conversation Service in the path: Flex's Chat Service is the account's Conversation Service. */
function serviceOf(state: SandboxState, request: TwilioRequest) {
  return found(state.chat.services.get(request.pathParams.ChatServiceSid), request);
}

/**
 * Conversations v1 webhook configuration: the account's (`/v1/Configuration/Webhooks`, with its `Target`) and each
 * Conversation Service's (`/v1/Services/{ChatServiceSid}/Configuration/Webhooks`). What they deliver:
 * products/conversations/conversation-events.ts.
 */
export function webhookConfigurationRoutes(ref: StateRef): Route[] {
  const route = resourceRoutes(ref);
  const service = '/conversations/v1/Services/:ChatServiceSid/Configuration/Webhooks';
  const unset: WebhookConfiguration = { method: null, filters: null, preWebhookUrl: null, postWebhookUrl: null };
  return [
    route.fetch('/conversations/v1/Configuration/Webhooks', (_request, state, ctx) =>
      serializeAccountWebhook(state.conversations.accountWebhook, ctx),
    ),
    route.update('/conversations/v1/Configuration/Webhooks', (request, state, ctx) => {
      const current = state.conversations.accountWebhook;
      const target = request.params.oneOf('Target', ACCOUNT_WEBHOOK_TARGETS) ?? current.target;
      state.conversations.accountWebhook = { ...changed(request.params, current), target };
      return serializeAccountWebhook(state.conversations.accountWebhook, ctx);
    }),
    route.fetch(service, (request, state, ctx) => {
      const sid = serviceOf(state, request).sid;
      return serializeServiceWebhook(sid, state.conversations.serviceWebhooks.get(sid), ctx);
    }),
    route.update(service, (request, state, ctx) => {
      const sid = serviceOf(state, request).sid;
      const configuration = changed(request.params, state.conversations.serviceWebhooks.get(sid) ?? unset);
      state.conversations.serviceWebhooks.set(sid, configuration);
      return serializeServiceWebhook(sid, configuration, ctx);
    }),
  ];
}
