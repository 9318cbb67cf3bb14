import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { problemsOf } from '../config/config.test-helpers';
import { Environment, loadAppConfig } from '../config/load-app-config';

const COMPOSE_FILE = join(resolve(__dirname, '../../../..'), 'docker-compose.yml');

/**
 * The `api` service's environment in docker-compose.yml as compose hands it to the container, `${NAME:-default}`
 * resolved from `dotEnv` (the .env file beside it; none = {}). Reads the file's own simple layout rather than YAML in
 * general: a change of layout fails here loudly.
 */
function apiEnvironment(dotEnv: Record<string, string>): Environment {
  const lines = readFileSync(COMPOSE_FILE, 'utf8').split('\n');
  const service = lines.indexOf('  api:');
  const block = lines.indexOf('    environment:', service);
  if (service < 0 || block < 0) throw new Error('docker-compose.yml has no api service with an environment block');
  const env: Record<string, string> = {};
  for (const line of lines.slice(block + 1)) {
    if (/^ {6}#/.test(line)) continue;
    const entry = /^ {6}(\w+): (.*)$/.exec(line);
    if (!entry) break;
    env[entry[1]] = entry[2].replace(/\$\{(\w+):-([^}]*)\}/g, (_, name: string, fallback: string) => dotEnv[name] || fallback);
  }
  return env;
}

describe('docker-compose.yml', () => {
  it('without a .env: the API refuses to run the sandbox on the PostgreSQL, saying what to set', () => {
    const env = apiEnvironment({});
    expect(env.DATABASE_URL).toMatch(/^postgres:\/\//);
    expect(problemsOf(env)).toEqual({
      DATABASE_URL: expect.stringMatching(/no Twilio credentials are set.*Set TWILIO_ACCOUNT_SID.*ALLOW_SANDBOX_ON_DATABASE=true/),
    });
  });

  it('passes the opt-ins through from the .env: the sandbox on purpose, and adopting a database', () => {
    const config = loadAppConfig(apiEnvironment({ ALLOW_SANDBOX_ON_DATABASE: 'true', ADOPT_DATABASE: 'true' }));
    expect(config.twilio.mode).toBe('sandbox');
    expect(config.store.kind).toBe('postgres');
    expect(config.adoptDatabase).toBe(true);
  });

  it('with the Twilio settings in the .env: the configured account', () => {
    const config = loadAppConfig(
      apiEnvironment({
        TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`,
        TWILIO_AUTH_TOKEN: 'token',
        TWILIO_PROXY_SERVICE_SID: `KS${'b'.repeat(32)}`,
        TWILIO_CHAT_SERVICE_SID: `IS${'c'.repeat(32)}`,
        BOOTSTRAP_API_KEY: 'k'.repeat(32),
      }),
    );
    expect(config.twilio).toMatchObject({ mode: 'twilio', accountSid: `AC${'a'.repeat(32)}` });
    expect(config.store.kind).toBe('postgres');
  });
});
