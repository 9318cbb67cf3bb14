import type { PendingStepsReport } from '@flex-sms/domain';
import { FOLLOW_UP_RETRY_DELAYS_MS, FollowUpScheduler } from './follow-up-scheduler';

const report = (requestId: string, outcome: Partial<PendingStepsReport> = {}): PendingStepsReport => ({
  requestId,
  completed: [],
  postponed: [],
  failed: [],
  ...outcome,
});

describe('FollowUpScheduler', () => {
  afterEach(() => jest.useRealTimers());

  it('runs the follow-up after the current work, and idle() waits for it', async () => {
    const scheduler = new FollowUpScheduler();
    const ran: string[] = [];
    scheduler.attach(async (requestId) => {
      ran.push(requestId);
      return report(requestId, { completed: ['channel-attributes'] });
    });

    scheduler.schedule('req_1');
    expect(ran).toEqual([]);
    await scheduler.idle();
    expect(ran).toEqual(['req_1']);
  });

  it('tries a postponed follow-up again after each delay, then leaves it to the next start-up', async () => {
    // Fake clock for the retry delays; the hop off the response path (setImmediate) stays real.
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    const settle = async () => {
      for (let hop = 0; hop < 5; hop++) await new Promise((resolve) => setImmediate(resolve));
    };
    const scheduler = new FollowUpScheduler();
    let runs = 0;
    scheduler.attach(async (requestId) => {
      runs++;
      return report(requestId, { postponed: ['channel-attributes'] });
    });

    scheduler.schedule('req_1');
    await settle();
    expect(runs).toBe(1);
    for (const [index, delay] of FOLLOW_UP_RETRY_DELAYS_MS.entries()) {
      await jest.advanceTimersByTimeAsync(delay - 1);
      await settle();
      expect(runs).toBe(index + 1);
      await jest.advanceTimersByTimeAsync(1);
      await settle();
      expect(runs).toBe(index + 2);
    }
    await jest.advanceTimersByTimeAsync(10 * 60_000);
    await settle();
    expect(runs).toBe(FOLLOW_UP_RETRY_DELAYS_MS.length + 1);
  });

  it('survives a follow-up that throws, and schedules nothing once shutting down', async () => {
    const scheduler = new FollowUpScheduler();
    const runner = jest.fn(async (): Promise<PendingStepsReport> => {
      throw new Error('database closed');
    });
    scheduler.attach(runner);
    scheduler.schedule('req_1');
    await scheduler.idle();

    await scheduler.beforeApplicationShutdown();
    scheduler.schedule('req_2');
    await scheduler.idle();
    expect(runner.mock.calls).toEqual([['req_1']]);
  });
});
