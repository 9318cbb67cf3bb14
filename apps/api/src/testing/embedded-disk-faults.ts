import { closeSync, openSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import type { Queryable } from '../store/database';

/**
 * Real failures of the embedded database's disk, for the tests of what the API does when SQLite cannot write. Both
 * reach SQLite where a real disk would, so SQLite's own error paths run: better-sqlite3 writes through SQLite's own
 * file layer, never Node's fs, so nothing in Node could be patched instead. Making the files read-only or removing
 * their folder would refuse nothing: SQLite keeps them open (WAL, exclusive lock), and the tests run as root, whom
 * permission bits do not stop.
 */

/**
 * The disk is full: from now on the database may not take one page more than it has (`PRAGMA max_page_count`, a
 * setting of `db`'s connection), so a write that needs room it does not have fails with SQLITE_FULL "database or disk
 * is full", as on a full disk; one that fits in the pages already there still works, as it does there. `db` is the
 * API's own connection (the embedded database has one). `makeRoom()` lifts the limit.
 */
export async function fillDisk(db: Queryable): Promise<{ makeRoom(): Promise<void> }> {
  const [{ max_page_count: limit }] = await db.query<{ max_page_count: number }>('PRAGMA max_page_count');
  // Pages freed earlier (a migration's dropped table) are reused before the file grows: none may be left.
  const [{ freelist_count: freePages }] = await db.query<{ freelist_count: number }>('PRAGMA freelist_count');
  if (freePages > 0) await db.exec('VACUUM');
  const [{ page_count: pages }] = await db.query<{ page_count: number }>('PRAGMA page_count');
  await db.query(`PRAGMA max_page_count = ${pages}`);
  return {
    makeRoom: async () => void (await db.query(`PRAGMA max_page_count = ${limit}`)),
  };
}

/**
 * The disk refuses every write (failing, or its file system remounted read-only), while reads go on: SQLite's
 * write-ahead log, which every write goes through, is reopened read-only under SQLite's own file descriptor, so the
 * kernel refuses its writes and SQLite fails them with SQLITE_IOERR_WRITE "disk I/O error", as it does on EIO or
 * EROFS. Linux only (/proc/self/fd). `repair()` reopens it for writing.
 *
 * The log is the only file swapped: the database file carries SQLite's exclusive lock, which closing any descriptor
 * of it would drop. Call it between statements (never inside a transaction), with no other file being opened meanwhile.
 */
export function breakDisk(databaseFile: string): { repair(): void } {
  const log = `${realpathSync(databaseFile)}-wal`;
  const fd = descriptorOf(log);
  reopen(fd, log, 'r');
  return { repair: () => reopen(fd, log, 'r+') };
}

function descriptorOf(path: string): number {
  const descriptors = readdirSync('/proc/self/fd')
    .map(Number)
    .filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === path;
      } catch {
        return false; // closed since the listing (the listing's own descriptor, for one)
      }
    });
  if (descriptors.length !== 1) throw new Error(`Expected SQLite to hold ${path} open once, found ${descriptors.length} descriptor(s)`);
  return descriptors[0];
}

/** The lowest free descriptor is the one just closed, so the file comes back under SQLite's number. */
function reopen(fd: number, path: string, flags: 'r' | 'r+'): void {
  closeSync(fd);
  const reopened = openSync(path, flags);
  if (reopened !== fd) {
    closeSync(reopened);
    throw new Error(`Could not reopen ${path} as descriptor ${fd} (got ${reopened}): something else opened a file meanwhile`);
  }
}
