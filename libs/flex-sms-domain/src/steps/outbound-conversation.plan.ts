import type { FlexFlowIntegrationType } from '../ports/flex-flow.port';
import type { OutboundRequestKind, OutboundRequestRecord } from '../ports/journal.port';
import type { OutboundChannel } from '../outbound/outbound-channel';
import type { OutboundContentRequest } from '../outbound/outbound-message';
import type { PhoneNumber } from '../value-objects/phone-number.value-object';

/**
 * The Flex Flow each kind of request goes through: an agent's conversation needs a task, a fire-and-forget SMS does
 * not. Crash recovery reads it too, to find the chat service of a channel the journal never heard of.
 */
export const FLEX_FLOW_OF_REQUEST: Record<OutboundRequestKind, OutboundConversationPlan['integrationType']> = {
  agent_sms: 'task',
  system_sms: 'studio',
};

/** Where the two outbound flows differ; everything else is shared. */
export interface OutboundConversationPlan {
  integrationType: Extract<FlexFlowIntegrationType, 'task' | 'studio'>;
  fromNumber: PhoneNumber;
  toNumber: PhoneNumber;
  toName: string;
  /** Task flow: the attributes of the task Flex creates. */
  taskAttributes?: Record<string, unknown>;
  /** `whatsapp` goes through Flex Conversations only, with `whatsapp:` addresses. */
  channel: OutboundChannel;
  /** Free text posted to the channel (relayed by Proxy as SMS in Chat + Proxy mode). */
  message?: string;
  /** A Content template instead of `message`: sent as the template in Conversations, as its text through Chat + Proxy. */
  content?: OutboundContentRequest;
  /**
   * Write the channel's `proxySession` attribute after answering: journaled as a pending step before the answer,
   * so a crash cannot lose it. Takes one Twilio round trip off the response path.
   */
  deferChannelAttributes: boolean;
  /** Agent flow: a worker to route the task to (conversations mode sends it as the Interaction's `worker_sid`). */
  targetWorkerSid?: string;
  record: OutboundRequestRecord;
}
