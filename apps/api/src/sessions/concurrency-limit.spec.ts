import { ConcurrencyLimit, ConcurrencyLimitReached } from './concurrency-limit';

/** A task that runs until the test lets it finish. */
function gated() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const state = { started: false, finish };
  const task = async () => {
    state.started = true;
    await done;
  };
  return { state, task };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('ConcurrencyLimit', () => {
  it('runs at most `running` tasks at once and starts the queued ones in order as others finish', async () => {
    const limit = new ConcurrencyLimit(2, 10);
    const tasks = Array.from({ length: 4 }, gated);
    const runs = tasks.map(({ task }) => limit.run(task));
    await settle();
    expect(tasks.map(({ state }) => state.started)).toEqual([true, true, false, false]);
    tasks[1].state.finish();
    await settle();
    expect(tasks.map(({ state }) => state.started)).toEqual([true, true, true, false]);
    tasks[0].state.finish();
    tasks[2].state.finish();
    await settle();
    expect(tasks[3].state.started).toBe(true);
    tasks[3].state.finish();
    await Promise.all(runs);
  });

  it('refuses at once beyond `waiting` queued tasks, and frees the slot of a task that failed', async () => {
    const limit = new ConcurrencyLimit(1, 1);
    const first = gated();
    const running = limit.run(first.task);
    const queued = limit.run(async () => 'queued');
    await expect(limit.run(async () => 'refused')).rejects.toBeInstanceOf(ConcurrencyLimitReached);
    first.state.finish();
    await running;
    await expect(queued).resolves.toBe('queued');
    await expect(limit.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit.run(async () => 'after a failure')).resolves.toBe('after a failure');
  });
});
