import type { StepRecord } from '../ports/journal.port';
import { planUndo } from './undo';

const at = new Date(0);
const step = (
  name: StepRecord['name'],
  outcome: StepRecord['outcome'],
  sids: Record<string, string>,
  data?: Record<string, unknown>,
): StepRecord => ({
  name,
  outcome,
  sids,
  data,
  startedAt: at,
  finishedAt: at,
});

describe('planUndo', () => {
  const channelSids = { channelSid: 'CH1', chatServiceSid: 'IS1', taskSid: 'WT1', workspaceSid: 'WS1' };

  it('undoes a created conversation task first, channel last', () => {
    expect(planUndo([step('channel', 'created', channelSids), step('proxy-session', 'created', { sessionSid: 'KC1', channelSid: 'CH1' })])).toEqual([
      { action: 'cancel-task', workspaceSid: 'WS1', taskSid: 'WT1' },
      { action: 'remove-proxy-session', sessionSid: 'KC1' },
      { action: 'remove-channel', chatServiceSid: 'IS1', channelSid: 'CH1' },
    ]);
  });

  it('looks for an unrecorded session under a created channel (a crash between create and journal)', () => {
    expect(planUndo([step('channel', 'created', channelSids)])).toContainEqual({ action: 'remove-proxy-session', sessionSid: 'CH1' });
  });

  it('touches nothing reused, but restores the attribute it overwrote and removes the session it made', () => {
    expect(
      planUndo([
        step('channel', 'reused', channelSids),
        step('proxy-session', 'created', { sessionSid: 'KC2', channelSid: 'CH1' }),
        step('channel-attributes', 'updated', { channelSid: 'CH1', chatServiceSid: 'IS1', sessionSid: 'KC2' }, { previousProxySession: 'KC0' }),
        step('message', 'created', { messageSid: 'IM1', channelSid: 'CH1' }),
      ]),
    ).toEqual([
      { action: 'restore-channel-attributes', chatServiceSid: 'IS1', channelSid: 'CH1', previousProxySession: 'KC0' },
      { action: 'remove-proxy-session', sessionSid: 'KC2' },
    ]);
  });

  it('has nothing to undo when everything was reused or failed', () => {
    expect(
      planUndo([step('channel', 'reused', channelSids), step('proxy-session', 'reused', { sessionSid: 'KC1' }), step('message', 'failed', {})]),
    ).toEqual([]);
  });
});
