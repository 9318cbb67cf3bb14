import { fillDisk } from '../testing/embedded-disk-faults';
import { AvailabilityWatchedDatabase } from './database-availability';
import { DatabaseUnavailable } from './database-unavailable';
import { SqliteDatabase } from './sqlite-database';

/** On the embedded SQLite with its disk really full; PostgreSQL's outages: postgres-restart.spec.ts. */
describe('AvailabilityWatchedDatabase', () => {
  let db: AvailabilityWatchedDatabase;
  let backs: number;
  beforeEach(async () => {
    db = new AvailabilityWatchedDatabase(await SqliteDatabase.open('memory://'));
    backs = 0;
    db.onBack(() => backs++);
    await db.exec('CREATE TABLE item (name text NOT NULL)');
  });
  afterEach(() => db.close());

  const aLargeRow = () => db.query('INSERT INTO item (name) VALUES (hex(randomblob(16384)))');

  it('tells its listeners once when the database answers again after it was unavailable', async () => {
    const disk = await fillDisk(db);
    await expect(aLargeRow()).rejects.toBeInstanceOf(DatabaseUnavailable);
    await expect(db.transaction((tx) => tx.query('INSERT INTO item (name) VALUES (hex(randomblob(16384)))'))).rejects.toBeInstanceOf(
      DatabaseUnavailable,
    );
    // Reads still answer on a full disk: that is the database back.
    expect(await db.query('SELECT count(*) AS n FROM item')).toEqual([{ n: 0 }]);
    expect(backs).toBe(1);
    await disk.makeRoom();
    await aLargeRow();
    expect(backs).toBe(1);
  });

  it('hears nothing of statements that fail for their own reasons: the database was there all along', async () => {
    await expect(db.query('INSERT INTO item (name) VALUES (NULL)')).rejects.toThrow('NOT NULL');
    await db.query("INSERT INTO item (name) VALUES ('a')");
    expect(backs).toBe(0);
    expect(db.dialect).toBe('sqlite');
  });
});
