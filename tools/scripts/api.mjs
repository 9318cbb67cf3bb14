// `npm run api`: the API alone, built first when it must be, with the V8 flags `npm start` gives it (apiNodeArgs).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { apiNodeArgs, build, ensureInstalled, root } from './lib.mjs';

ensureInstalled();
build(['@flex-sms/api']);
const api = spawn(process.execPath, [...apiNodeArgs(), join(root, 'apps/api/dist/main.js')], { cwd: root, stdio: 'inherit' });
// The API shuts down on SIGTERM/SIGINT (closing its database); a Ctrl-C reaches it through the terminal as well.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
// Nest re-raises the signal it shut down on: a stop we asked for is a clean exit.
api.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1)));
