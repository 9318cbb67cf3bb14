import { FlexFlowAlreadyExists, InvalidFlexFlowSettings, ResourceNotFound, type SettingsProblem } from '../../errors';
import { findConflictingFlexFlow } from '../../flex-flows/find-conflicting-flex-flow';
import type { FlexFlowManagementDependencies } from '../../flex-flows/flex-flow-management.dependencies';
import type { FlexFlowIntegrationInput, ManagedIntegrationType } from '../../flex-flows/flex-flow-settings.input';
import { readContactIdentity } from '../../flex-flows/read-contact-identity';
import { resolveChatService, resolveIntegration } from '../../flex-flows/resolve-flex-flow-integration';
import type { FlexFlow, FlexFlowChanges } from '../../ports/flex-flow.port';
import { IDEMPOTENT } from '../../retry/twilio-retrier';
import type { UpdateFlexFlowCommand } from './update-flex-flow.command';

/**
 * Changes a Flex Flow. What changes is checked against the account as on create (a new workflow must belong to the
 * workspace, the task channel must be the chat one…), and the flow must not end up clashing with another one.
 */
export class UpdateFlexFlow {
  constructor(private readonly deps: FlexFlowManagementDependencies) {}

  async execute(command: UpdateFlexFlowCommand): Promise<FlexFlow> {
    const run = <T>(operation: string, call: () => Promise<T>) => this.deps.retrier.run(operation, call, IDEMPOTENT);
    const current = await run('fetch Flex Flow', () => this.deps.flexFlows.fetchFlexFlow(command.sid));
    if (!current) throw new ResourceNotFound('Flex Flow', command.sid);

    const channelType = command.channelType ?? current.channelType;
    const integrationType = command.integrationType ?? (current.integrationType as ManagedIntegrationType);
    const contactIdentity =
      command.contactIdentity !== undefined || command.channelType !== undefined
        ? readContactIdentity(command.contactIdentity ?? current.contactIdentity, channelType, 'contactIdentity')
        : current.contactIdentity;

    const flows = await run('list Flex Flows', () => this.deps.flexFlows.listFlexFlows());
    const clash = findConflictingFlexFlow(flows, { contactIdentity, channelType, integrationType }, current.sid);
    if (clash) throw new FlexFlowAlreadyExists(clash.sid, contactIdentity, integrationType);

    const changes: FlexFlowChanges = pickDefined({
      friendlyName: command.friendlyName,
      enabled: command.enabled,
      longLived: command.longLived,
      janitorEnabled: command.janitorEnabled,
      channelType: command.channelType,
      contactIdentity: command.contactIdentity !== undefined ? contactIdentity : undefined,
      integrationType: command.integrationType,
    });
    const problems: SettingsProblem[] = [];
    if (command.chatServiceSid !== undefined) {
      const chatService = await resolveChatService(this.deps, command.chatServiceSid, flows);
      problems.push(...chatService.problems);
      changes.chatServiceSid = chatService.value;
    }
    const typeChanged = integrationType !== current.integrationType;
    if (command.integration !== undefined || typeChanged) {
      // The same type keeps the keys not given; a new type starts afresh from the account's defaults.
      const base: FlexFlowIntegrationInput = typeChanged ? {} : current.integration;
      const integration = await resolveIntegration(this.deps, integrationType, { ...base, ...pickDefined(command.integration ?? {}) }, flows);
      problems.push(...integration.problems);
      changes.integration = integration.value;
    }
    if (problems.length) throw new InvalidFlexFlowSettings(problems);

    const updated = await run('update Flex Flow', () => this.deps.flexFlows.updateFlexFlow(current.sid, changes));
    this.deps.onFlexFlowsChanged();
    return updated;
  }
}

function pickDefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
