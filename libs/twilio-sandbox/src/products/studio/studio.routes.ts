import type { SandboxState, StateRef } from '../../core/state';
import { found } from '../../http/lookup';
import { resourceRoutes } from '../../http/resource-routes';
import type { Route, TwilioRequest } from '../../http/route';
import { serializeExecution, serializeStudioFlow } from './studio.serializers';

function flowOf(state: SandboxState, request: TwilioRequest) {
  return found(state.studio.flows.get(request.pathParams.FlowSid ?? request.pathParams.Sid), request);
}

/** Studio v2: Flows and their Executions. */
export function studioRoutes(ref: StateRef): Route[] {
  const route = resourceRoutes(ref);
  return [
    route.list('/studio/v2/Flows', (_request, state) => ({ key: 'flows', collection: state.studio.flows, serialize: serializeStudioFlow })),
    route.fetch('/studio/v2/Flows/:Sid', (request, state, ctx) => serializeStudioFlow(flowOf(state, request), ctx)),
    route.list('/studio/v2/Flows/:FlowSid/Executions', (request, state) => {
      const flowSid = flowOf(state, request).sid;
      const from = request.query.date('DateCreatedFrom');
      const to = request.query.date('DateCreatedTo', 'until');
      const executions = state.studio.executions.filter(
        (execution) => execution.flowSid === flowSid && (!from || execution.dateCreated >= from) && (!to || execution.dateCreated <= to),
      );
      return { key: 'executions', items: executions, collection: state.studio.executions, serialize: serializeExecution };
    }),
    route.fetch('/studio/v2/Flows/:FlowSid/Executions/:Sid', (request, state, ctx) => {
      const flowSid = flowOf(state, request).sid;
      const execution = state.studio.executions.get(request.pathParams.Sid);
      return serializeExecution(found(execution?.flowSid === flowSid ? execution : undefined, request), ctx);
    }),
  ];
}
