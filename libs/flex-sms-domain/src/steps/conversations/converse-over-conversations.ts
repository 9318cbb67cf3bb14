import { FlexFlowNotFound, InvalidFlexFlowSettings, InvalidInput, ResourceNotFound } from '../../errors';
import type { Conversation, ConversationMessage } from '../../ports/conversation.port';
import type { FlexFlow } from '../../ports/flex-flow.port';
import { IDEMPOTENT } from '../../retry/twilio-retrier';
import { allSettledOrThrow } from '../all-settled-or-throw';
import type { OutboundSmsDependencies } from '../../outbound/outbound-dependencies';
import type { OutboundSmsResult } from '../../outbound/outbound-sms.result';
import { resolveFlexFlow } from '../resolve-flex-flow.step';
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
export async function converseOverConversations(deps: OutboundSmsDependencies, steps: StepRecorder, plan: OutboundConversationPlan): Promise<OutboundSmsResult> {
  const flexFlow = await resolveFlexFlow(deps, steps, plan.fromNumber, plan.integrationType);
  const author = plan.record.caller;
  if (plan.integrationType === 'task') {
    const { interaction, conversationCreated } = await openSmsInteraction(deps, steps, {
      flexFlow,
      fromNumber: plan.fromNumber,
      toNumber: plan.toNumber,
      taskAttributes: plan.taskAttributes ?? {},
      targetWorkerSid: plan.targetWorkerSid,
    });
    const [conversation, message] = await allSettledOrThrow([
      fetchConversation(deps, interaction.conversationSid),
      plan.message ? postConversationMessage(deps, steps, { conversationSid: interaction.conversationSid, body: plan.message, author }) : Promise.resolve(undefined),
    ] as const);
    return {
      ...resultOf(steps, plan, flexFlow, conversation, !conversationCreated, message),
      interaction: { sid: interaction.sid, channelSid: interaction.channelSid },
      task: { sid: interaction.taskSid, workspaceSid: interaction.workspaceSid },
    };
  }

  // SendSystemSms has checked it; a conversation with nothing to say must not be opened.
  if (!plan.message) throw new InvalidInput('messageBody', 'is required');
  const studioFlowSid = flexFlow.integration.flowSid;
  if (!studioFlowSid) throw new InvalidFlexFlowSettings([{ field: 'integration.flowSid', message: `Studio Flex Flow ${flexFlow.sid} names no Studio flow to take the replies` }]);
  const opened = await openSmsConversation(deps, steps, {
    fromNumber: plan.fromNumber,
    toNumber: plan.toNumber,
    toName: plan.toName,
    studioFlowSid,
    workspaceSid: () => taskWorkspaceOf(deps, plan),
  });
  const message = await postConversationMessage(deps, steps, { conversationSid: opened.conversation.sid, body: plan.message, author });
  return resultOf(steps, plan, flexFlow, opened.conversation, !opened.created, message);
}

function fetchConversation(deps: OutboundSmsDependencies, conversationSid: string): Promise<Conversation> {
  return deps.retrier.run('fetch Conversation', async () => {
    const conversation = await deps.conversations.fetchConversation(conversationSid);
    // Flex created it a moment ago; a miss means Twilio lost it, which the caller must hear about.
    if (!conversation) throw new ResourceNotFound('Conversation', conversationSid);
    return conversation;
  }, IDEMPOTENT);
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
  flexFlow: FlexFlow,
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
    flexFlow: { sid: flexFlow.sid, friendlyName: flexFlow.friendlyName, integrationType: flexFlow.integrationType, enabled: flexFlow.enabled, chatServiceSid: flexFlow.chatServiceSid },
    channel: { sid: conversation.sid, chatServiceSid: conversation.chatServiceSid, identity: plan.toNumber.e164, userSid: null, dateCreated },
    conversation: { sid: conversation.sid, chatServiceSid: conversation.chatServiceSid, state: conversation.state, dateCreated },
    ...(message ? { message: { sid: message.sid, body: message.body, index: message.index, dateCreated: message.dateCreated.toISOString() } } : {}),
    pendingSteps: [],
  };
}
