import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { StoreSettings } from '../config/app-config';
import { Database } from './database';
import { PostgresDatabase } from './postgres-database';
import { SqliteDatabase } from './sqlite-database';

export async function openDatabase(settings: StoreSettings): Promise<Database> {
  if (settings.kind === 'postgres') return PostgresDatabase.connect(settings.url, { maxLockConnections: settings.lockConnections });
  if (settings.dataDir !== 'memory://') refuseEarlierEmbeddedDatabase(embeddedDatabaseDir(settings.dataDir));
  return SqliteDatabase.open(embeddedDatabaseFile(settings.dataDir));
}

/** The embedded database gets a folder of its own in DATA_DIR (`<DATA_DIR>/db`), leaving room for other data. */
export function embeddedDatabaseDir(dataDir: string): string {
  return dataDir === 'memory://' ? dataDir : join(dataDir, 'db');
}

/** The embedded database's file: `<DATA_DIR>/db/flex-sms.sqlite` (its WAL beside it), or `memory://`. */
export function embeddedDatabaseFile(dataDir: string): string {
  return dataDir === 'memory://' ? dataDir : join(embeddedDatabaseDir(dataDir), 'flex-sms.sqlite');
}

/**
 * Versions before the SQLite store kept an embedded PostgreSQL (PGlite) data directory in `<DATA_DIR>/db`. Starting
 * beside it would begin an empty journal and user list while the old ones sit unread, so the API refuses, saying why.
 */
function refuseEarlierEmbeddedDatabase(dir: string): void {
  if (!existsSync(join(dir, 'PG_VERSION'))) return;
  throw new Error(
    `${dir} holds an embedded PostgreSQL (PGlite) database from an earlier version; the embedded database is now SQLite (${join(dir, 'flex-sms.sqlite')}). ` +
      'Its journal, users and API keys are not carried over: move the folder away (or set another DATA_DIR) to start empty; the earlier version still reads it.',
  );
}
