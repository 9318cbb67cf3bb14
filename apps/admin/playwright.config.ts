// Browser tests of the console against the real API (with its embedded Twilio sandbox), in Debian's chromium.
// Playwright never downloads a browser here: the machines are offline and the system chromium is the one we test.
import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { reservePort } from './e2e/support/free-port';

const appDir = __dirname;
const workspaceRoot = path.join(appDir, '..', '..');
const apiMain = path.join(workspaceRoot, 'apps/api/dist/main.js');
const consoleBuild = path.join(appDir, '.next/BUILD_ID');

for (const [artifact, command] of [
  [apiMain, 'npm run build -w @flex-sms/api'],
  [consoleBuild, 'npm run build -w @flex-sms/admin'],
] as const) {
  if (!existsSync(artifact)) throw new Error(`${path.relative(workspaceRoot, artifact)} is missing: run \`${command}\` first (nx run @flex-sms/admin:e2e does).`);
}

const ports = {
  api: reservePort('E2E_API_PORT'),
  sandbox: reservePort('E2E_SANDBOX_PORT'),
  console: reservePort('E2E_CONSOLE_PORT'),
  consoleWithoutApi: reservePort('E2E_CONSOLE_WITHOUT_API_PORT'),
  // Reserved and never listened on: the console that must show "API unreachable" points its proxy here.
  closed: reservePort('E2E_CLOSED_PORT'),
};
const loopback = (port: number) => `http://127.0.0.1:${port}`;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Starts the built console (`next start`) on `port`, its proxy pointed at `apiUrl`. */
function consoleServer(port: number, apiUrl: string) {
  return {
    command: 'node scripts/next-start.mjs',
    cwd: appDir,
    env: { ADMIN_PORT: String(port), ADMIN_HOST: '127.0.0.1', API_URL: apiUrl, NEXT_TELEMETRY_DISABLED: '1' },
    url: `${loopback(port)}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5_000 },
  };
}

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.e2e.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./e2e/support/summary-reporter.ts']],
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1366, height: 800 },
    launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'console', testIgnore: '**/api-down.e2e.ts', use: { baseURL: loopback(ports.console) } },
    { name: 'console-api-down', testMatch: '**/api-down.e2e.ts', use: { baseURL: loopback(ports.consoleWithoutApi) } },
  ],
  webServer: [
    {
      // The real API: no Twilio credentials, so it starts the embedded sandbox on SANDBOX_PORT.
      command: 'node e2e/support/start-api.mjs',
      cwd: appDir,
      // CORS_ORIGIN: the console's origin, which the API's CSRF check requires on signed-in writes.
      env: { PORT: String(ports.api), SANDBOX_PORT: String(ports.sandbox), CORS_ORIGIN: loopback(ports.console) },
      url: `${loopback(ports.api)}/health/ready`,
      reuseExistingServer: false,
      timeout: 90_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    },
    consoleServer(ports.console, loopback(ports.api)),
    consoleServer(ports.consoleWithoutApi, loopback(ports.closed)),
  ],
});
