import type { SandboxState, StateRef } from '../../core/state';
import { found } from '../../http/lookup';
import { listPage } from '../../http/paging';
import { ok, type Route, type TwilioRequest } from '../../http/route';
import { serializeContext } from '../../http/serialize-context';
import { serializeExecution, serializeStudioFlow } from './studio.serializers';

function flowOf(state: SandboxState, request: TwilioRequest) {
  return found(state.studio.flows.get(request.pathParams.FlowSid ?? request.pathParams.Sid), request);
}

/** Studio v2: Flows and their Executions. */
export function studioRoutes(ref: StateRef): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/studio/v2/Flows',
      handler: (request) => {
        const state = ref.current;
        const ctx = serializeContext(state, request);
        return ok(listPage(request, state.studio.flows.values(), { key: 'flows', serialize: (flow) => serializeStudioFlow(flow, ctx), sequenceOf: (sid) => state.studio.flows.sequenceOf(sid) }));
      },
    },
    {
      method: 'GET',
      pattern: '/studio/v2/Flows/:Sid',
      handler: (request) => ok(serializeStudioFlow(flowOf(ref.current, request), serializeContext(ref.current, request))),
    },
    {
      method: 'GET',
      pattern: '/studio/v2/Flows/:FlowSid/Executions',
      handler: (request) => {
        const state = ref.current;
        const flow = flowOf(state, request);
        const from = request.query.date('DateCreatedFrom');
        const to = request.query.date('DateCreatedTo', 'until');
        const executions = state.studio.executions.filter(
          (execution) =>
            execution.flowSid === flow.sid && (!from || execution.dateCreated >= from) && (!to || execution.dateCreated <= to),
        );
        const ctx = serializeContext(state, request);
        return ok(listPage(request, executions, { key: 'executions', serialize: (execution) => serializeExecution(execution, ctx), sequenceOf: (sid) => state.studio.executions.sequenceOf(sid) }));
      },
    },
    {
      method: 'GET',
      pattern: '/studio/v2/Flows/:FlowSid/Executions/:Sid',
      handler: (request) => {
        const flow = flowOf(ref.current, request);
        const execution = ref.current.studio.executions.get(request.pathParams.Sid);
        return ok(serializeExecution(found(execution?.flowSid === flow.sid ? execution : undefined, request), serializeContext(ref.current, request)));
      },
    },
  ];
}
