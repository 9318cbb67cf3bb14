// Starts the real API for the browser tests (in the outbound mode E2E_OUTBOUND_MODE names, chat-proxy by default),
// always against its embedded Twilio sandbox and a throwaway embedded database, whatever the developer's shell
// exports: the tests must never reach a real Twilio account or a shared PostgreSQL. The data directory is removed
// when the API stops.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const workspaceRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const SECRETS_AND_TARGETS = [
  'TWILIO_ACCOUNT_SID',
  'TWILIO_AUTH_TOKEN',
  'ACCOUNT_SID',
  'AUTH_TOKEN',
  'TWILIO_API_KEY',
  'TWILIO_API_SECRET',
  'TWILIO_PROXY_SERVICE_SID',
  'TWILIO_CHAT_SERVICE_SID',
  'TWILIO_BASE_URL',
  'DATABASE_URL',
  'BOOTSTRAP_API_KEY',
  // The sandbox's documented demo admin is the one the tests sign in as.
  'ADMIN_USERNAME',
  'ADMIN_PASSWORD',
  // The mode is the config's choice (E2E_OUTBOUND_MODE), never the shell's.
  'OUTBOUND_MODE',
  'CONVERSATIONS_NUMBERS',
];

const dataDir = mkdtempSync(join(tmpdir(), 'flex-sms-admin-e2e-'));
// Loopback only: a test server is never reachable from outside this machine.
const env = { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1' };
for (const name of SECRETS_AND_TARGETS) delete env[name];
env.OUTBOUND_MODE = process.env.E2E_OUTBOUND_MODE ?? 'chat-proxy';

const api = spawn(process.execPath, [join(workspaceRoot, 'apps/api/dist/main.js')], { cwd: workspaceRoot, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.on('exit', (code, signal) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? (signal ? 0 : 1));
});
