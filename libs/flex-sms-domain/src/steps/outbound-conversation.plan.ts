import type { FlexFlowIntegrationType } from '../ports/flex-flow.port';
import type { OutboundRequestRecord } from '../ports/journal.port';
import type { PhoneNumber } from '../value-objects/phone-number.value-object';

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
