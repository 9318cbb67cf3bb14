import type { StateRef } from '../../core/state';
import { found } from '../../http/lookup';
import { resourceRoutes } from '../../http/resource-routes';
import type { Route } from '../../http/route';
import { createFlexChannel } from './flex-channels.service';
import { createFlexFlow, updateFlexFlow } from './flex-flows.service';
import { FlexStore } from './flex.store';
import { serializeFlexChannel, serializeFlexFlow } from './flex.serializers';

/** Flex API v1: FlexFlows and Channels. */
export function flexRoutes(ref: StateRef): Route[] {
  const route = resourceRoutes(ref);
  return [
    route.list('/flex-api/v1/FlexFlows', (request, state) => {
      const friendlyName = request.query.string('FriendlyName');
      const flows = friendlyName === undefined ? state.flex.flows.values() : state.flex.flows.filter((flow) => flow.friendlyName === friendlyName);
      return { key: 'flex_flows', items: flows, collection: state.flex.flows, serialize: serializeFlexFlow };
    }),
    route.create('/flex-api/v1/FlexFlows', (request, state, ctx) => serializeFlexFlow(createFlexFlow(state, request.params), ctx)),
    route.fetch('/flex-api/v1/FlexFlows/:Sid', (request, state, ctx) => {
      return serializeFlexFlow(found(state.flex.flows.get(request.pathParams.Sid), request), ctx);
    }),
    route.update('/flex-api/v1/FlexFlows/:Sid', (request, state, ctx) => {
      const flow = found(state.flex.flows.get(request.pathParams.Sid), request);
      return serializeFlexFlow(updateFlexFlow(state, flow, request.params), ctx);
    }),
    route.delete('/flex-api/v1/FlexFlows/:Sid', (request, state) => {
      found(state.flex.flows.delete(request.pathParams.Sid), request);
    }),
    route.list('/flex-api/v1/Channels', (_request, state) => ({
      key: 'flex_chat_channels',
      collection: state.flex.channels,
      serialize: serializeFlexChannel,
    })),
    route.create('/flex-api/v1/Channels', (request, state, ctx) => {
      const params = request.params;
      const { channel } = createFlexChannel(state, {
        flexFlowSid: params.required('FlexFlowSid'),
        identity: params.required('Identity'),
        chatUserFriendlyName: params.required('ChatUserFriendlyName'),
        chatFriendlyName: params.required('ChatFriendlyName'),
        target: params.string('Target'),
        chatUniqueName: params.string('ChatUniqueName'),
        preEngagementData: params.json('PreEngagementData'),
        taskSid: params.string('TaskSid'),
        taskAttributes: params.json('TaskAttributes'),
        longLived: params.boolean('LongLived'),
      });
      return serializeFlexChannel(channel, ctx);
    }),
    route.fetch('/flex-api/v1/Channels/:Sid', (request, state, ctx) => {
      return serializeFlexChannel(found(state.flex.channels.get(request.pathParams.Sid), request), ctx);
    }),
    route.delete('/flex-api/v1/Channels/:Sid', (request, state) => {
      const channel = found(state.flex.channels.delete(request.pathParams.Sid), request);
      const key = FlexStore.targetKey(channel.flexFlowSid, channel.target);
      if (state.flex.channelByFlowAndTarget.get(key) === channel.sid) state.flex.channelByFlowAndTarget.delete(key);
      // Flex's channel is the chat channel: deleting one deletes the other.
      const chatChannel = state.chat.channels.get(channel.sid);
      if (chatChannel) state.chat.deleteChannel(chatChannel);
    }),
  ];
}
