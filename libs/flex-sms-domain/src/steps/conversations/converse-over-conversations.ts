import {
  FlexFlowNotFound,
  InvalidFlexFlowSettings,
  InvalidInput,
  ResourceNotFound,
  TwilioRequestFailed,
  WhatsAppTemplateRequired,
} from '../../errors';
import { channelAddress } from '../../outbound/outbound-channel';
import { selectFlexFlow } from '../../flex-flows/select-flex-flow';
import { TWILIO_OUTSIDE_WINDOW } from '../../outbound/outbound-message';
import type { Conversation, ConversationMessage } from '../../ports/conversation.port';
import type { FlexFlow } from '../../ports/flex-flow.port';
import { IDEMPOTENT } from '../../retry/twilio-retrier';
import { allSettledOrThrow } from '../all-settled-or-throw';
import type { OutboundSmsDependencies } from '../../outbound/outbound-dependencies';
import type { OutboundSmsResult } from '../../outbound/outbound-sms.result';
import type { OutboundConversationPlan } from '../outbound-conversation.plan';
import type { StepRecorder } from '../../outbound/step-recorder';
import { openSmsConversation } from './open-sms-conversation.step';
import { openSmsInteraction } from './open-sms-interaction.step';
import { postConversationMessage } from './post-conversation-message.step';

/**
 * The outbound conversation of a number in Flex Conversations mode, with a warm Flex Flow cache:
 * - agent flow: Interaction (conversation + customer + task) → (message ∥ conversation fetch): two round trips;
 * - fire-and-forget: Conversation → (customer ∥ Studio webhook) → message: three.
 * The Flex Flows still say where things go: the Task flow's workspace and workflow route the interaction, the Studio
 * flow takes the replies.
 */
export async function converseOverConversations(
  deps: OutboundSmsDependencies,
  steps: StepRecorder,
  plan: OutboundConversationPlan,
): Promise<OutboundSmsResult> {
  const routing = await resolveConversationsRouting(deps, steps, plan);
  const { flexFlow } = routing;
  if (plan.integrationType === 'task') {
    const { interaction, conversationCreated } = await openSmsInteraction(deps, steps, {
      routing,
      channel: plan.channel,
      fromNumber: plan.fromNumber,
      toNumber: plan.toNumber,
      taskAttributes: plan.taskAttributes ?? {},
      targetWorkerSid: plan.targetWorkerSid,
    });
    const [conversation, message] = await allSettledOrThrow([
      fetchConversation(deps, interaction.conversationSid),
      plan.message || plan.content ? postFirstMessage(deps, steps, plan, interaction.conversationSid) : Promise.resolve(undefined),
    ] as const);
    return {
      ...resultOf(steps, plan, flexFlow, conversation, !conversationCreated, message),
      interaction: { sid: interaction.sid, channelSid: interaction.channelSid },
      task: { sid: interaction.taskSid, workspaceSid: interaction.workspaceSid },
    };
  }

  // SendSystemSms has checked it; a conversation with nothing to say must not be opened.
  if (!plan.message && !plan.content) throw new InvalidInput('messageBody', 'is required');
  const studioFlowSid = routing.studioFlowSid;
  if (!studioFlowSid) {
    throw new InvalidFlexFlowSettings([
      {
        field: 'integration.flowSid',
        message: `${flexFlow ? `Studio Flex Flow ${flexFlow.sid}` : `the ${plan.channel} Address Configuration of ${plan.fromNumber.e164}`} names no Studio flow to take the replies`,
      },
    ]);
  }
  const opened = await openSmsConversation(deps, steps, {
    channel: plan.channel,
    fromNumber: plan.fromNumber,
    toNumber: plan.toNumber,
    toName: plan.toName,
    studioFlowSid,
    workspaceSid: () =>
      flexFlow
        ? taskWorkspaceOf(deps, plan)
        : deps.senderModes.flexWorkspaceRouting().then(
            (found) => found.workspaceSid,
            () => undefined,
          ),
  });
  const message = await postFirstMessage(deps, steps, plan, opened.conversation.sid);
  return resultOf(steps, plan, flexFlow, opened.conversation, !opened.created, message);
}

/** Where Flex takes the conversation: the number's Flex Flow, or for a number without one, its Address Configuration and Flex's workspace. */
export interface ConversationsRouting {
  flexFlow: FlexFlow | null;
  workspaceSid?: string;
  workflowSid?: string;
  studioFlowSid?: string;
}

/**
 * A Flex UI 2.x number usually has no Flex Flow: its Conversations Address Configuration (the channel's) names the
 * Studio flow that takes replies, and Flex's own workspace and workflow route the agent's task.
 */
