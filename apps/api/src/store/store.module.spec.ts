import { TestApp, createTestApp } from '../testing/test-app';
import { createTestSchema, describePostgres } from '../testing/test-databases';

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

  it('provides a migrated database', async () => {
    expect(await api.db.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS migrated")).toEqual([{ migrated: true }]);
    await api.anonymous.get('/health/ready').expect(200);
  });
}

describe('StoreModule with the embedded database', () =>
  storeModuleContract(async () => ({ DATABASE_URL: 'memory://', cleanUp: async () => undefined })));

describePostgres('StoreModule with PostgreSQL', () =>
  storeModuleContract(async () => {
    const schema = await createTestSchema(process.env.TEST_DATABASE_URL as string);
    return { DATABASE_URL: schema.url, cleanUp: schema.drop };
  }));
