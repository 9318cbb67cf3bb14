import type { ChatServicePort } from '../../ports/chat-channel.port';
import type { AddressConfigurationPort } from '../../ports/conversation.port';
import type { FlexFlow, FlexFlowPort } from '../../ports/flex-flow.port';
import type { IncomingPhoneNumberPort } from '../../ports/phone-number.port';
import type { ProxyServicePort } from '../../ports/proxy-session.port';
import type { WorkspacePort } from '../../ports/task.port';
import { IDEMPOTENT, type TwilioRetrier } from '../../retry/twilio-retrier';
import type { SenderMode } from '../../outbound/sender-modes';
import { PhoneNumber } from '../../value-objects/phone-number.value-object';
import {
  checkAddressConfiguration,
  checkChatService,
  checkFlexFlow,
  checkLifecycle,
  checkNumberInAccount,
  checkProxyPool,
  checkProxyService,
  checkTaskChannel,
  checkWorkflow,
} from './setup-checks';
import { worstStatus, type NumberDiagnosis, type SetupCheck } from './diagnosis';

export interface DiagnoseNumberDependencies {
  phoneNumbers: IncomingPhoneNumberPort;
  flexFlows: FlexFlowPort;
  chatServices: ChatServicePort;
  workspaces: WorkspacePort;
  proxyService: ProxyServicePort;
  retrier: TwilioRetrier;
  /** The Chat Service the API is configured with (TWILIO_CHAT_SERVICE_SID). */
  configuredChatServiceSid?: string;
  /** How the number starts conversations, and why (chat-proxy when absent); conversations mode adds its own checks. */
  senderMode?: (number: PhoneNumber) => Promise<SenderMode>;
  addressConfigurations?: AddressConfigurationPort;
}

/**
 * The set-up doctor for one number: everything the two outbound flows need, checked against the account, each
 * finding with its fix. Reads only; the independent look-ups run in parallel.
 */
export class DiagnoseNumber {
  constructor(private readonly deps: DiagnoseNumberDependencies) {}

  async execute(input: string): Promise<NumberDiagnosis> {
    const number = PhoneNumber.parse(input, { field: 'number' }).e164;
    const run = <T>(operation: string, call: () => Promise<T>) => this.deps.retrier.run(operation, call, IDEMPOTENT);
    const [incoming, flows, proxyService, pool] = await Promise.all([
      run('find IncomingPhoneNumber', () => this.deps.phoneNumbers.findIncomingPhoneNumber(number)),
      run('list Flex Flows', () => this.deps.flexFlows.listFlexFlows()),
      run('fetch Proxy Service', () => this.deps.proxyService.fetchService()),
      run('list Proxy numbers', () => this.deps.proxyService.listPoolNumbers()).catch(() => null),
    ]);
    const mine = flows.filter((flow) => flow.channelType === 'sms' && PhoneNumber.tryParse(flow.contactIdentity)?.e164 === number);
    const taskFlow = pick(mine, 'task');
    const studioFlow = pick(mine, 'studio');

    const senderMode = this.deps.senderMode ? await this.deps.senderMode(PhoneNumber.parse(number)) : undefined;
    const mode = senderMode?.mode ?? 'chat-proxy';
    const checks: SetupCheck[] = [checkNumberInAccount(number, incoming)];
    if (senderMode)
      checks.push({
        id: 'outbound-mode',
        title: 'Outbound mode',
        status: 'ok',
        detail: `${mode === 'chat-proxy' ? 'Chat + Proxy' : 'Flex Conversations'} (${senderMode.source}): ${senderMode.reason}`,
        context: { ...senderMode },
      });
    // A Flex Conversations number routes by its Address Configuration and Flex's workspace: Flex Flows are optional.
    const flexFlowsNeeded = mode === 'chat-proxy' || mine.length > 0;
    if (flexFlowsNeeded) checks.push(checkFlexFlow(number, 'task', mine), checkFlexFlow(number, 'studio', mine));
    if (flexFlowsNeeded) checks.push(await checkChatService(this.deps, [taskFlow, studioFlow].filter(isFlow), proxyService));
    if (taskFlow) checks.push(...(await Promise.all([checkWorkflow(this.deps, taskFlow), checkTaskChannel(this.deps, taskFlow)])));
    if (mode === 'chat-proxy') {
      checks.push(checkProxyService(proxyService));
      if (proxyService) checks.push(checkProxyPool(number, pool ?? []));
    }
    checks.push(...[taskFlow, studioFlow].filter(isFlow).map(checkLifecycle));
    if (mode === 'conversations' && this.deps.addressConfigurations) {
      const addresses = this.deps.addressConfigurations;
      const configuration = await run('find the sms Address Configuration', () => addresses.findSmsAddressConfiguration(number));
      checks.push(checkAddressConfiguration(number, configuration, studioFlow));
    }
    return {
      number,
      status: worstStatus(checks),
      ...(senderMode ? { mode: { mode, source: senderMode.source, reason: senderMode.reason, channels: senderMode.channels } } : {}),
      checks,
    };
  }
}

/** The flow the outbound flows would use: an enabled one first, then by SID (as selectFlexFlow picks). */
function pick(flows: readonly FlexFlow[], integrationType: string): FlexFlow | undefined {
  const candidates = flows.filter((flow) => flow.integrationType === integrationType).sort((a, b) => a.sid.localeCompare(b.sid));
  return candidates.find((flow) => flow.enabled) ?? candidates[0];
}

function isFlow(flow: FlexFlow | undefined): flow is FlexFlow {
  return flow !== undefined;
}
