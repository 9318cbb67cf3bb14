import type { OutboundModeName, OutboundTestApp } from './outbound.test-helpers';

/** A 201 answer of the outbound routes, as the tests read it. */
type Answer = Record<string, any>;

/**
 * What differs between the modes as a caller sees it; every other expectation of the outbound suites is shared.
 * Chat + Proxy: a chat channel tied to the phone by a Proxy Session (the attribute write finished after answering).
 * Conversations: a Conversation (its SID is the `channel` too), and for the agent flow the Flex Interaction.
 */
export interface ModeExpectations {
  agentAnswer: (api: OutboundTestApp) => Answer;
  systemAnswer: Answer;
  /** The journal steps of an agent request without a first message, after its follow-up work. */
  agentSteps: string[];
  /** Message bodies of the conversation an answer names, oldest first, as the console's transcript shows them. */
  transcript: (api: OutboundTestApp, answer: Answer) => Promise<string[]>;
}

const bodies = (messages: { body: string }[]) => messages.map((message) => message.body);

export const MODE_EXPECTATIONS: Record<OutboundModeName, ModeExpectations> = {
  'chat-proxy': {
    agentAnswer: () => ({
      mode: 'chat-proxy',
      reused: { channel: false, session: false },
      proxySession: { sid: expect.stringMatching(/^KC/), status: 'open' },
      pendingSteps: ['channel-attributes'],
    }),
    systemAnswer: { mode: 'chat-proxy', proxySession: { sid: expect.stringMatching(/^KC/) } },
    agentSteps: ['flex-flow:resolved', 'channel:created', 'proxy-session:created', 'channel-attributes:updated'],
    transcript: async (api, answer) => bodies((await api.http.get(`/api/v1/channels/${answer.channel.sid}`).expect(200)).body.messages),
  },
  conversations: {
    agentAnswer: () => ({
      mode: 'conversations',
      reused: { channel: false, session: false, conversation: false },
      conversation: { sid: expect.stringMatching(/^CH/), state: 'active' },
      interaction: { sid: expect.stringMatching(/^KD/), channelSid: expect.stringMatching(/^UO/) },
      pendingSteps: [],
    }),
    systemAnswer: { mode: 'conversations', conversation: { sid: expect.stringMatching(/^CH/) } },
    agentSteps: ['flex-flow:resolved', 'interaction:created'],
    transcript: async (api, answer) => bodies((await api.http.get(`/api/v1/conversations/${answer.conversation.sid}`).expect(200)).body.messages),
  },
};
