import type { Task } from './task.port';

/**
 * `POST flex-api /v1/Interactions` for an agent-initiated SMS: Flex creates (or, with `mediaConversationSid`, reuses)
 * the conversation, adds the customer, and creates the task that offers it to an agent.
 */
export interface CreateSmsInteractionRequest {
  /** The Interaction channel type: `sms` or `whatsapp`. */
  channelType: 'sms' | 'whatsapp';
  /** The customer's address (E.164, or whatsapp:+E.164). */
  address: string;
  /** The Twilio number's address on the channel. */
  proxyAddress: string;
  /** An existing conversation to put the interaction on (its SMS participant already there). */
  mediaConversationSid?: string;
  routing: {
    workspaceSid: string;
    workflowSid: string;
    /** Flex routes SMS conversations on the `chat` task channel. */
    taskChannelUniqueName: string;
    workerSid?: string;
    attributes: Record<string, unknown>;
  };
}

export interface SmsInteraction {
  /** KD… */
  sid: string;
  /** The interaction channel (UO…). */
  channelSid: string;
  /** The conversation behind the channel (CH…). */
  conversationSid: string;
  /** The task Flex created (WT…). */
  taskSid: string;
  workspaceSid: string;
}

export interface InteractionPort {
  /** Not idempotent: a repeat makes a second task (or fails with the pair bound by the first). */
  createSmsInteraction(request: CreateSmsInteractionRequest): Promise<SmsInteraction>;
  /**
   * The tasks of the workspace still offered to or held by an agent (pending, reserved, assigned, wrapping) whose
   * attributes name this conversation (`conversationSid`, as Flex writes it).
   */
  listOpenTasksOfConversation(workspaceSid: string, conversationSid: string): Promise<Task[]>;
  /**
   * Closes the interaction's channel (`Status` closed, its tasks `Routing.status` closed), so Flex holds no open
   * interaction for a conversation that is going away. False when the interaction or its channel no longer exists.
   */
  closeInteractionChannel(interactionSid: string, interactionChannelSid: string): Promise<boolean>;
}
