import { join } from 'node:path';
import { StoreSettings } from '../config/app-config';
import { Database } from './database';
import { PgliteDatabase } from './pglite-database';
import { PostgresDatabase } from './postgres-database';

export function openDatabase(settings: StoreSettings): Promise<Database> {
  if (settings.kind === 'postgres') return PostgresDatabase.connect(settings.url, { maxLockConnections: settings.lockConnections });
  return PgliteDatabase.open(embeddedDatabaseDir(settings.dataDir));
}

/** The embedded database gets a folder of its own in DATA_DIR (`<DATA_DIR>/db`), leaving room for other data. */
export function embeddedDatabaseDir(dataDir: string): string {
  return dataDir === 'memory://' ? dataDir : join(dataDir, 'db');
}
