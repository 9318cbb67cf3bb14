import type { DispatchCampaignRecipients, DispatchResult } from '@flex-sms/domain';
import type { OutboundEvents } from '../events/outbound-events';
import type { InFlightRecovery } from '../outbound/in-flight-recovery';
import type { InstancePresence } from '../store/instance-presence';
import { CampaignRunner } from './campaign-runner';

const LOOPS = 32;
const POLL_MS = 200;

/** Each claim waits for the test to answer it, so the test sees how many loops are asking at once. */
function claimsAnsweredByHand() {
  const pending: ((result: DispatchResult) => void)[] = [];
  const dispatch = {
    dispatchNext: () => new Promise<DispatchResult>((resolve) => pending.push(resolve)),
    startDue: async () => [],
    reconcile: async () => ({ settled: 0, awaitingRecovery: 0 }),
    recordDelivery: async () => undefined,
  } as unknown as DispatchCampaignRecipients;
  const answerAll = async (result: DispatchResult) => {
    for (const resolve of pending.splice(0)) resolve(result);
    await jest.advanceTimersByTimeAsync(0);
  };
  return { dispatch, pending, answerAll };
}

describe('CampaignRunner', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs CAMPAIGN_SEND_CONCURRENCY loops, of which only one polls while there is no work; work wakes the others', async () => {
    const { dispatch, pending, answerAll } = claimsAnsweredByHand();
    const runner = new CampaignRunner(
      dispatch,
      { instanceId: 'instance-1', isAlive: async () => true } as unknown as InstancePresence,
      { onOutbound: () => undefined } as unknown as OutboundEvents,
      { recoverAbandoned: () => undefined } as unknown as InFlightRecovery,
      { concurrency: LOOPS, idlePollMs: POLL_MS, housekeepingMs: 60_000 },
    );
    await runner.onApplicationBootstrap();
    expect(pending).toHaveLength(LOOPS);

    // Nothing to send: over ten poll intervals one loop asks, one claim at a time, the others wait.
    await answerAll({ kind: 'idle' });
    for (let interval = 0; interval < 10; interval++) {
      await jest.advanceTimersByTimeAsync(POLL_MS);
      expect(pending).toHaveLength(1);
      await answerAll({ kind: 'idle' });
    }

    // The poller finds work: it claims again and wakes one waiting loop, which wakes the next if it finds work too.
    await jest.advanceTimersByTimeAsync(POLL_MS);
    await answerAll({ kind: 'sent', campaignId: 'c-1', position: 1 });
    expect(pending).toHaveLength(2);
    await answerAll({ kind: 'sent', campaignId: 'c-1', position: 2 });
    expect(pending).toHaveLength(4);

    // A campaign created or resumed: every loop looks at once.
    await answerAll({ kind: 'idle' });
    runner.wake();
    await jest.advanceTimersByTimeAsync(0);
    expect(pending).toHaveLength(LOOPS);

    const stopped = runner.beforeApplicationShutdown();
    await answerAll({ kind: 'idle' });
    runner.wake();
    await stopped;
  });
});
