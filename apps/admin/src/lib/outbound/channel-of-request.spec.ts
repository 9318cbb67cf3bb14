import { describe, expect, it } from '@jest/globals';
import { channelSidOf, conversationSidOf } from './channel-of-request';
import type { OutboundStep } from './outbound.types';

const step = (name: OutboundStep['name'], sids: Record<string, string>): OutboundStep => ({
  name,
  outcome: 'created',
  sids,
  startedAt: '2026-11-24T18:00:00Z',
  finishedAt: '2026-11-24T18:00:01Z',
});

describe('channelSidOf', () => {
  it('reads the channel from the answer of a request that succeeded', () => {
    expect(
      channelSidOf({
        result: { channel: { sid: 'CH1', chatServiceSid: 'IS1', identity: '+1', userSid: null, dateCreated: '' } },
        steps: [step('channel', { channelSid: 'CH2' })],
      }),
    ).toBe('CH1');
  });

  it('falls back to the channel step of a request that failed after opening one', () => {
    expect(channelSidOf({ result: null, steps: [step('flex-flow', { flexFlowSid: 'FO1' }), step('channel', { channelSid: 'CH2' })] })).toBe('CH2');
  });

  it('has none when the request stopped before a channel existed', () => {
    expect(channelSidOf({ result: null, steps: [step('flex-flow', { flexFlowSid: 'FO1' })] })).toBeUndefined();
  });
});

describe('conversationSidOf', () => {
  const conversations = { mode: 'conversations' };

  it('reads the conversation from the answer of a request that succeeded', () => {
    const result = { conversation: { sid: 'CH1', chatServiceSid: 'IS1', state: 'active' as const, dateCreated: '' } };
    expect(conversationSidOf({ result, steps: [], input: conversations })).toBe('CH1');
  });

  it('falls back to the interaction or conversation step of a conversations-mode request that failed', () => {
    expect(conversationSidOf({ result: null, steps: [step('interaction', { conversationSid: 'CH2', taskSid: 'WT1' })], input: conversations })).toBe(
      'CH2',
    );
    expect(conversationSidOf({ result: null, steps: [step('conversation', { conversationSid: 'CH3' })], input: conversations })).toBe('CH3');
  });

  it('has none for a chat-proxy request, whose channel is a Programmable Chat channel', () => {
    expect(conversationSidOf({ result: null, steps: [step('channel', { channelSid: 'CH2', conversationSid: 'CHx' })], input: {} })).toBeUndefined();
  });
});
