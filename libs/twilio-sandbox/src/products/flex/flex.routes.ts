import type { StateRef } from '../../core/state';
import { found } from '../../http/lookup';
import { listPage } from '../../http/paging';
import { created, noContent, ok, type Route } from '../../http/route';
import { serializeContext } from '../../http/serialize-context';
import { createFlexChannel } from './flex-channels.service';
import { createFlexFlow, updateFlexFlow } from './flex-flows.service';
import { FlexStore } from './flex.store';
import { serializeFlexChannel, serializeFlexFlow } from './flex.serializers';

/** Flex API v1: FlexFlows and Channels. */
export function flexRoutes(ref: StateRef): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/flex-api/v1/FlexFlows',
      handler: (request) => {
        const state = ref.current;
        const friendlyName = request.query.string('FriendlyName');
        const flows = friendlyName === undefined ? state.flex.flows.values() : state.flex.flows.filter((flow) => flow.friendlyName === friendlyName);
        const ctx = serializeContext(state, request);
        return ok(listPage(request, flows, { key: 'flex_flows', serialize: (flow) => serializeFlexFlow(flow, ctx), sequenceOf: (sid) => state.flex.flows.sequenceOf(sid) }));
      },
    },
    {
      method: 'POST',
      pattern: '/flex-api/v1/FlexFlows',
      handler: (request) => created(serializeFlexFlow(createFlexFlow(ref.current, request.params), serializeContext(ref.current, request))),
    },
    {
      method: 'GET',
      pattern: '/flex-api/v1/FlexFlows/:Sid',
      handler: (request) => ok(serializeFlexFlow(found(ref.current.flex.flows.get(request.pathParams.Sid), request), serializeContext(ref.current, request))),
    },
    {
      method: 'POST',
      pattern: '/flex-api/v1/FlexFlows/:Sid',
      handler: (request) => {
        const flow = found(ref.current.flex.flows.get(request.pathParams.Sid), request);
        return ok(serializeFlexFlow(updateFlexFlow(ref.current, flow, request.params), serializeContext(ref.current, request)));
      },
    },
    {
      method: 'DELETE',
      pattern: '/flex-api/v1/FlexFlows/:Sid',
      handler: (request) => {
        found(ref.current.flex.flows.delete(request.pathParams.Sid), request);
        return noContent();
      },
    },
    {
      method: 'GET',
      pattern: '/flex-api/v1/Channels',
      handler: (request) => {
        const state = ref.current;
        const ctx = serializeContext(state, request);
        return ok(listPage(request, state.flex.channels.values(), { key: 'flex_chat_channels', serialize: (channel) => serializeFlexChannel(channel, ctx), sequenceOf: (sid) => state.flex.channels.sequenceOf(sid) }));
      },
    },
    {
      method: 'POST',
      pattern: '/flex-api/v1/Channels',
      handler: (request) => {
        const params = request.params;
        const input = {
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
        };
        const { channel } = createFlexChannel(ref.current, input);
        return created(serializeFlexChannel(channel, serializeContext(ref.current, request)));
      },
    },
    {
      method: 'GET',
      pattern: '/flex-api/v1/Channels/:Sid',
      handler: (request) => ok(serializeFlexChannel(found(ref.current.flex.channels.get(request.pathParams.Sid), request), serializeContext(ref.current, request))),
    },
    {
      method: 'DELETE',
      pattern: '/flex-api/v1/Channels/:Sid',
      handler: (request) => {
        const state = ref.current;
        const channel = found(state.flex.channels.delete(request.pathParams.Sid), request);
        const key = FlexStore.targetKey(channel.flexFlowSid, channel.target);
        if (state.flex.channelByFlowAndTarget.get(key) === channel.sid) state.flex.channelByFlowAndTarget.delete(key);
        // Flex's channel is the chat channel: deleting one deletes the other.
        const chatChannel = state.chat.channels.get(channel.sid);
        if (chatChannel) state.chat.deleteChannel(chatChannel);
        return noContent();
      },
    },
  ];
}
