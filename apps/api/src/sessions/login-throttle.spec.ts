import { ManualClock } from '../auth/auth.test-helpers';
import { TooManyRequestsException } from '../common/too-many-requests.exception';
import { migrateToLatest } from '../store/migrator';
import { DatabaseTarget, TestDatabase, describePostgres, sqliteTarget } from '../testing/test-databases';
import { LOGIN_ATTEMPTS_FORGOTTEN_AFTER_MS, LOGIN_DELAYS, LoginThrottle, delayAfter } from './login-throttle';

describe('delayAfter', () => {
  it('is free for the first attempts, then doubles from the first delay up to the ceiling', () => {
    const schedule = { free: 2, firstDelayMs: 1_000, maxDelayMs: 10_000 };
    expect([1, 2, 3, 4, 5, 6, 7, 1_000].map((attempts) => delayAfter(attempts, schedule))).toEqual([
      0, 0, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000,
    ]);
  });
});

function throttleContract(target: DatabaseTarget) {
  let handle: TestDatabase;
  const clock = new ManualClock();
  let throttle: LoginThrottle;

  beforeAll(async () => {
    handle = await target.open();
    await migrateToLatest(handle.db);
  });
  afterAll(() => handle.close());
  beforeEach(async () => {
    await handle.db.exec('DELETE FROM login_throttle');
    throttle = new LoginThrottle(handle.db, clock);
  });

  const outcome = (attempt: Promise<void>) =>
    attempt.then(
      () => 'counted',
      (error: unknown) => (error instanceof TooManyRequestsException ? `wait ${error.retryAfterSeconds}` : Promise.reject(error)),
    );

  it('counts attempts sent at once one after another: the free ones and the one that starts the wait pass', async () => {
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => outcome(throttle.countAttempt('ada', '198.51.100.1'))));
    expect(outcomes.filter((result) => result === 'counted')).toHaveLength(LOGIN_DELAYS.perUsername.free + 1);
    expect(new Set(outcomes.filter((result) => result !== 'counted'))).toEqual(new Set(['wait 1']));
  });

  it('refuses without counting while a wait runs, so hammering does not lengthen it', async () => {
    for (let i = 0; i <= LOGIN_DELAYS.perUsername.free; i++) await throttle.countAttempt('grace', '198.51.100.2');
    for (let i = 0; i < 10; i++) await expect(outcome(throttle.countAttempt('grace', '198.51.100.2'))).resolves.toBe('wait 1');
    clock.advance(1_000);
    await expect(outcome(throttle.countAttempt('grace', '198.51.100.2'))).resolves.toBe('counted');
    await expect(outcome(throttle.countAttempt('grace', '198.51.100.2'))).resolves.toBe('wait 2');
  });

  it('a success forgets the username’s count and takes its attempt back from the address', async () => {
    for (let i = 0; i < LOGIN_DELAYS.perUsername.free; i++) await throttle.countAttempt('linus', '198.51.100.3');
    await throttle.recordSuccess('linus', '198.51.100.3');
    const rows = await handle.db.query<{ bucket: string; attempts: number }>('SELECT bucket, attempts FROM login_throttle ORDER BY bucket');
    expect(rows).toEqual([{ bucket: 'address:198.51.100.3', attempts: LOGIN_DELAYS.perUsername.free - 1 }]);
  });

  it('forgets a count after an hour without attempts', async () => {
    for (let i = 0; i <= LOGIN_DELAYS.perUsername.free; i++) await throttle.countAttempt('edsger', '198.51.100.4');
    clock.advance(LOGIN_ATTEMPTS_FORGOTTEN_AFTER_MS);
    for (let i = 0; i <= LOGIN_DELAYS.perUsername.free; i++)
      await expect(outcome(throttle.countAttempt('edsger', '198.51.100.4'))).resolves.toBe('counted');
  });
}

describe('LoginThrottle on SQLite', () => throttleContract(sqliteTarget));
describePostgres('LoginThrottle on PostgreSQL', (target) => {
  throttleContract(target);

  it('counts exactly across API instances sharing the database', async () => {
    const handle = await target.open();
    try {
      await migrateToLatest(handle.db);
      const clock = new ManualClock();
      const instances = [new LoginThrottle(handle.db, clock), new LoginThrottle(await handle.openAnother(), clock)];
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          instances[i % 2].countAttempt('barbara', '198.51.100.9').then(
            () => 'counted',
            () => 'refused',
          ),
        ),
      );
      expect(outcomes.filter((result) => result === 'counted')).toHaveLength(LOGIN_DELAYS.perUsername.free + 1);
    } finally {
      await handle.close();
    }
  });
});
