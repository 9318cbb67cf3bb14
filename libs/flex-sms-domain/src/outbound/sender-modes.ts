import { CachedValue } from '../cache/cached-value';
import { InvalidFlexFlowSettings } from '../errors';
import type { FlexFlowDirectory } from '../flex-flows/flex-flow-directory';
import type { Clock } from '../ports/clock.port';
import type { AddressConfiguration, AddressConfigurationPort } from '../ports/conversation.port';
import type { WorkspacePort } from '../ports/task.port';
import { IDEMPOTENT, type TwilioRetrier } from '../retry/twilio-retrier';
import { PhoneNumber } from '../value-objects/phone-number.value-object';
import { channelAddress, type OutboundChannel } from './outbound-channel';
import { outboundModeOf, type OutboundMode, type OutboundModePolicy } from './outbound-mode';

/** Where a number's mode came from: a setting, or what the account holds for it. */
export type OutboundModeSource = 'CONVERSATIONS_NUMBERS' | 'OUTBOUND_MODE' | 'address-configuration' | 'flex-flow' | 'default';

export interface SenderMode {
  number: string;
  mode: OutboundMode;
  source: OutboundModeSource;
  /** Why, in a sentence an operator can check in the Console. */
  reason: string;
  /** The channels the number can send on in that mode. */
  channels: OutboundChannel[];
}

/** Account set-up changes rarely (and through the Console); a minute keeps sends from re-reading it. */
export const SENDER_SETUP_TTL_MS = 60_000;

/** Flex's own TaskRouter set-up, as Flex UI 2.x accounts are provisioned (Twilio's Interactions outbound guides name both). */
export const FLEX_WORKSPACE_NAME = 'Flex Task Assignment';
export const FLEX_WORKFLOW_NAME = 'Assign to Anyone';

export interface SenderModeDirectoryOptions {
  policy: OutboundModePolicy;
  flexFlowDirectory: FlexFlowDirectory;
  clock: Clock;
  retrier: TwilioRetrier;
  /** Without it (unit tests' fakes) numbers are found by their Flex Flows only. */
  addressConfigurations?: AddressConfigurationPort;
  workspaces?: WorkspacePort;
  ttlMs?: number;
}

/**
 * Each sender's mode, found from the account when OUTBOUND_MODE is not set: a Conversations Address Configuration
 * with auto-creation for the number (or its WhatsApp sender) means Flex Conversations takes its messages; a Flex
 * Flow for it (on the Flex Chat Service) means Programmable Chat + Proxy. Cached, one Twilio list per TTL.
 */
export class SenderModeDirectory {
  private readonly configurations: CachedValue<AddressConfiguration[]>;
  private readonly flexRouting: CachedValue<{ workspaceSid: string; workflowSid: string }>;

  constructor(private readonly options: SenderModeDirectoryOptions) {
    const { clock, retrier, addressConfigurations, workspaces } = options;
    const ttlMs = options.ttlMs ?? SENDER_SETUP_TTL_MS;
    this.configurations = new CachedValue(
      async () =>
        addressConfigurations ? retrier.run('list Address Configurations', () => addressConfigurations.listAddressConfigurations(), IDEMPOTENT) : [],
      clock,
      ttlMs,
    );
    this.flexRouting = new CachedValue(() => findFlexRouting(retrier, workspaces), clock, ttlMs);
  }

  /** The number's mode, for a send: no Twilio request when the settings decide it or the account's set-up is cached. */
  async modeOf(number: PhoneNumber): Promise<OutboundMode> {
    const { policy } = this.options;
    if (policy.conversationsNumbers.includes(number.e164) || !policy.detect) return outboundModeOf(policy, number);
    return (await this.explain(number)).mode;
  }

  /** The number's mode, where it came from, why, and the channels it can send on (the doctor, the console). */
  async explain(number: PhoneNumber): Promise<SenderMode> {
    const { policy } = this.options;
    if (policy.conversationsNumbers.includes(number.e164)) {
      return {
        number: number.e164,
        mode: 'conversations',
        source: 'CONVERSATIONS_NUMBERS',
        reason: `${number.e164} is listed in CONVERSATIONS_NUMBERS`,
        channels: await this.conversationsChannels(number),
      };
    }
    if (!policy.detect) {
      const mode = outboundModeOf(policy, number);
      return {
        number: number.e164,
        mode,
        source: 'OUTBOUND_MODE',
        reason: `OUTBOUND_MODE=${mode}`,
        channels: mode === 'conversations' ? await this.conversationsChannels(number) : ['sms'],
      };
    }
    const configurations = (await this.addressConfigurationsOf(number)).filter((configuration) => configuration.autoCreationEnabled);
    if (configurations.length > 0) {
      const described = configurations.map(
        (configuration) =>
          `${configuration.sid} (${configuration.type}, auto-creation${configuration.studioFlowSid ? ` to Studio flow ${configuration.studioFlowSid}` : ''})`,
      );
      return {
        number: number.e164,
        mode: 'conversations',
        source: 'address-configuration',
        reason: `Conversations Address Configuration ${described.join(', ')}: Flex Conversations takes its messages`,
        channels: channelsOf(configurations),
      };
    }
    const flows = (await this.options.flexFlowDirectory.list()).filter((flow) => PhoneNumber.tryParse(flow.contactIdentity)?.equals(number));
    if (flows.length > 0) {
      const described = flows.map(
        (flow) => `${flow.sid} (${flow.integrationType}, ${flow.enabled ? 'enabled' : 'disabled'}) on Chat Service ${flow.chatServiceSid}`,
      );
      return {
        number: number.e164,
        mode: 'chat-proxy',
        source: 'flex-flow',
        reason: `Flex Flow ${described.join(', ')}: Programmable Chat + Proxy`,
        channels: ['sms'],
      };
    }
    return {
      number: number.e164,
      mode: policy.defaultMode,
      source: 'default',
      reason: `no Conversations Address Configuration with auto-creation and no Flex Flow for ${number.e164}: ${policy.defaultMode === 'chat-proxy' ? 'Chat + Proxy' : 'Flex Conversations'} by default (OUTBOUND_MODE or CONVERSATIONS_NUMBERS set it)`,
      channels: policy.defaultMode === 'chat-proxy' ? ['sms'] : ['sms', 'whatsapp'],
    };
  }

