// `npm start|serve|dev -w @flex-sms/admin`: runs Next on ADMIN_PORT (default 4200). A script rather than an inline
// `${ADMIN_PORT:-4200}` so the default works in every shell npm may use.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
const mode = process.argv.includes('--dev') ? 'dev' : 'start';
const port = process.env.ADMIN_PORT || '4200';
const host = process.env.ADMIN_HOST || '0.0.0.0';

const child = spawn(process.execPath, [nextBin, mode, '--port', port, '--hostname', host], {
  cwd: appDir,
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
