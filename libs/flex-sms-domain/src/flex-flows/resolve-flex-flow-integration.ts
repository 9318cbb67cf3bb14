import { ResourceNotFound, type SettingsProblem } from '../errors';
import type { FlexFlow } from '../ports/flex-flow.port';
import { IDEMPOTENT } from '../retry/twilio-retrier';
import type { FlexFlowManagementDependencies } from './flex-flow-management.dependencies';
import type { FlexFlowIntegrationInput, ManagedIntegrationType } from './flex-flow-settings.input';

/** The task channel Flex's messaging needs (the README: "This must be the Programmable Chat channel"). */
export const CHAT_TASK_CHANNEL = 'chat';

/** Resolved settings, or what was wrong; the caller throws once with every problem. */
export interface Resolution<T> {
  value?: T;
  problems: SettingsProblem[];
}

const problem = (field: string, message: string): SettingsProblem => ({ field, message });

/**
 * The Chat Service of a new flow: the one asked for (it must exist), else the account's configured one, else the one
 * the account's other Flex Flows use.
 */
export async function resolveChatService(
  deps: FlexFlowManagementDependencies,
  requested: string | undefined,
  flows: readonly FlexFlow[],
): Promise<Resolution<string>> {
  const candidate = requested ?? deps.defaultChatServiceSid ?? mostCommon(flows.map((flow) => flow.chatServiceSid));
  if (!candidate) return { problems: [problem('chatServiceSid', 'not given, and the account has no Chat Service to default to')] };
  const service = await deps.retrier.run('fetch Chat Service', () => deps.chatServices.fetchChatService(candidate), IDEMPOTENT);
  if (!service) return { problems: [problem('chatServiceSid', `${candidate} is not a Chat Service of the account`)] };
  return { value: service.sid, problems: [] };
}

/**
 * The `integration` of a flow: what was asked for, completed with the account's defaults — for Studio, the Studio
 * Flow the account's other Studio Flex Flows use (Flex's "Messaging Flow"); for Task, the account's only workspace,
 * its only workflow, and the `chat` task channel — and checked against the account.
 */
export async function resolveIntegration(
  deps: FlexFlowManagementDependencies,
  integrationType: ManagedIntegrationType,
  requested: FlexFlowIntegrationInput,
  flows: readonly FlexFlow[],
): Promise<Resolution<FlexFlow['integration']>> {
  if (integrationType === 'studio') return resolveStudioIntegration(deps, requested, flows);
  return resolveTaskIntegration(deps, requested);
}

async function resolveStudioIntegration(
  deps: FlexFlowManagementDependencies,
  requested: FlexFlowIntegrationInput,
  flows: readonly FlexFlow[],
): Promise<Resolution<FlexFlow['integration']>> {
  const problems = taskOnlyFields(requested).map((field) => problem(`integration.${field}`, 'applies to Task Flex Flows only'));
  const flowSid = requested.flowSid ?? mostCommon(flows.filter((flow) => flow.integrationType === 'studio').map((flow) => flow.integration.flowSid));
  if (!flowSid) problems.push(problem('integration.flowSid', 'not given, and no Studio Flex Flow of the account names a Studio Flow to default to'));
  // Flex itself refuses an unknown FlowSid with a 400 that says nothing of which setting was wrong (a 502 here).
  else if (requested.flowSid && !(await deps.retrier.run('fetch Studio Flow', () => deps.studioFlows.fetchStudioFlow(flowSid), IDEMPOTENT))) {
    problems.push(problem('integration.flowSid', `${flowSid} is not a Studio Flow of the account`));
  }
  return problems.length ? { problems } : { value: { flowSid }, problems };
}

async function resolveTaskIntegration(
  deps: FlexFlowManagementDependencies,
  requested: FlexFlowIntegrationInput,
): Promise<Resolution<FlexFlow['integration']>> {
  const problems: SettingsProblem[] = requested.flowSid ? [problem('integration.flowSid', 'applies to Studio Flex Flows only')] : [];
  const run = <T>(operation: string, call: () => Promise<T>) => deps.retrier.run(operation, call, IDEMPOTENT);

  let workspaceSid = requested.workspaceSid;
  if (!workspaceSid) {
    const workspaces = await run('list Workspaces', () => deps.workspaces.listWorkspaces());
    if (workspaces.length !== 1) {
      problems.push(problem('integration.workspaceSid', `not given, and the account has ${workspaces.length} TaskRouter Workspaces: name one`));
      return { problems };
    }
    workspaceSid = workspaces[0].sid;
  }

  const workflows = await run('list Workflows', () => deps.workspaces.listWorkflows(workspaceSid)).catch((error: unknown) => {
    if (error instanceof ResourceNotFound) return undefined;
    throw error;
  });
  if (!workflows) {
    problems.push(problem('integration.workspaceSid', `${workspaceSid} is not a TaskRouter Workspace of the account`));
    return { problems };
  }
  let workflowSid = requested.workflowSid;
  if (workflowSid && !workflows.some((workflow) => workflow.sid === workflowSid)) {
    problems.push(problem('integration.workflowSid', `${workflowSid} is not a Workflow of Workspace ${workspaceSid}`));
  } else if (!workflowSid) {
    if (workflows.length === 1) workflowSid = workflows[0].sid;
    else problems.push(problem('integration.workflowSid', `not given, and Workspace ${workspaceSid} has ${workflows.length} Workflows: name one`));
  }

  const wanted = requested.channel ?? CHAT_TASK_CHANNEL;
  const channel = await run('fetch TaskChannel', () => deps.workspaces.fetchTaskChannel(workspaceSid, wanted));
  if (!channel) {
    problems.push(problem('integration.channel', `${wanted} is not a TaskChannel of Workspace ${workspaceSid}`));
  } else if (channel.uniqueName !== CHAT_TASK_CHANNEL) {
    problems.push(
      problem('integration.channel', `must be the '${CHAT_TASK_CHANNEL}' TaskChannel for messaging, not '${channel.uniqueName}' (${channel.sid})`),
    );
  }
  if (problems.length) return { problems };
  return { value: { workspaceSid, workflowSid, channel: channel?.sid }, problems };
}

function taskOnlyFields(requested: FlexFlowIntegrationInput): string[] {
  return (['workspaceSid', 'workflowSid', 'channel'] as const).filter((field) => requested[field] !== undefined);
}

/** The value most of the account's flows share (ties: the first seen), so a default follows the account's habit. */
function mostCommon(values: readonly (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = value;
  return best;
}
