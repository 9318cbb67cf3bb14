import type { OutboundSmsDependencies } from '../../outbound/outbound-dependencies';
import type { OutboundSmsResult } from '../../outbound/outbound-sms.result';
import { runOutboundConversation } from '../../steps/run-outbound-conversation';
import { MAX_SMS_BODY_LENGTH, parseParties, requireText } from '../outbound-command.validation';
import type { SendSystemSmsCommand } from './send-system-sms.command';

/**
 * Fire-and-forget SMS: the conversation goes through the number's Studio Flex Flow (no task), and the message is
 * posted to the channel so Proxy relays it. Everything is done before answering.
 */
export class SendSystemSms {
  constructor(private readonly deps: OutboundSmsDependencies) {}

  async execute(command: SendSystemSmsCommand): Promise<OutboundSmsResult> {
    const parties = parseParties(command);
    const messageBody = requireText('messageBody', command.messageBody, MAX_SMS_BODY_LENGTH);
    return runOutboundConversation(this.deps, {
      ...parties,
      integrationType: 'studio',
      message: messageBody,
      deferChannelAttributes: false,
      record: {
        kind: 'system_sms',
        caller: command.caller,
        fromNumber: parties.fromNumber.e164,
        toNumber: parties.toNumber.e164,
        toName: parties.toName,
        body: messageBody,
        idempotencyKey: command.idempotencyKey ?? null,
        input: {},
      },
    });
  }
}
