// Browser tests of the console against the real API (with its embedded Twilio sandbox), in Debian's chromium.
// Playwright never downloads a browser here: the machines are offline and the system chromium is the one we test.
import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { BOTH_MODES, CONVERSATIONS_MODE_ONLY, tagged, type Deployment, type DeploymentOptions } from './e2e/support/deployment';
import { reservePort } from './e2e/support/free-port';

const appDir = __dirname;
const workspaceRoot = path.join(appDir, '..', '..');
const apiMain = path.join(workspaceRoot, 'apps/api/dist/main.js');
const consoleBuild = path.join(appDir, '.next/BUILD_ID');

for (const [artifact, command] of [
  [apiMain, 'npm run build -w @flex-sms/api'],
  [consoleBuild, 'npm run build -w @flex-sms/admin'],
] as const) {
  if (!existsSync(artifact))
    throw new Error(`${path.relative(workspaceRoot, artifact)} is missing: run \`${command}\` first (nx run @flex-sms/admin:e2e does).`);
}

const ports = {
  api: reservePort('E2E_API_PORT'),
  sandbox: reservePort('E2E_SANDBOX_PORT'),
  console: reservePort('E2E_CONSOLE_PORT'),
  // The same stack with OUTBOUND_MODE=conversations: its own API, sandbox, data directory and console.
  conversationsApi: reservePort('E2E_CONVERSATIONS_API_PORT'),
  conversationsSandbox: reservePort('E2E_CONVERSATIONS_SANDBOX_PORT'),
  conversationsConsole: reservePort('E2E_CONVERSATIONS_CONSOLE_PORT'),
  consoleWithoutApi: reservePort('E2E_CONSOLE_WITHOUT_API_PORT'),
  // Reserved and never listened on: the console that must show "API unreachable" points its proxy here.
  closed: reservePort('E2E_CLOSED_PORT'),
};
const loopback = (port: number) => `http://127.0.0.1:${port}`;

const chatProxy: Deployment = { mode: 'chat-proxy', apiUrl: loopback(ports.api), sandboxUrl: loopback(ports.sandbox) };
const conversations: Deployment = {
  mode: 'conversations',
  apiUrl: loopback(ports.conversationsApi),
  sandboxUrl: loopback(ports.conversationsSandbox),
};

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

/** Starts the real API in `deployment.mode`: no Twilio credentials, so it starts its embedded sandbox. */
function apiServer(deployment: Deployment, consolePort: number) {
  return {
    command: 'node e2e/support/start-api.mjs',
    cwd: appDir,
    // CORS_ORIGIN: the console's origin, which the API's CSRF check requires on signed-in writes.
    env: {
      PORT: new URL(deployment.apiUrl).port,
      SANDBOX_PORT: new URL(deployment.sandboxUrl).port,
      CORS_ORIGIN: loopback(consolePort),
      E2E_OUTBOUND_MODE: deployment.mode,
    },
    url: `${deployment.apiUrl}/health/ready`,
    reuseExistingServer: false,
    timeout: 90_000,
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 10_000 },
  };
}

/** Starts the built console (scripts/next-start.mjs, as `npm start` does) on `port`, its proxy pointed at `apiUrl`. */
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

export default defineConfig<DeploymentOptions>({
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
  // The chat-proxy project runs every test but those of conversations mode; the conversations project runs the tests
  // tagged as meaning the same in both modes (parameterised on `deployment.mode`) and its own.
  projects: [
    {
      name: 'console-chat-proxy',
      testIgnore: '**/api-down.e2e.ts',
      grepInvert: tagged(CONVERSATIONS_MODE_ONLY),
      use: { baseURL: loopback(ports.console), deployment: chatProxy },
    },
    {
      name: 'console-conversations',
      testIgnore: '**/api-down.e2e.ts',
      grep: [tagged(BOTH_MODES), tagged(CONVERSATIONS_MODE_ONLY)],
      use: { baseURL: loopback(ports.conversationsConsole), deployment: conversations },
    },
    { name: 'console-api-down', testMatch: '**/api-down.e2e.ts', use: { baseURL: loopback(ports.consoleWithoutApi) } },
  ],
  webServer: [
    apiServer(chatProxy, ports.console),
    consoleServer(ports.console, chatProxy.apiUrl),
    apiServer(conversations, ports.conversationsConsole),
    consoleServer(ports.conversationsConsole, conversations.apiUrl),
    consoleServer(ports.consoleWithoutApi, loopback(ports.closed)),
  ],
});