  /**
   * Every number the account has set up to send from, each explained: the numbers of its Flex Flows and of its
   * Conversations Address Configurations (SMS or WhatsApp), and those CONVERSATIONS_NUMBERS lists. Sorted by number.
   * A number the account owns but set up for neither would be refused by both flows, so it is not a sender.
   */
  async senders(): Promise<SenderMode[]> {
    const [flows, configurations] = await Promise.all([this.options.flexFlowDirectory.list(), this.configurations.get()]);
    const addresses = [
      ...flows.filter((flow) => flow.channelType === 'sms' || flow.channelType === 'whatsapp').map((flow) => flow.contactIdentity),
      ...configurations.filter((configuration) => configuration.type === 'sms' || configuration.type === 'whatsapp').map((c) => c.address),
      ...this.options.policy.conversationsNumbers,
    ];
    const numbers = new Map<string, PhoneNumber>();
    for (const address of addresses) {
      const number = PhoneNumber.tryParse(address.replace(/^whatsapp:/, ''));
      if (number) numbers.set(number.e164, number);
    }
    const sorted = [...numbers.values()].sort((a, b) => a.e164.localeCompare(b.e164));
    return Promise.all(sorted.map((number) => this.explain(number)));
  }

  /** The number's Address Configurations, SMS and WhatsApp (cached). */
  async addressConfigurationsOf(number: PhoneNumber): Promise<AddressConfiguration[]> {
    const addresses = [channelAddress('sms', number), channelAddress('whatsapp', number)];
    return (await this.configurations.get()).filter((configuration) => addresses.includes(configuration.address));
  }

  /** The workspace and workflow Flex routes conversations with, for a number that has no Task Flex Flow (cached). */
  flexWorkspaceRouting(): Promise<{ workspaceSid: string; workflowSid: string }> {
    return this.flexRouting.get();
  }

  invalidate(): void {
    this.configurations.invalidate();
  }

  private async conversationsChannels(number: PhoneNumber): Promise<OutboundChannel[]> {
    const configured = channelsOf(await this.addressConfigurationsOf(number));
    return configured.length > 0 ? configured : ['sms', 'whatsapp'];
  }
}

function channelsOf(configurations: AddressConfiguration[]): OutboundChannel[] {
  return (['sms', 'whatsapp'] as const).filter((channel) => configurations.some((configuration) => configuration.type === channel));
}

async function findFlexRouting(
  retrier: TwilioRetrier,
  workspaces: WorkspacePort | undefined,
): Promise<{ workspaceSid: string; workflowSid: string }> {
  const problem = (message: string) => new InvalidFlexFlowSettings([{ field: 'routing', message }]);
  if (!workspaces) throw problem('the number has no Task Flex Flow to route the interaction with');
  const all = await retrier.run('list TaskRouter workspaces', () => workspaces.listWorkspaces(), IDEMPOTENT);
  const workspace = all.find((candidate) => candidate.friendlyName === FLEX_WORKSPACE_NAME) ?? (all.length === 1 ? all[0] : undefined);
  if (!workspace)
    throw problem(
      `the account has no TaskRouter workspace named "${FLEX_WORKSPACE_NAME}" (Flex's) to route the interaction with, and the number has no Task Flex Flow naming one`,
    );
  const workflows = await retrier.run('list TaskRouter workflows', () => workspaces.listWorkflows(workspace.sid), IDEMPOTENT);
  const workflow =
    workflows.find((candidate) => candidate.friendlyName === FLEX_WORKFLOW_NAME) ?? (workflows.length === 1 ? workflows[0] : undefined);
  if (!workflow)
    throw problem(
      `workspace ${workspace.sid} has no workflow named "${FLEX_WORKFLOW_NAME}" (Flex's), and the number has no Task Flex Flow naming one`,
    );
  return { workspaceSid: workspace.sid, workflowSid: workflow.sid };
}
