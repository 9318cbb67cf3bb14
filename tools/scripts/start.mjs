// `npm start`: the whole product on one machine — the API (which starts the embedded Twilio sandbox when no Twilio
// credentials are configured) and the admin console. Installs and builds first when it must.
import { apiNodeArgs, build, ensureInstalled, root, startChild, waitFor } from './lib.mjs';
import { startBanner, twilioModeOf } from './start-banner.mjs';
import { join } from 'node:path';

const apiPort = process.env.PORT ?? '3000';
const adminPort = process.env.ADMIN_PORT ?? '4200';
const sandboxPort = process.env.SANDBOX_PORT ?? '3100';
// This machine only, unless HOST says otherwise: the demo key is public.
const host = process.env.HOST ?? '127.0.0.1';
const apiUrl = `http://127.0.0.1:${apiPort}`;

ensureInstalled();
build(['@flex-sms/api', '@flex-sms/admin']);

const children = [
  startChild('api', process.execPath, [...apiNodeArgs(), join(root, 'apps/api/dist/main.js')], {
    PORT: apiPort,
    SANDBOX_PORT: sandboxPort,
    HOST: host,
    // The console's sign-in and its state-changing requests are accepted only from the console's own origin.
    CORS_ORIGIN: process.env.CORS_ORIGIN ?? `http://localhost:${adminPort},http://127.0.0.1:${adminPort}`,
    // Lines for a person at a terminal; a deployment keeps the default, one JSON object a line.
    LOG_FORMAT: process.env.LOG_FORMAT ?? 'pretty',
  }),
];
const stopAll = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);
children[0].on('exit', (code) => {
  console.error(`[api] exited with ${code}`);
  stopAll();
  process.exitCode = code ?? 1;
});

await waitFor(`${apiUrl}/health`);
// Node directly rather than `npm run start -w`: npm does not pass a SIGTERM on, which would leave the console running.
children.push(
  startChild('admin', process.execPath, [join(root, 'apps/admin/scripts/next-start.mjs')], {
    ADMIN_PORT: adminPort,
    ADMIN_HOST: host,
    API_URL: apiUrl,
  }),
);
await waitFor(`http://127.0.0.1:${adminPort}/`);

const readiness = await (await fetch(`${apiUrl}/health/ready`)).json().catch(() => ({}));
const sandboxAccount =
  twilioModeOf(readiness) === 'sandbox'
    ? await (await fetch(`http://127.0.0.1:${sandboxPort}/_sandbox/account`)).json().catch(() => undefined)
    : undefined;
console.log(startBanner({ env: process.env, adminPort, apiPort, sandboxPort, readiness, sandboxAccount }).join('\n'));
