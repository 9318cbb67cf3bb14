import { ConversationAddressInUse, InvalidFlexFlowSettings } from '../../errors';
import { channelAddress, type OutboundChannel } from '../../outbound/outbound-channel';
import type { CreateSmsInteractionRequest, SmsInteraction } from '../../ports/interaction.port';
import type { PhoneNumber } from '../../value-objects/phone-number.value-object';
import type { OutboundSmsDependencies } from '../../outbound/outbound-dependencies';
import type { StepRecorder } from '../../outbound/step-recorder';
import { reusableConversation } from './resolve-conversation-conflict';

/** Flex routes SMS conversations on the `chat` TaskChannel (Flex UI 2.x). */
export const CONVERSATIONS_TASK_CHANNEL = 'chat';

export interface OpenSmsInteractionRequest {
  /** Where Flex creates the task: the number's Task Flex Flow's workspace and workflow, or Flex's own. */
  routing: { flexFlow: { sid: string } | null; workspaceSid?: string; workflowSid?: string };
  channel: OutboundChannel;
  fromNumber: PhoneNumber;
  toNumber: PhoneNumber;
  taskAttributes: Record<string, unknown>;
  targetWorkerSid?: string;
}

export interface OpenedInteraction {
  interaction: SmsInteraction;
  /** False when the customer's existing conversation (held by no task) was put under the new interaction. */
  conversationCreated: boolean;
}

type Deps = Pick<OutboundSmsDependencies, 'interactions' | 'conversations' | 'retrier'>;

/**
 * `POST /v1/Interactions` initiated by the agent: Flex makes the conversation with the customer in it and the task
 * that offers it to an agent. When the customer's pair is already in an active conversation that no task holds, the
 * interaction is created on that conversation instead (no second thread, no orphan).
 */
export function openSmsInteraction(deps: Deps, steps: StepRecorder, request: OpenSmsInteractionRequest): Promise<OpenedInteraction> {
  return steps.run('interaction', async () => {
    const opened = await open(deps, request);
    const { interaction } = opened;
    return {
      value: opened,
      outcome: 'created',
      sids: {
        interactionSid: interaction.sid,
        interactionChannelSid: interaction.channelSid,
        conversationSid: interaction.conversationSid,
        taskSid: interaction.taskSid,
        workspaceSid: interaction.workspaceSid,
      },
      data: { conversationCreated: opened.conversationCreated },
    };
  });
}

async function open(deps: Deps, request: OpenSmsInteractionRequest): Promise<OpenedInteraction> {
  const { workspaceSid, workflowSid, flexFlow } = request.routing;
  if (!workspaceSid || !workflowSid) {
    throw new InvalidFlexFlowSettings([
      { field: 'integration', message: `Task Flex Flow ${flexFlow?.sid ?? ''} names no workspace and workflow to route the interaction with` },
    ]);
  }
  const base: CreateSmsInteractionRequest = {
    channelType: request.channel,
    address: channelAddress(request.channel, request.toNumber),
    proxyAddress: channelAddress(request.channel, request.fromNumber),
    routing: {
      workspaceSid,
      workflowSid,
      taskChannelUniqueName: CONVERSATIONS_TASK_CHANNEL,
      ...(request.targetWorkerSid ? { workerSid: request.targetWorkerSid } : {}),
      attributes: request.taskAttributes,
    },
  };
  // `once`: a repeat after an ambiguous failure would make a second task, or meet the pair the first attempt bound.
  const create = (input: CreateSmsInteractionRequest) =>
    deps.retrier.run('create Flex Interaction', () => deps.interactions.createSmsInteraction(input), { kind: 'once' });
  try {
    return { interaction: await create(base), conversationCreated: true };
  } catch (error) {
    if (!(error instanceof ConversationAddressInUse)) throw error;
    const holder = await reusableConversation(
      deps,
      { fromNumber: request.fromNumber, toNumber: request.toNumber, workspaceSid: async () => workspaceSid },
      error,
    );
    return { interaction: await create({ ...base, mediaConversationSid: holder.sid }), conversationCreated: false };
  }
}
