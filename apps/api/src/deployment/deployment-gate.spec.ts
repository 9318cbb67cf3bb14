import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type RunningSandbox } from '@flex-sms/twilio-sandbox';
import { DEMO_ADMIN } from '../config/app-config';
import { loadAppConfig } from '../config/load-app-config';
import { createApp } from '../create-app';
import { createTestApp, type TestApp } from '../testing/test-app';
import { SqlDeploymentRecord } from './deployment-record';

const NEW_PASSWORD = 'a password of our own';
const OTHER_ACCOUNT_SID = `AC${'0'.repeat(32)}`;

/**
 * One database (embedded, in a data directory) started first by `npm start`'s sandbox mode, then with Twilio
 * credentials: the demo admin and the sandbox's records must not carry over silently.
 */
describe('DeploymentGate: a database and the configuration it is started with', () => {
  // Each test starts the API several times (and the sandbox mode its own sandbox): seconds each on a busy machine.
  jest.setTimeout(180_000);

  let sandbox: RunningSandbox;
  let dataDir: string;
  let api: TestApp | undefined;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'deployment-gate-'));
  });
  afterEach(async () => {
    await api?.close();
    api = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });
  afterAll(() => sandbox.close());

  /** The API in sandbox mode (its own embedded sandbox, the demo admin), as `npm start` runs it, started and stopped. */
  async function runSandboxMode(): Promise<void> {
    const app = await createApp(loadAppConfig({ SANDBOX_PORT: '0', DATA_DIR: dataDir, PORT: '0' }), { logger: false });
    try {
      await app.init();
    } finally {
      await app.close();
    }
  }

  /** The API with Twilio credentials (the test sandbox's account), on the same data directory. */
  const startWithCredentials = (env: Record<string, string> = {}) =>
    createTestApp({ sandbox, env: { DATABASE_URL: undefined, DATA_DIR: dataDir, ...env }, logger: false });

  const signIn = (username: string, password: string) => (api as TestApp).anonymous.post('/api/v1/auth/login').send({ username, password });

  it('refuses a sandbox database with its demo admin, saying which and how to fix each; then the fixes work', async () => {
    await runSandboxMode();

    const refused = startWithCredentials({ ADMIN_USERNAME: 'ops', ADMIN_PASSWORD: NEW_PASSWORD });
    await expect(refused).rejects.toThrow(
      /recorded for the embedded sandbox \(demo account AC\w{32}\), and this API is configured for Twilio account AC\w{32}\..*ADOPT_DATABASE=true/,
    );
    await expect(startWithCredentials({ ADMIN_USERNAME: 'ops', ADMIN_PASSWORD: NEW_PASSWORD })).rejects.toThrow(
      /console user "admin" still has the sandbox demo admin's public password.*ADMIN_USERNAME=<that username> and ADMIN_PASSWORD=<a new password>/,
    );

    // Adopting the database is not enough while the demo admin can sign in.
    await expect(startWithCredentials({ ADOPT_DATABASE: 'true', ADMIN_USERNAME: 'ops', ADMIN_PASSWORD: NEW_PASSWORD })).rejects.toThrow(
      /^The API refuses to start on this database:\n {2}- console user "admin" still has/,
    );

    // The refusal's fix: name the user with a password of its own.
    api = await startWithCredentials({ ADOPT_DATABASE: 'true', ADMIN_USERNAME: DEMO_ADMIN.username, ADMIN_PASSWORD: NEW_PASSWORD });
    await signIn(DEMO_ADMIN.username, DEMO_ADMIN.password).expect(401);
    await signIn(DEMO_ADMIN.username, NEW_PASSWORD).expect(200);
    expect(await new SqlDeploymentRecord(api.db).read()).toEqual({ mode: 'twilio', accountSid: sandbox.account.accountSid });
    await api.close();

    // The admin named in ADMIN_USERNAME is created although other users exist; no adoption needed any more.
    api = await startWithCredentials({ ADMIN_USERNAME: 'ops', ADMIN_PASSWORD: NEW_PASSWORD });
    const { body } = await signIn('ops', NEW_PASSWORD).expect(200);
    expect(body.user).toMatchObject({ name: 'ops', role: 'admin' });
  });

  it('creates the admin ADMIN_USERNAME names although other users exist', async () => {
    api = await startWithCredentials();
    await api.http.post('/api/v1/users').send({ username: 'ada', password: NEW_PASSWORD, role: 'admin' }).expect(201);
    await api.close();

    api = await startWithCredentials({ ADMIN_USERNAME: 'ops', ADMIN_PASSWORD: NEW_PASSWORD });
    const { body } = await signIn('ops', NEW_PASSWORD).expect(200);
    expect(body.user).toMatchObject({ name: 'ops', role: 'admin' });
  });

  it('records the account on the first start and refuses another one unless ADOPT_DATABASE=true', async () => {
    api = await startWithCredentials();
    await api.close();

    await expect(startWithCredentials({ TWILIO_ACCOUNT_SID: OTHER_ACCOUNT_SID })).rejects.toThrow(
      `it belongs to another deployment: it was recorded for Twilio account ${sandbox.account.accountSid}, and this API is configured for Twilio account ${OTHER_ACCOUNT_SID}.`,
    );
    api = await startWithCredentials({ TWILIO_ACCOUNT_SID: OTHER_ACCOUNT_SID, ADOPT_DATABASE: 'true' });
    expect(await new SqlDeploymentRecord(api.db).read()).toEqual({ mode: 'twilio', accountSid: OTHER_ACCOUNT_SID });
    await api.close();

    // And back: the sandbox on a real account's database is refused too.
    await expect(runSandboxMode()).rejects.toThrow(
      `recorded for Twilio account ${OTHER_ACCOUNT_SID}, and this API is configured for the embedded sandbox`,
    );
    api = undefined;
  });
});
