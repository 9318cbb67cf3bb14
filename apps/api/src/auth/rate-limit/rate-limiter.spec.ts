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

  it('peeks without counting, and reset forgets the bucket', async () => {
    await limiter.hit('c', limit);
    await limiter.hit('c', limit);
    expect(await limiter.peek('c', limit)).toMatchObject({ hits: 2, exceeded: false });
    await limiter.hit('c', limit);
    expect(await limiter.peek('c', limit)).toMatchObject({ hits: 3, exceeded: true });
    await limiter.reset('c');
    expect(await limiter.peek('c', limit)).toMatchObject({ hits: 0, exceeded: false });
  });

  it('counts concurrent hits exactly (one atomic upsert each)', async () => {
    const states = await Promise.all(Array.from({ length: 10 }, () => limiter.hit('burst', { limit: 5, windowMs: 60_000 })));
    expect(states.map((state) => state.hits).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(states.filter((state) => state.exceeded)).toHaveLength(5);
  });
});
