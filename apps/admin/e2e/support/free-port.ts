// Playwright's config is synchronous and evaluated again in every worker process, so ports are picked here in a
// short child process (synchronously) and remembered in the environment, which the workers inherit.
import { execFileSync } from 'node:child_process';

const PICK_PORT = `const s = require('node:net').createServer();
s.listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });`;

function freePortSync(): number {
  return Number(execFileSync(process.execPath, ['-e', PICK_PORT], { encoding: 'utf8' }));
}

/** The port stored in `variable`, or a free loopback port stored there for the worker processes to find. */
export function reservePort(variable: string): number {
  const existing = process.env[variable];
  if (existing) return Number(existing);
  const port = freePortSync();
  process.env[variable] = String(port);
  return port;
}
