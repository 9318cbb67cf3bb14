import type { DispatchCampaignRecipients, DispatchResult } from '@flex-sms/domain';
import type { OutboundEvents } from '../events/outbound-events';
import type { InFlightRecovery } from '../outbound/in-flight-recovery';
import type { InstancePresence } from '../store/instance-presence';
import { CampaignRunner } from './campaign-runner';

const LOOPS = 32;
const POLL_MS = 200;
const IDLE: DispatchResult = { kind: 'idle' };
const SENT: DispatchResult = { kind: 'sent', campaignId: 'c-1', position: 1 };

/** Each claim waits for the test to answer it, so the test sees how many loops are asking at once. */
function claimsAnsweredByHand() {
  /** What housekeeping finds: some campaign running or none. */
  const running = { value: true };
  const pending: ((result: DispatchResult) => void)[] = [];
  const dispatch = {
    dispatchNext: () => new Promise<DispatchResult>((resolve) => pending.push(resolve)),
    startDue: async () => [],
    anyRunning: async () => running.value,
    reconcile: async () => ({ settled: 0, awaitingRecovery: 0 }),
    recordDelivery: async () => undefined,
  } as unknown as DispatchCampaignRecipients;
  /** Answers the claims waiting, in order: the first with `first`, the rest with `rest`. */
  const answerAll = async (first: DispatchResult, rest: DispatchResult = first) => {
    pending.splice(0).forEach((resolve, index) => resolve(index === 0 ? first : rest));
    await jest.advanceTimersByTimeAsync(0);
  };
  return { dispatch, pending, answerAll, running };
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
    await answerAll(IDLE);
    for (let interval = 0; interval < 10; interval++) {
      await jest.advanceTimersByTimeAsync(POLL_MS);
      expect(pending).toHaveLength(1);
      await answerAll(IDLE);
    }

    // The polling loop finds work (a campaign another instance started): every loop looks at once.
    await jest.advanceTimersByTimeAsync(POLL_MS);
    await answerAll(SENT);
    expect(pending).toHaveLength(LOOPS);

    // A busy loop that finds work wakes one parked loop, which wakes the next if it finds work too.
    await answerAll(SENT, IDLE);
    expect(pending).toHaveLength(1);
    await answerAll(SENT);
    expect(pending).toHaveLength(2);
    await answerAll(SENT);
    expect(pending).toHaveLength(4);

    // A campaign created or resumed here: every loop looks at once.
    await answerAll(IDLE);
    expect(pending).toHaveLength(0);
    runner.wake();
    await jest.advanceTimersByTimeAsync(0);
    expect(pending).toHaveLength(LOOPS);

    const stopped = runner.beforeApplicationShutdown();
    await answerAll(IDLE);
    runner.wake();
    await stopped;
  });
  it('polls not at all while no campaign runs, and looks again once housekeeping finds one running', async () => {
    const { dispatch, pending, answerAll, running } = claimsAnsweredByHand();
    running.value = false;
    const housekeepingMs = 5_000;
    const runner = new CampaignRunner(
      dispatch,
      { instanceId: 'instance-1', isAlive: async () => true } as unknown as InstancePresence,
      { onOutbound: () => undefined } as unknown as OutboundEvents,
      { recoverAbandoned: () => undefined } as unknown as InFlightRecovery,
      { concurrency: LOOPS, idlePollMs: POLL_MS, housekeepingMs },
    );
    await runner.onApplicationBootstrap();
    // Each loop looks once at start (a restarted instance resumes its campaigns at once), then none polls.
    await answerAll(IDLE);
    await jest.advanceTimersByTimeAsync(housekeepingMs - 1);
    expect(pending).toHaveLength(0);

    // Another instance started a campaign: the next housekeeping sees it and every loop looks.
    running.value = true;
    await jest.advanceTimersByTimeAsync(1);
    expect(pending).toHaveLength(LOOPS);
    await answerAll(IDLE);
    await jest.advanceTimersByTimeAsync(POLL_MS);
    expect(pending).toHaveLength(1);

    const stopped = runner.beforeApplicationShutdown();
    await answerAll(IDLE);
    runner.wake();
    await stopped;
  });
});
