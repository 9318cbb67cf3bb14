import { InvalidInput } from '../../errors';
import type { OutboundSmsDependencies } from '../../outbound/outbound-dependencies';
import type { OutboundSmsResult } from '../../outbound/outbound-sms.result';
import { parseChannel, parseContentRequest } from '../../outbound/outbound-message';
import { FLEX_FLOW_OF_REQUEST } from '../../steps/outbound-conversation.plan';
import { runOutboundConversation } from '../../steps/run-outbound-conversation';
import { Sid } from '../../value-objects/sid.value-object';
import { MAX_SMS_BODY_LENGTH, optionalText, parseParties } from '../outbound-command.validation';
import type { InitiateAgentSmsCommand } from './initiate-agent-sms.command';

/**
 * Agent-initiated SMS: a chat channel through the number's Task Flex Flow (so Flex creates the task), tied to the
 * customer's phone by a Proxy session. The `proxySession` channel attribute is written after answering.
 */
export class InitiateAgentSms {
  constructor(private readonly deps: OutboundSmsDependencies) {}

  async execute(command: InitiateAgentSmsCommand): Promise<OutboundSmsResult> {
    const parties = parseParties(command);
    const sourceChatChannelSid = command.sourceChatChannelSid
      ? Sid.parse(command.sourceChatChannelSid, 'CH', 'sourceChatChannelSid').value
      : undefined;
    const targetWorkerSid = command.targetWorkerSid ? Sid.parse(command.targetWorkerSid, 'WK', 'targetWorkerSid').value : undefined;
    const channel = parseChannel(command.channel);
    const initialMessage = optionalText('initialMessage', command.initialMessage, MAX_SMS_BODY_LENGTH);
    const content = parseContentRequest(command, 'initialMessage', initialMessage);
    const extra = command.taskAttributes ?? {};
    if (typeof extra !== 'object' || Array.isArray(extra)) throw new InvalidInput('taskAttributes', 'must be a JSON object');

    const taskAttributes: Record<string, unknown> = {
      ...extra,
      to: parties.toNumber.e164,
      from: parties.fromNumber.e164,
      name: parties.toName,
      direction: 'outbound',
      ...(sourceChatChannelSid ? { sourceChatChannelSid } : {}),
      ...(targetWorkerSid ? { targetWorkerSid } : {}),
    };

    return runOutboundConversation(this.deps, {
      ...parties,
      integrationType: FLEX_FLOW_OF_REQUEST.agent_sms,
      taskAttributes,
      targetWorkerSid,
      channel,
      message: initialMessage,
      content,
      deferChannelAttributes: true,
      record: {
        kind: 'agent_sms',
        caller: command.caller,
        fromNumber: parties.fromNumber.e164,
        toNumber: parties.toNumber.e164,
        toName: parties.toName,
        channel,
        body: initialMessage ?? null,
        idempotencyKey: command.idempotencyKey ?? null,
        input: {
          sourceChatChannelSid: sourceChatChannelSid ?? null,
          targetWorkerSid: targetWorkerSid ?? null,
          taskAttributes: extra,
          ...(content ? { contentSid: content.contentSid, contentVariables: content.variables } : {}),
        },
        ...(command.statusCallbackUrl ? { statusCallbackUrl: command.statusCallbackUrl } : {}),
      },
    });
  }
}
