import { describe, expect, it } from '@jest/globals';
import { channelSidOf } from './channel-of-request';
import type { OutboundStep } from './outbound.types';

const step = (name: string, sids: Record<string, string>): OutboundStep => ({ name, outcome: 'created', sids, startedAt: '2026-11-24T18:00:00Z', finishedAt: '2026-11-24T18:00:01Z' });

describe('channelSidOf', () => {
  it('reads the channel from the answer of a request that succeeded', () => {
    expect(channelSidOf({ result: { channel: { sid: 'CH1', chatServiceSid: 'IS1', identity: '+1', userSid: null, dateCreated: '' } }, steps: [step('channel', { channelSid: 'CH2' })] })).toBe('CH1');
  });

  it('falls back to the channel step of a request that failed after opening one', () => {
    expect(channelSidOf({ result: null, steps: [step('flex-flow', { flexFlowSid: 'FO1' }), step('channel', { channelSid: 'CH2' })] })).toBe('CH2');
  });

  it('has none when the request stopped before a channel existed', () => {
    expect(channelSidOf({ result: null, steps: [step('flex-flow', { flexFlowSid: 'FO1' })] })).toBeUndefined();
  });
});
