import type { PhoneNumber } from '../value-objects/phone-number.value-object';

/**
 * How a Twilio number starts outbound conversations. `chat-proxy`: Programmable Chat channel + Proxy Session (Flex UI 1.x,
 * Flex Flows). `conversations`: Conversations + the Flex Interactions API (Flex UI 2.x; Twilio ends Programmable Chat
 * for Flex and closes Proxy to new customers). One account can hold numbers of both kinds while it migrates.
 */
export type OutboundMode = 'chat-proxy' | 'conversations';

export interface OutboundModePolicy {
  /** The account's default. */
  defaultMode: OutboundMode;
  /** Numbers (E.164) in conversations mode whatever the default. */
  conversationsNumbers: readonly string[];
  /**
   * Find each number's mode from the account (its Conversations Address Configuration, or its Flex Flows) instead of
   * taking `defaultMode` for every number: what a deployment without OUTBOUND_MODE does. CONVERSATIONS_NUMBERS still wins.
   */
  detect?: boolean;
}

export const CHAT_PROXY_ONLY: OutboundModePolicy = { defaultMode: 'chat-proxy', conversationsNumbers: [] };

/** The mode the settings alone give a number (no look at the account). */
export function outboundModeOf(policy: OutboundModePolicy, fromNumber: PhoneNumber): OutboundMode {
  return policy.conversationsNumbers.includes(fromNumber.e164) ? 'conversations' : policy.defaultMode;
}
