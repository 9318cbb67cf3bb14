import type { StateRef } from '../../core/state';
import { found } from '../../http/lookup';
import type { Params } from '../../http/params';
import { resourceRoutes } from '../../http/resource-routes';
import type { Route } from '../../http/route';
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
  const route = resourceRoutes(ref);
  return [
    route.list('/conversations/v1/Configuration/Addresses', (request, state) => {
      const type = request.query.string('Type');
      const collection = state.conversations.addressConfigurations;
      const items = collection.filter((configuration) => type === undefined || configuration.type === type);
      return { key: 'address_configurations', items, collection, serialize: serializeAddressConfiguration };
    }),
    route.create('/conversations/v1/Configuration/Addresses', (request, state, ctx) => {
      const params = request.params;
      const configuration = createAddressConfiguration(state, {
        type: params.oneOf('Type', ADDRESS_TYPES) ?? params.required('Type'),
        address: params.required('Address'),
        friendlyName: params.string('FriendlyName'),
        addressCountry: params.string('AddressCountry'),
        autoCreation: readAutoCreation(params),
      });
      return serializeAddressConfiguration(configuration, ctx);
    }),
    route.fetch('/conversations/v1/Configuration/Addresses/:Sid', (request, state, ctx) => {
      return serializeAddressConfiguration(found(state.conversations.addressConfigurations.get(request.pathParams.Sid), request), ctx);
    }),
    route.update('/conversations/v1/Configuration/Addresses/:Sid', (request, state, ctx) => {
      const configuration = found(state.conversations.addressConfigurations.get(request.pathParams.Sid), request);
      const params = request.params;
      updateAddressConfiguration(state, configuration, { friendlyName: params.string('FriendlyName'), autoCreation: readAutoCreation(params) });
      return serializeAddressConfiguration(configuration, ctx);
    }),
    route.delete('/conversations/v1/Configuration/Addresses/:Sid', (request, state) => {
      found(state.conversations.addressConfigurations.delete(request.pathParams.Sid), request);
    }),
  ];
}
