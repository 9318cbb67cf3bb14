// The `test` every browser test imports. It adds three things to Playwright's own:
// - `signInAs`: each test's browser starts signed in as the demo admin (through the console's sign-in route, so
//   the session cookie is the console's own); `test.use({ signInAs: null })` starts signed out;
// - a guard, on for every test, that aborts and reports any request the page makes to a host other than the
//   console itself (no fonts from assets.twilio.com, no call to Twilio, no telemetry);
// - `saveScreenshot`, which keeps a named full-page screenshot of each page under test-results/screenshots;
// - `deployment` (set per project: the API's outbound mode and URLs) and `sandbox`, the controls of its sandbox.
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import path from 'node:path';
import type { Deployment } from './deployment';
import { Sandbox } from './sandbox';
import { DEMO_ADMIN, signIn, type Credentials } from './users';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  // data: and blob: URLs never touch the network.
  if (protocol === 'data:' || protocol === 'blob:') return true;
  return LOOPBACK_HOSTS.has(hostname);
}

interface Options {
  /** Who the browser is signed in as when the test starts; null = nobody. */
  signInAs: Credentials | null;
  /** The stack under test (playwright.config.ts sets it per project). */
  deployment: Deployment;
}

interface Fixtures {
  /** Every URL the page requested during the test (filled in by the guard). */
  requestedUrls: string[];
  saveScreenshot: (name: string) => Promise<void>;
  sandbox: Sandbox;
}

/** The chat-proxy stack, for a project that does not say (the API-down project never reaches it). */
const CHAT_PROXY: Deployment = {
  mode: 'chat-proxy',
  apiUrl: `http://127.0.0.1:${process.env.E2E_API_PORT}`,
  sandboxUrl: `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT}`,
};

export const test = base.extend<Fixtures & Options>({
  signInAs: [DEMO_ADMIN, { option: true }],
  deployment: [CHAT_PROXY, { option: true }],
  sandbox: async ({ deployment }, use) => {
    await use(new Sandbox(deployment.sandboxUrl));
  },
  context: async ({ context, signInAs }, use) => {
    if (signInAs) await signIn(context.request, signInAs);
    await use(context);
  },
  requestedUrls: [
    async ({ context }, use) => {
      const urls: string[] = [];
      context.on('request', (request) => urls.push(request.url()));
      // Abort instead of letting the request out, so a regression cannot leak anything while it is being reported.
      await context.route(
        (url) => !isLoopback(url.href),
        (route) => route.abort('blockedbyclient'),
      );
      await use(urls);
      const external = urls.filter((url) => !isLoopback(url));
      expect(external, 'requests that left localhost').toEqual([]);
    },
    { auto: true },
  ],
  saveScreenshot: async ({ page, deployment }, use, testInfo) => {
    // Each mode keeps its own screenshots: the same page looks different in each.
    await use((name) => screenshot(page, testInfo, deployment.mode === 'chat-proxy' ? name : `${deployment.mode}-${name}`));
  },
});

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = path.join(testInfo.project.outputDir, 'screenshots', `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

export { expect };