function resolveConversationsRouting(
  deps: OutboundSmsDependencies,
  steps: StepRecorder,
  plan: OutboundConversationPlan,
): Promise<ConversationsRouting> {
  return steps.run<ConversationsRouting>('flex-flow', async () => {
    try {
      // A number without Flex Flows is routed by its Address Configuration as soon as the cached list says so; only a
      // number with neither makes the directory re-read the list (a flow created a moment ago).
      const flexFlow = await findFlexFlow(deps, plan);
      const { workspaceSid, workflowSid, flowSid } = flexFlow.integration;
      const sids: Record<string, string> = { flexFlowSid: flexFlow.sid, chatServiceSid: flexFlow.chatServiceSid };
      if (workspaceSid) sids.workspaceSid = workspaceSid;
      return {
        value: { flexFlow, workspaceSid, workflowSid, studioFlowSid: flowSid },
        outcome: 'resolved',
        sids,
        data: { enabled: flexFlow.enabled, integrationType: plan.integrationType },
      };
    } catch (error) {
      if (!(error instanceof FlexFlowNotFound)) throw error;
      const configuration = (await deps.senderModes.addressConfigurationsOf(plan.fromNumber)).find(
        (candidate) => candidate.type === plan.channel && candidate.autoCreationEnabled,
      );
      if (!configuration) throw error;
      const sids: Record<string, string> = { addressConfigurationSid: configuration.sid };
      if (plan.integrationType === 'studio') {
        if (configuration.studioFlowSid) sids.studioFlowSid = configuration.studioFlowSid;
        return {
          value: { flexFlow: null, studioFlowSid: configuration.studioFlowSid ?? undefined },
          outcome: 'resolved',
          sids,
          data: { integrationType: plan.integrationType, source: 'address-configuration' },
        };
      }
      const { workspaceSid, workflowSid } = await deps.senderModes.flexWorkspaceRouting();
      return {
        value: { flexFlow: null, workspaceSid, workflowSid },
        outcome: 'resolved',
        sids: { ...sids, workspaceSid, workflowSid },
        data: { integrationType: plan.integrationType, source: 'address-configuration' },
      };
    }
  });
}

async function findFlexFlow(deps: OutboundSmsDependencies, plan: OutboundConversationPlan): Promise<FlexFlow> {
  try {
    return selectFlexFlow(await deps.flexFlowDirectory.list(), plan.fromNumber, plan.integrationType);
  } catch (error) {
    if (!(error instanceof FlexFlowNotFound)) throw error;
    const routedByAddress = (await deps.senderModes.addressConfigurationsOf(plan.fromNumber)).some(
      (candidate) => candidate.type === plan.channel && candidate.autoCreationEnabled,
    );
    if (routedByAddress) throw error;
    return deps.flexFlowDirectory.find(plan.fromNumber, plan.integrationType);
  }
}

/** The first message, free text or template; WhatsApp's 63016 (outside the window) is told as such. */
async function postFirstMessage(
  deps: OutboundSmsDependencies,
  steps: StepRecorder,
  plan: OutboundConversationPlan,
  conversationSid: string,
): Promise<ConversationMessage> {
  const author = plan.record.caller;
  try {
    return await postConversationMessage(deps, steps, {
      conversationSid,
      author,
      ...(plan.content ? { content: { contentSid: plan.content.contentSid, variables: plan.content.variables } } : { body: plan.message }),
    });
  } catch (error) {
    if (error instanceof TwilioRequestFailed && error.twilioCode === TWILIO_OUTSIDE_WINDOW) {
      throw new WhatsAppTemplateRequired(
        channelAddress(plan.channel, plan.toNumber),
        channelAddress(plan.channel, plan.fromNumber),
        null,
        TWILIO_OUTSIDE_WINDOW,
      );
    }
    throw error;
  }
}

function fetchConversation(deps: OutboundSmsDependencies, conversationSid: string): Promise<Conversation> {
  return deps.retrier.run(
    'fetch Conversation',
    async () => {
      const conversation = await deps.conversations.fetchConversation(conversationSid);
      // Flex created it a moment ago; a miss means Twilio lost it, which the caller must hear about.
      if (!conversation) throw new ResourceNotFound('Conversation', conversationSid);
      return conversation;
    },
    IDEMPOTENT,
  );
}

/** The number's Task Flex Flow workspace, where an agent's task on the customer's conversation would be (cached). */
async function taskWorkspaceOf(deps: OutboundSmsDependencies, plan: OutboundConversationPlan): Promise<string | undefined> {
  try {
    return (await deps.flexFlowDirectory.find(plan.fromNumber, 'task')).integration.workspaceSid;
  } catch (error) {
    if (error instanceof FlexFlowNotFound) return undefined;
    throw error;
  }
}

function resultOf(
  steps: StepRecorder,
  plan: OutboundConversationPlan,
  flexFlow: FlexFlow | null,
  conversation: Conversation,
  reused: boolean,
  message: ConversationMessage | undefined,
): OutboundSmsResult {
  const dateCreated = conversation.dateCreated.toISOString();
  return {
    id: steps.requestId,
    status: 'succeeded',
    mode: 'conversations',
    reused: { channel: reused, session: false, conversation: reused },
    channelType: plan.channel,
    flexFlow: flexFlow
      ? {
          sid: flexFlow.sid,
          friendlyName: flexFlow.friendlyName,
          integrationType: flexFlow.integrationType,
          enabled: flexFlow.enabled,
          chatServiceSid: flexFlow.chatServiceSid,
        }
      : null,
    channel: { sid: conversation.sid, chatServiceSid: conversation.chatServiceSid, identity: plan.toNumber.e164, userSid: null, dateCreated },
    conversation: { sid: conversation.sid, chatServiceSid: conversation.chatServiceSid, state: conversation.state, dateCreated },
    ...(message
      ? {
          message: {
            sid: message.sid,
            body: message.body || (plan.content?.body ?? ''),
            index: message.index,
            dateCreated: message.dateCreated.toISOString(),
            ...(plan.content ? { contentSid: plan.content.contentSid } : {}),
          },
        }
      : {}),
    pendingSteps: [],
  };
}
