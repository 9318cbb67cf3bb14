import { FlexFlowAlreadyExists, InvalidFlexFlowSettings, type SettingsProblem } from '../../errors';
import { findConflictingFlexFlow } from '../../flex-flows/find-conflicting-flex-flow';
import type { FlexFlowManagementDependencies } from '../../flex-flows/flex-flow-management.dependencies';
import { resolveChatService, resolveIntegration } from '../../flex-flows/resolve-flex-flow-integration';
import type { FlexFlow, FlexFlowSettings } from '../../ports/flex-flow.port';
import { IDEMPOTENT } from '../../retry/twilio-retrier';
import { readContactIdentity } from '../../flex-flows/read-contact-identity';
import type { CreateFlexFlowCommand } from './create-flex-flow.command';

const DEFAULT_NAMES = { studio: 'Flex Messaging Channel Flow', task: 'Flex SMS To Task Flow' } as const;

/**
 * Creates a Studio or Task Flex Flow for a number. The settings are completed from the account and checked against
 * it first (every problem at once), so Flex is only asked for a flow that will work.
 */
export class CreateFlexFlow {
  constructor(private readonly deps: FlexFlowManagementDependencies) {}

  async execute(command: CreateFlexFlowCommand): Promise<FlexFlow> {
    const channelType = command.channelType ?? 'sms';
    const contactIdentity = readContactIdentity(command.contactIdentity, channelType, 'contactIdentity');
    const flows = await this.deps.retrier.run('list Flex Flows', () => this.deps.flexFlows.listFlexFlows(), IDEMPOTENT);
    const existing = findConflictingFlexFlow(flows, { contactIdentity, channelType, integrationType: command.integrationType });
    if (existing) throw new FlexFlowAlreadyExists(existing.sid, contactIdentity, command.integrationType);

    const [chatService, integration] = await Promise.all([
      resolveChatService(this.deps, command.chatServiceSid, flows),
      resolveIntegration(this.deps, command.integrationType, command.integration ?? {}, flows),
    ]);
    const problems: SettingsProblem[] = [...chatService.problems, ...integration.problems];
    if (problems.length) throw new InvalidFlexFlowSettings(problems);

    const settings: FlexFlowSettings = {
      friendlyName: command.friendlyName ?? `${DEFAULT_NAMES[command.integrationType]} ${contactIdentity}`,
      chatServiceSid: chatService.value as string,
      channelType,
      contactIdentity,
      enabled: command.enabled ?? command.integrationType === 'studio',
      integrationType: command.integrationType,
      integration: integration.value ?? {},
      longLived: command.longLived ?? false,
      janitorEnabled: command.janitorEnabled ?? true,
    };
    // Not repeated after an ambiguous failure: a second create would make a second flow for the number.
    const created = await this.deps.retrier.run('create Flex Flow', () => this.deps.flexFlows.createFlexFlow(settings), {
      kind: 'lookup-before-repeat',
      lookup: async () => findConflictingFlexFlow(await this.deps.flexFlows.listFlexFlows(), settings) ?? null,
    });
    this.deps.onFlexFlowsChanged();
    return created;
  }
}
