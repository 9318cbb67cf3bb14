import type { FlexChannel } from '../../ports/chat-channel.port';
import type { FlexFlow } from '../../ports/flex-flow.port';
import { IDEMPOTENT } from '../../retry/twilio-retrier';
import type { PhoneNumber } from '../../value-objects/phone-number.value-object';
import type { OutboundSmsDependencies } from '../../outbound/outbound-dependencies';
import type { StepRecorder } from '../../outbound/step-recorder';

/**
 * Twilio stamps `date_created` to the second, and its clock is not ours: a channel dated up to this long before the
 * request started may have been made by it. Whether it was is then settled by the journal (did an earlier request
 * of ours see this channel?), so a quick second request never takes the first one's channel for its own.
 */
export const CHANNEL_CREATION_TOLERANCE_MS = 2_000;

/**
 * The customer's chat identity: their E.164 number, as Flex itself uses for inbound SMS. Deterministic, so a retry
 * or a later request lands on the same chat user (and Flex hands back the same active channel).
 */
export function customerChatIdentity(customer: PhoneNumber): string {
  return customer.e164;
}

/**
 * The unique name a request gives the channel it makes: deterministic, so crash recovery finds a channel whose step
 * the journal never heard of (ResolveInFlight), as conversationUniqueName does in Conversations mode.
 */
export function flexChannelUniqueName(requestId: string): string {
  return `outbound-sms-${requestId}`;
}

export interface OpenChannelRequest {
  flexFlow: FlexFlow;
  fromNumber: PhoneNumber;
  toNumber: PhoneNumber;
  toName: string;
  /** Task flows: the attributes of the task Flex creates with the channel. */
  taskAttributes?: Record<string, unknown>;
}

export interface OpenedChannel {
  channel: FlexChannel;
  chatServiceSid: string;
  identity: string;
  /** False when Flex handed back the customer's existing active channel. */
  created: boolean;
}

/** Creates the conversation's chat channel through the Flex API, or gets the customer's active one back. */
export function openChannel(
  deps: Pick<OutboundSmsDependencies, 'chatChannels' | 'retrier' | 'clock'>,
  steps: StepRecorder,
  request: OpenChannelRequest,
): Promise<OpenedChannel> {
  return steps.run<OpenedChannel>('channel', async () => {
    const { flexFlow, toNumber, toName } = request;
    const identity = customerChatIdentity(toNumber);
    const startedAt = deps.clock.now();
    // Flex returns the customer's existing active channel instead of making a second one, so a repeat is safe.
    const channel = await deps.retrier.run(
      'create Flex chat channel',
      () =>
        deps.chatChannels.createFlexChannel({
          flexFlowSid: flexFlow.sid,
          identity,
          target: toNumber.e164,
          chatUserFriendlyName: toName,
          chatFriendlyName: `SMS ${toNumber.e164}`,
          taskAttributes: request.taskAttributes,
          // A parameter of the same request: it costs the send path nothing, and a retry carries the same name.
          chatUniqueName: flexChannelUniqueName(steps.requestId),
        }),
      IDEMPOTENT,
    );
    const sids: Record<string, string> = { channelSid: channel.sid, chatServiceSid: flexFlow.chatServiceSid };
    if (channel.taskSid) sids.taskSid = channel.taskSid;
    if (flexFlow.integration.workspaceSid) sids.workspaceSid = flexFlow.integration.workspaceSid;
    const opened = (created: boolean): OpenedChannel => ({ channel, chatServiceSid: flexFlow.chatServiceSid, identity, created });
    // Dated before the request's time window, it existed already. Within it, it may still be a channel an earlier
    // request made a moment ago: the journal tells, as it records the step.
    if (channel.dateCreated.getTime() < startedAt - CHANNEL_CREATION_TOLERANCE_MS) return { value: opened(false), outcome: 'reused', sids };
    return { value: (outcome) => opened(outcome === 'created'), claims: 'channelSid', sids };
  });
}
