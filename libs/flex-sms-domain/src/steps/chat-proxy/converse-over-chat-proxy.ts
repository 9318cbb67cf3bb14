import type { ChatMessage } from '../../ports/message.port';
import type { OutboundSmsDependencies } from '../../outbound/outbound-dependencies';
import type { OutboundSmsResult } from '../../outbound/outbound-sms.result';
import type { StepRecorder } from '../../outbound/step-recorder';
import { allSettledOrThrow } from '../all-settled-or-throw';
import type { OutboundConversationPlan } from '../outbound-conversation.plan';
import { resolveFlexFlow } from '../resolve-flex-flow.step';
import { openChannel } from './open-channel.step';
import { postMessage } from './post-message.step';
import { tieProxySession } from './tie-proxy-session.step';
import { fetchChannelForAttributes, writeProxySessionAttribute } from './write-proxy-session-attribute.step';

/**
 * The outbound conversation of a number in Chat + Proxy mode: Flex Flow → channel → (session ∥ channel fetch) →
 * (attribute write ∥ message). With a warm Flex Flow cache that is three sequential Twilio round trips, two when the
 * attribute write is deferred and there is no message; none of it lists sessions, channels or flows.
 */
export async function converseOverChatProxy(
  deps: OutboundSmsDependencies,
  steps: StepRecorder,
  plan: OutboundConversationPlan,
): Promise<OutboundSmsResult> {
  const { fromNumber, toNumber, toName } = plan;
  const flexFlow = await resolveFlexFlow(deps, steps, fromNumber, plan.integrationType);
  const opened = await openChannel(deps, steps, { flexFlow, fromNumber, toNumber, toName, taskAttributes: plan.taskAttributes });
  const { chatServiceSid, channel } = opened;

  const [tied, fetchedChannel] = await allSettledOrThrow([
    tieProxySession(deps, steps, {
      chatServiceSid,
      channelSid: channel.sid,
      channelCreated: opened.created,
      identity: opened.identity,
      fromNumber,
      toNumber,
      toName,
    }),
    plan.deferChannelAttributes ? Promise.resolve(undefined) : fetchChannelForAttributes(deps, chatServiceSid, channel.sid),
  ] as const);

  const attributeRequest = { chatServiceSid, channelSid: channel.sid, sessionSid: tied.session.sid };
  const sendMessage = (): Promise<ChatMessage | undefined> =>
    plan.message
      ? postMessage(deps, steps, { chatServiceSid, channelSid: channel.sid, body: plan.message, requestId: steps.requestId })
      : Promise.resolve(undefined);

  let message: ChatMessage | undefined;
  if (plan.deferChannelAttributes) {
    steps.recordPending({ name: 'channel-attributes', payload: { ...attributeRequest }, recordedAt: new Date(deps.clock.now()) });
    message = await sendMessage();
  } else {
    [, message] = await allSettledOrThrow([writeProxySessionAttribute(deps, steps, attributeRequest, fetchedChannel), sendMessage()] as const);
  }

  return {
    id: steps.requestId,
    status: 'succeeded',
    mode: 'chat-proxy',
    reused: { channel: !opened.created, session: tied.reused },
    channelType: 'sms',
    flexFlow: {
      sid: flexFlow.sid,
      friendlyName: flexFlow.friendlyName,
      integrationType: flexFlow.integrationType,
      enabled: flexFlow.enabled,
      chatServiceSid: flexFlow.chatServiceSid,
    },
    channel: {
      sid: channel.sid,
      chatServiceSid,
      identity: opened.identity,
      userSid: channel.userSid,
      dateCreated: channel.dateCreated.toISOString(),
    },
    proxySession: { sid: tied.session.sid, uniqueName: tied.session.uniqueName, status: tied.session.status, mode: tied.session.mode },
    ...(channel.taskSid ? { task: { sid: channel.taskSid, workspaceSid: flexFlow.integration.workspaceSid ?? null } } : {}),
    ...(message ? { message: { sid: message.sid, body: message.body, index: message.index, dateCreated: message.dateCreated.toISOString() } } : {}),
    pendingSteps: plan.deferChannelAttributes ? ['channel-attributes'] : [],
  };
}
