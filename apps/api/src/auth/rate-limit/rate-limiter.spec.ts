import { ManualClock } from '../auth.test-helpers';
import { SqliteDatabase } from '../../store/sqlite-database';
import { migrateToLatest } from '../../store/migrator';
import { RateLimiter } from './rate-limiter';

describe('RateLimiter (fixed windows in the database)', () => {
  let db: SqliteDatabase;
  const clock = new ManualClock();
  let limiter: RateLimiter;
  const limit = { limit: 3, windowMs: 60_000 };

  beforeAll(async () => {
    db = await SqliteDatabase.open('memory://');
    await migrateToLatest(db);
    limiter = new RateLimiter(db, clock);
  });
  afterAll(() => db.close());

  it('allows `limit` hits per window, then reports exceeded with the seconds left', async () => {
    for (let i = 1; i <= 3; i++) expect(await limiter.hit('a', limit)).toMatchObject({ hits: i, exceeded: false });
    clock.advance(20_000);
    expect(await limiter.hit('a', limit)).toEqual({ hits: 4, limit: 3, exceeded: true, retryAfterSeconds: 40 });
  });

  it('starts a new window once the old one ends', async () => {
    clock.advance(40_000);
    expect(await limiter.hit('a', limit)).toMatchObject({ hits: 1, exceeded: false, retryAfterSeconds: 60 });
  });

  it('counts buckets apart', async () => {
    expect(await limiter.hit('b', limit)).toMatchObject({ hits: 1 });
    expect(await limiter.hit('a', limit)).toMatchObject({ hits: 2 });
  });

  it('lets exactly `limit` of concurrent hits through', async () => {
    const states = await Promise.all(Array.from({ length: 10 }, () => limiter.hit('burst', { limit: 5, windowMs: 60_000 })));
    expect(
      states
        .filter((state) => !state.exceeded)
        .map((state) => state.hits)
        .sort((x, y) => x - y),
    ).toEqual([1, 2, 3, 4, 5]);
    expect(states.filter((state) => state.exceeded)).toHaveLength(5);
  });

  it("counts a busy caller's hits ahead in blocks: a few upserts for hundreds of hits, each hit still numbered once", async () => {
    const statements = jest.spyOn(db, 'query');
    const states = [];
    for (let i = 0; i < 300; i++) states.push(await limiter.hit('busy', { limit: 1_000, windowMs: 60_000 }));
    const upserts = statements.mock.calls.filter(([sql]) => sql.includes('INSERT INTO rate_limit_window')).length;
    statements.mockRestore();

    expect(states.every((state) => !state.exceeded)).toBe(true);
    expect(states.map((state) => state.hits)).toEqual(Array.from({ length: 300 }, (_, index) => index + 1));
    expect(upserts).toBeLessThan(20);
    // Counted ahead by at most one block (a twentieth of the limit).
    const [{ hits }] = await db.query<{ hits: number }>("SELECT hits FROM rate_limit_window WHERE bucket = 'busy'");
    expect(hits).toBeGreaterThanOrEqual(300);
    expect(hits).toBeLessThanOrEqual(300 + 50);
  });

  it('never lets two instances on one database through more than the limit together, and refuses at most a block early', async () => {
    const other = new RateLimiter(db, clock);
    const sendsLimit = { limit: 100, windowMs: 60_000 };
    let allowed = 0;
    for (let i = 0; i < 150; i++) if (!(await (i % 2 === 0 ? limiter : other).hit('shared', sendsLimit)).exceeded) allowed++;
    expect(allowed).toBeLessThanOrEqual(100);
    expect(allowed).toBeGreaterThanOrEqual(100 - 100 / 20);
  });
});
