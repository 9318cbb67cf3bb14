import type { OutboundSmsDependencies } from '../../outbound/outbound-dependencies';
import type { OutboundSmsResult } from '../../outbound/outbound-sms.result';
import { parseChannel, parseContentRequest } from '../../outbound/outbound-message';
import { FLEX_FLOW_OF_REQUEST } from '../../steps/outbound-conversation.plan';
import { runOutboundConversation } from '../../steps/run-outbound-conversation';
import { MAX_SMS_BODY_LENGTH, optionalText, parseParties, requireText } from '../outbound-command.validation';
import type { SendSystemSmsCommand } from './send-system-sms.command';

/**
 * Fire-and-forget SMS: the conversation goes through the number's Studio Flex Flow (no task), and the message is
 * posted to the channel so Proxy relays it. Everything is done before answering.
 */
export class SendSystemSms {
  constructor(private readonly deps: OutboundSmsDependencies) {}

  async execute(command: SendSystemSmsCommand): Promise<OutboundSmsResult> {
    const parties = parseParties(command);
    const channel = parseChannel(command.channel);
    const text = optionalText('messageBody', command.messageBody, MAX_SMS_BODY_LENGTH);
    const content = parseContentRequest(command, 'messageBody', text);
    // One or the other: a conversation with nothing to say is never opened.
    const messageBody = content ? undefined : requireText('messageBody', text, MAX_SMS_BODY_LENGTH);
    return runOutboundConversation(this.deps, {
      ...parties,
      integrationType: FLEX_FLOW_OF_REQUEST.system_sms,
      channel,
      message: messageBody,
      content,
      deferChannelAttributes: false,
      record: {
        kind: 'system_sms',
        caller: command.caller,
        fromNumber: parties.fromNumber.e164,
        toNumber: parties.toNumber.e164,
        toName: parties.toName,
        channel,
        body: messageBody ?? null,
        idempotencyKey: command.idempotencyKey ?? null,
        input: content ? { contentSid: content.contentSid, contentVariables: content.variables } : {},
        ...(command.statusCallbackUrl ? { statusCallbackUrl: command.statusCallbackUrl } : {}),
      },
    });
  }
}
