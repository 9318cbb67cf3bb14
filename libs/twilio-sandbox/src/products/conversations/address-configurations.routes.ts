import type { StateRef } from '../../core/state';
import { found } from '../../http/lookup';
import { listPage } from '../../http/paging';
import type { Params } from '../../http/params';
import { created, noContent, ok, type Route } from '../../http/route';
import { serializeContext } from '../../http/serialize-context';
import { createAddressConfiguration, updateAddressConfiguration, type AutoCreationRequest } from './address-configurations.service';
import { AUTO_CREATION_TYPES } from './conversations.store';
import { serializeAddressConfiguration } from './conversations.serializers';

const ADDRESS_TYPES = ['sms', 'whatsapp', 'messenger', 'gbm', 'email', 'rcs', 'apple', 'chat'] as const;

function readAutoCreation(params: Params): AutoCreationRequest {
  return {
    enabled: params.boolean('AutoCreation.Enabled'),
    type: params.oneOf('AutoCreation.Type', AUTO_CREATION_TYPES),
    conversationServiceSid: params.string('AutoCreation.ConversationServiceSid'),
    webhookUrl: params.string('AutoCreation.WebhookUrl'),
    webhookMethod: params.oneOf('AutoCreation.WebhookMethod', ['GET', 'POST'] as const),
    webhookFilters: params.has('AutoCreation.WebhookFilters') ? params.list('AutoCreation.WebhookFilters') : undefined,
    studioFlowSid: params.string('AutoCreation.StudioFlowSid'),
    studioRetryCount: params.integer('AutoCreation.StudioRetryCount', { min: 0, max: 3 }),
  };
}

/** Conversations v1 Address Configurations: which of the account's addresses auto-create conversations, and how. */
export function addressConfigurationsRoutes(ref: StateRef): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/conversations/v1/Configuration/Addresses',
      handler: (request) => {
        const state = ref.current;
        const type = request.query.string('Type');
        const configurations = state.conversations.addressConfigurations.filter((configuration) => type === undefined || configuration.type === type);
        const ctx = serializeContext(state, request);
        return ok(listPage(request, configurations, { key: 'address_configurations', serialize: (configuration) => serializeAddressConfiguration(configuration, ctx), sequenceOf: (sid) => state.conversations.addressConfigurations.sequenceOf(sid) }));
      },
    },
    {
      method: 'POST',
      pattern: '/conversations/v1/Configuration/Addresses',
      handler: (request) => {
        const state = ref.current;
        const params = request.params;
        const configuration = createAddressConfiguration(state, {
          type: params.oneOf('Type', ADDRESS_TYPES) ?? params.required('Type'),
          address: params.required('Address'),
          friendlyName: params.string('FriendlyName'),
          addressCountry: params.string('AddressCountry'),
          autoCreation: readAutoCreation(params),
        });
        return created(serializeAddressConfiguration(configuration, serializeContext(state, request)));
      },
    },
    {
      method: 'GET',
      pattern: '/conversations/v1/Configuration/Addresses/:Sid',
      handler: (request) => {
        const state = ref.current;
        const configuration = found(state.conversations.addressConfigurations.get(request.pathParams.Sid), request);
        return ok(serializeAddressConfiguration(configuration, serializeContext(state, request)));
      },
    },
    {
      method: 'POST',
      pattern: '/conversations/v1/Configuration/Addresses/:Sid',
      handler: (request) => {
        const state = ref.current;
        const configuration = found(state.conversations.addressConfigurations.get(request.pathParams.Sid), request);
        updateAddressConfiguration(state, configuration, { friendlyName: request.params.string('FriendlyName'), autoCreation: readAutoCreation(request.params) });
        return ok(serializeAddressConfiguration(configuration, serializeContext(state, request)));
      },
    },
    {
      method: 'DELETE',
      pattern: '/conversations/v1/Configuration/Addresses/:Sid',
      handler: (request) => {
        found(ref.current.conversations.addressConfigurations.delete(request.pathParams.Sid), request);
        return noContent();
      },
    },
  ];
}
