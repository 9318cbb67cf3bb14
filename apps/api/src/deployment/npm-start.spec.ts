import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEMO_ADMIN, DEMO_API_KEY } from '../config/app-config';

const BANNER_MODULE = pathToFileURL(join(resolve(__dirname, '../../../..'), 'tools/scripts/start-banner.mjs')).href;
const SECRET_KEY = 'a-bootstrap-key-of-our-own-0123456789';
const SANDBOX_ACCOUNT = { accountSid: `AC${'5'.repeat(32)}`, authToken: 't'.repeat(32), numbers: ['+15550100001'] };

/** `npm start`'s banner (tools/scripts/start-banner.mjs, an ES module) for an environment and the API's readiness answer. */
function banner(env: Record<string, string>, readiness: unknown): string {
  const input = { env, adminPort: '4200', apiPort: '3000', sandboxPort: '3100', readiness, sandboxAccount: SANDBOX_ACCOUNT };
  const script = `import { startBanner } from ${JSON.stringify(BANNER_MODULE)}; process.stdout.write(startBanner(${JSON.stringify(input)}).join('\\n'));`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
}

const ready = (mode: 'sandbox' | 'twilio') => ({
  status: 'ready',
  checks: { database: { status: 'up' }, twilio: { status: 'up', mode, outboundMode: 'chat-proxy' } },
});
const notReady = (mode: 'sandbox' | 'twilio') => ({
  error: { status: 503, code: 'NOT_READY', context: { checks: { twilio: { status: 'down', mode } } } },
});

describe('npm start: what it prints', () => {
  it('in sandbox mode: the public demo key, the demo admin and the sandbox account', () => {
    const printed = banner({}, ready('sandbox'));
    expect(printed).toContain(`API key         ${DEMO_API_KEY}`);
    expect(printed).toContain(`Console login   ${DEMO_ADMIN.username} / ${DEMO_ADMIN.password}`);
    expect(printed).toContain(`embedded sandbox at http://localhost:3100 (account ${SANDBOX_ACCOUNT.accountSid}`);
  });

  it('with Twilio credentials: never the configured BOOTSTRAP_API_KEY, nor any demo value', () => {
    for (const readiness of [ready('twilio'), notReady('twilio')]) {
      const printed = banner({ TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`, BOOTSTRAP_API_KEY: SECRET_KEY }, readiness);
      expect(printed).not.toContain(SECRET_KEY);
      expect(printed).toContain('API key         the BOOTSTRAP_API_KEY you set');
      expect(printed).not.toContain(DEMO_API_KEY);
      expect(printed).not.toContain(DEMO_ADMIN.password);
      expect(printed).not.toContain('embedded sandbox');
    }
  });

  it('takes the mode from the API, so TWILIO_API_KEY/TWILIO_API_SECRET credentials count as credentials too', () => {
    const printed = banner({ TWILIO_API_KEY: `SK${'d'.repeat(32)}`, TWILIO_API_SECRET: 'secret', BOOTSTRAP_API_KEY: SECRET_KEY }, ready('twilio'));
    expect(printed).not.toContain(DEMO_ADMIN.password);
    expect(printed).not.toContain('embedded sandbox');
  });
});
