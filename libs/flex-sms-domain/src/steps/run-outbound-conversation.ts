import type { FlexFlowIntegrationType } from '../ports/flex-flow.port';
import type { OutboundRequestRecord } from '../ports/journal.port';
import type { ChatMessage } from '../ports/message.port';
import type { PhoneNumber } from '../value-objects/phone-number.value-object';
import { openChannel } from './open-channel.step';
import type { OutboundSmsDependencies } from './outbound-dependencies';
import type { OutboundSmsResult } from './outbound-sms.result';
import { postMessage } from './post-message.step';
import { resolveFlexFlow } from './resolve-flex-flow.step';
import { allSettledOrThrow } from './all-settled-or-throw';
import { converseOverConversations } from './conversations/converse-over-conversations';
import { runJournaledRequest } from './journaled-request';
import type { StepRecorder } from './step-recorder';
import { tieProxySession } from './tie-proxy-session.step';
import { fetchChannelForAttributes, writeProxySessionAttribute } from './write-proxy-session-attribute.step';

/** Where the two outbound flows differ; everything else is shared. */
export interface OutboundConversationPlan {
  integrationType: Extract<FlexFlowIntegrationType, 'task' | 'studio'>;
  fromNumber: PhoneNumber;
  toNumber: PhoneNumber;
  toName: string;
  /** Task flow: the attributes of the task Flex creates. */
  taskAttributes?: Record<string, unknown>;
  /** Posted to the channel, relayed by Proxy as SMS. */
  message?: string;
  /**
   * Write the channel's `proxySession` attribute after answering: journaled as a pending step before the answer,
   * so a crash cannot lose it. Takes one Twilio round trip off the response path.
   */
  deferChannelAttributes: boolean;
  /** Agent flow: a worker to route the task to (conversations mode sends it as the Interaction's `worker_sid`). */
  targetWorkerSid?: string;
  record: OutboundRequestRecord;
}

/**
 * The outbound conversation. Legacy mode: Flex Flow → channel → (session ∥ channel fetch) → (attribute write ∥
 * message). With a warm Flex Flow cache that is three sequential Twilio round trips, two when the attribute write is
 * deferred and there is no message; none of it lists sessions, channels or flows. A number in conversations mode
 * takes the Conversations + Interactions path instead, under the same journal, pair lock and undo.
 */
export function runOutboundConversation(deps: OutboundSmsDependencies, plan: OutboundConversationPlan): Promise<OutboundSmsResult> {
  if (deps.outboundMode(plan.fromNumber) === 'conversations') {
    const record = { ...plan.record, input: { ...plan.record.input, mode: 'conversations' } };
    return runJournaledRequest(deps, record, (steps) => converseOverConversations(deps, steps, plan));
  }
  return runJournaledRequest(deps, plan.record, (steps) => converse(deps, steps, plan));
}

async function converse(deps: OutboundSmsDependencies, steps: StepRecorder, plan: OutboundConversationPlan): Promise<OutboundSmsResult> {
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
    plan.message ? postMessage(deps, steps, { chatServiceSid, channelSid: channel.sid, body: plan.message, requestId: steps.requestId }) : Promise.resolve(undefined);

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
    mode: 'legacy',
    reused: { channel: !opened.created, session: tied.reused },
    flexFlow: {
      sid: flexFlow.sid,
      friendlyName: flexFlow.friendlyName,
      integrationType: flexFlow.integrationType,
      enabled: flexFlow.enabled,
      chatServiceSid: flexFlow.chatServiceSid,
    },
    channel: { sid: channel.sid, chatServiceSid, identity: opened.identity, userSid: channel.userSid, dateCreated: channel.dateCreated.toISOString() },
    proxySession: { sid: tied.session.sid, uniqueName: tied.session.uniqueName, status: tied.session.status, mode: tied.session.mode },
    ...(channel.taskSid ? { task: { sid: channel.taskSid, workspaceSid: flexFlow.integration.workspaceSid ?? null } } : {}),
    ...(message ? { message: { sid: message.sid, body: message.body, index: message.index, dateCreated: message.dateCreated.toISOString() } } : {}),
    pendingSteps: plan.deferChannelAttributes ? ['channel-attributes'] : [],
  };
}
