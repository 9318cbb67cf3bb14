import type { OutboundMessageFields } from '../../outbound/outbound-message';

/** An agent (or a CRM, or a Studio flow on the customer's behalf) starts an SMS conversation that becomes a Flex task. */
export interface InitiateAgentSmsCommand extends OutboundMessageFields {
  /** The Twilio number the conversation uses; it needs an `sms` Task Flex Flow. */
  fromNumber: string;
  /** The customer's name, shown on the task and in the chat. */
  toName: string;
  /** The customer's mobile number. */
  toNumber: string;
  /** A prior chat (e.g. the Studio conversation this one continues), for the agent's context. */
  sourceChatChannelSid?: string;
  /** A worker to route the task to (the workflow decides how to use it). */
  targetWorkerSid?: string;
  /** Sent to the customer straight away. */
  initialMessage?: string;
  /** Extra task attributes for routing; the outbound fields (to, from, name, direction…) always win. */
  taskAttributes?: Record<string, unknown>;
  /** Who asked (for the journal). */
  caller: string;
  idempotencyKey?: string;
  /** Where to report the request's changes instead of the caller's API key's callback URL (system callbacks). */
  statusCallbackUrl?: string;
}
