import { TestApp, createTestApp } from '../testing/test-app';
import { createTestSchema, describePostgres } from '../testing/test-databases';
import { migrationsDir, readMigrations } from './migrator';

/** The app's DATABASE provider: opened from the configuration, migrated, closed with the app. */
function storeModuleContract(env: () => Promise<{ DATABASE_URL: string; cleanUp(): Promise<void> }>) {
  let api: TestApp;
  let cleanUp: () => Promise<void>;
  beforeAll(async () => {
    const settings = await env();
    cleanUp = settings.cleanUp;
    api = await createTestApp({ env: { DATABASE_URL: settings.DATABASE_URL }, logger: false });
  });
  afterAll(async () => {
    await api?.close();
    await cleanUp?.();
  });

  it('provides a database migrated with its own dialect’s migrations', async () => {
    const applied = await api.db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY version');
    expect(applied.map((row) => row.name)).toEqual(readMigrations(migrationsDir(api.db.dialect)).map((m) => m.name));
    await api.anonymous.get('/health/ready').expect(200);
  });
}

describe('StoreModule with the embedded database', () =>
  storeModuleContract(async () => ({ DATABASE_URL: 'memory://', cleanUp: async () => undefined })));

describePostgres('StoreModule with PostgreSQL', () =>
  storeModuleContract(async () => {
    const schema = await createTestSchema(process.env.TEST_DATABASE_URL as string);
    return { DATABASE_URL: schema.url, cleanUp: schema.drop };
  }),
);
