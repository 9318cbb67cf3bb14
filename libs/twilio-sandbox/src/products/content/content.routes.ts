import type { SandboxState, StateRef } from '../../core/state';
import { isJsonObject, type JsonObject } from '../../core/twilio-encodings';
import { found } from '../../http/lookup';
import { resourceRoutes } from '../../http/resource-routes';
import type { Route, TwilioRequest } from '../../http/route';
import { createContent, submitForWhatsAppApproval } from './content.service';
import { serializeApprovalCreate, serializeApprovalFetch, serializeContent, serializeContentAndApprovals } from './content.serializers';

function templateOf(state: SandboxState, request: TwilioRequest) {
  return found(state.content.contents.get(request.pathParams.ContentSid ?? request.pathParams.Sid), request);
}

/** The JSON body, whose shape the gateway checked against the spec's request schema. */
function body(request: TwilioRequest): JsonObject {
  return isJsonObject(request.json) ? request.json : {};
}

const JSON_BODY = { body: 'json' } as const;

/**
 * Content API v1 (`content.twilio.com`): templates (create, fetch, list, delete), their WhatsApp approval (submit,
 * fetch) and ContentAndApprovals. Its POSTs take JSON bodies (the spec's `application/json`, as the SDK sends them);
 * the SDK passes the body on verbatim, so callers write Twilio's keys (`friendly_name`, `twilio/text`).
 */
export function contentRoutes(ref: StateRef): Route[] {
  const route = resourceRoutes(ref);
  return [
    route.create(
      '/content/v1/Content',
      (request, state, ctx) => {
        const json = body(request);
        const template = createContent(state, {
          friendlyName: json['friendly_name'] as string | undefined,
          language: json['language'] as string,
          variables: json['variables'] as Record<string, string> | undefined,
          types: json['types'] as JsonObject,
        });
        return serializeContent(template, ctx);
      },
      JSON_BODY,
    ),
    route.list('/content/v1/Content', (_request, state) => ({ key: 'contents', collection: state.content.contents, serialize: serializeContent })),
    route.fetch('/content/v1/Content/:Sid', (request, state, ctx) => serializeContent(templateOf(state, request), ctx)),
    route.delete('/content/v1/Content/:Sid', (request, state) => {
      state.content.contents.delete(templateOf(state, request).sid);
    }),
    route.list('/content/v1/ContentAndApprovals', (_request, state) => ({
      key: 'contents',
      collection: state.content.contents,
      serialize: serializeContentAndApprovals,
    })),
    route.create(
      '/content/v1/Content/:ContentSid/ApprovalRequests/whatsapp',
      (request, state) => {
        const json = body(request);
        return serializeApprovalCreate(
          submitForWhatsAppApproval(state, templateOf(state, request), { name: json['name'] as string, category: json['category'] as string }),
        );
      },
      JSON_BODY,
    ),
    route.fetch('/content/v1/Content/:Sid/ApprovalRequests', (request, state, ctx) => serializeApprovalFetch(templateOf(state, request), ctx)),
  ];
}
