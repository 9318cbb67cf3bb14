// The two stacks the browser tests run against: the API in chat-proxy mode (Programmable Chat + Proxy) and in Flex
// Conversations mode (Conversations + Interactions), each with its own sandbox and console (playwright.config.ts).
// A test the console must pass the same way in both modes carries BOTH_MODES and reads `deployment.mode` where
// Twilio's words differ; a test of conversations mode alone carries CONVERSATIONS_MODE_ONLY.

export type OutboundMode = 'chat-proxy' | 'conversations';

export interface Deployment {
  mode: OutboundMode;
  /** The API itself (tests that check an API key straight against it). */
  apiUrl: string;
  /** The API's embedded sandbox, for set-up through its /_sandbox/* controls and Twilio routes. */
  sandboxUrl: string;
}

export interface DeploymentOptions {
  deployment: Deployment;
}

/** Test details: `test('…', BOTH_MODES, async …)`. */
export const BOTH_MODES = { tag: '@both-modes' };
export const CONVERSATIONS_MODE_ONLY = { tag: '@conversations-mode' };

/** Matches the tests carrying `details`' tag (a project's grep). */
export const tagged = (details: { tag: string }) => new RegExp(details.tag);

/** What the console shows for a request's conversation, in each mode's words. */
export const MODE_WORDS = {
  'chat-proxy': { transcript: 'channel-transcript', replyRoute: 'Proxy relayed it into the Flex conversation.' },
  conversations: { transcript: 'conversation-transcript', replyRoute: 'A Conversation took it.' },
} as const satisfies Record<OutboundMode, unknown>;
