import { DomainError } from '../errors';
import type { FlexFlowIntegrationType } from '../ports/flex-flow.port';
import type { OutboundRequestRecord, UndoneRecord } from '../ports/journal.port';
import type { ChatMessage } from '../ports/message.port';
import { pairLockKey } from '../ports/pair-lock.port';
import type { PhoneNumber } from '../value-objects/phone-number.value-object';
import { openChannel } from './open-channel.step';
import type { OutboundSmsDependencies } from './outbound-dependencies';
import type { OutboundSmsResult } from './outbound-sms.result';
import { postMessage } from './post-message.step';
import { resolveFlexFlow } from './resolve-flex-flow.step';
import { StepRecorder, toErrorRecord } from './step-recorder';
import { tieProxySession } from './tie-proxy-session.step';
import { executeUndo, planUndo } from './undo';
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
  record: OutboundRequestRecord;
}

/**
 * The outbound conversation: Flex Flow → channel → (session ∥ channel fetch) → (attribute write ∥ message).
 * With a warm Flex Flow cache that is three sequential Twilio round trips, two when the attribute write is deferred
 * and there is no message; none of it lists sessions, channels or flows. Requests for one pair run one at a time;
 * the journal sees the request before Twilio does; a failure undoes what this request created.
 */
export async function runOutboundConversation(deps: OutboundSmsDependencies, plan: OutboundConversationPlan): Promise<OutboundSmsResult> {
  const result = await deps.pairLock.withLock(pairLockKey(plan.fromNumber.e164, plan.toNumber.e164), async () => {
    // Begun under the lock, so ResolveInFlight (which takes the same lock) never mistakes a live request for a crashed one.
    const requestId = await deps.journal.begin(plan.record, new Date(deps.clock.now()));
    const steps = new StepRecorder(deps.journal, requestId, deps.clock);
    try {
      const succeeded = await converse(deps, steps, plan);
      await deps.journal.finish(requestId, { status: 'succeeded', finishedAt: new Date(deps.clock.now()), result: { ...succeeded } });
      return succeeded;
    } catch (error) {
      const undone = await executeUndo(deps, planUndo(steps.steps), `Outbound SMS request ${requestId} failed`);
      await deps.journal.finish(requestId, {
        status: undone.length > 0 ? 'rolled_back' : 'failed',
        finishedAt: new Date(deps.clock.now()),
        error: toErrorRecord(error),
        undone,
      });
      throw annotated(error, requestId, undone);
    }
  });
  if (result.pendingSteps.length > 0) deps.scheduleFollowUp?.(result.id);
  return result;
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
    await deps.journal.recordPendingStep(steps.requestId, { name: 'channel-attributes', payload: { ...attributeRequest }, recordedAt: new Date(deps.clock.now()) });
    message = await sendMessage();
  } else {
    [, message] = await allSettledOrThrow([writeProxySessionAttribute(deps, steps, attributeRequest, fetchedChannel), sendMessage()] as const);
  }

  return {
    id: steps.requestId,
    status: 'succeeded',
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

/**
 * Waits for every branch before failing: a rollback must see every step that ran, including the one still in
 * flight when its sibling failed.
 */
async function allSettledOrThrow<T extends readonly unknown[]>(promises: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(promises as readonly Promise<unknown>[]);
  const failure = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** The caller learns which request failed and what was undone, without losing the error's own code. */
function annotated(error: unknown, requestId: string, undone: UndoneRecord[]): unknown {
  if (error instanceof DomainError) Object.assign(error.details, { requestId, undone });
  return error;
}
