import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DATABASE, Database } from './database';
import { AvailabilityWatchedDatabase, DATABASE_AVAILABILITY } from './database-availability';
import { InstancePresence } from './instance-presence';
import { migrateToLatest } from './migrator';
import { embeddedDatabaseFile, openDatabase } from './open-database';

const logger = new Logger('Store');

async function openAndMigrate(config: AppConfig): Promise<Database> {
  const db = await openDatabase(config.store);
  try {
    const applied = await migrateToLatest(db);
    logger.log(`${describe(config)}; ${applied.length ? `applied migrations ${applied.join(', ')}` : 'schema up to date'}`);
    return new AvailabilityWatchedDatabase(db);
  } catch (error) {
    await db.close();
    throw error;
  }
}

function describe(config: AppConfig): string {
  if (config.store.kind === 'postgres') return `PostgreSQL at ${new URL(config.store.url).host}`; // never the password
  return config.store.dataDir === 'memory://' ? 'embedded SQLite in memory' : `embedded SQLite in ${embeddedDatabaseFile(config.store.dataDir)}`;
}

@Injectable()
class DatabaseCloser implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}

/** Provides the migrated `DATABASE`, news of its outages, and this process's presence on it, to every module (global). */
@Global()
@Module({
  providers: [
    { provide: DATABASE, useFactory: openAndMigrate, inject: [AppConfig] },
    { provide: DATABASE_AVAILABILITY, useExisting: DATABASE },
    DatabaseCloser,
    InstancePresence,
  ],
  exports: [DATABASE, DATABASE_AVAILABILITY, InstancePresence],
})
export class StoreModule {}
