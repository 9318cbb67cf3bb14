// `npm start|serve|dev -w @flex-sms/admin`: the console on ADMIN_PORT (default 4200). Next runs inside our own HTTP
// server rather than `next start`, so that every request's X-Forwarded-For is the real client's before Next (and the
// API proxy route) sees it: see client-address.mjs.
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { trustedProxies, withClientAddress } from './client-address.mjs';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');
const port = Number(process.env.ADMIN_PORT || '4200');
const host = process.env.ADMIN_HOST || '0.0.0.0';
const trust = trustedProxies(process.env.ADMIN_TRUST_PROXY);

// Set before Next loads, as `next start` and `next dev` do.
process.env.NEXT_TELEMETRY_DISABLED = '1';
process.env.NODE_ENV ??= dev ? 'development' : 'production';
const { default: next } = await import('next');

const server = createServer();
const app = next({ dev, dir: appDir, hostname: host, port, httpServer: server });
await app.prepare();
const handle = app.getRequestHandler();
server.on(
  'request',
  withClientAddress((request, response) => handle(request, response), trust),
);
server.listen(port, host, () =>
  console.log(`Flex Outbound SMS console on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}${dev ? ' (dev)' : ''}`),
);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
