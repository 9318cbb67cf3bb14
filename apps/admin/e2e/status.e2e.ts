import { BOTH_MODES } from './support/deployment';
import { expect, test } from './support/test';

const PAGES = ['Send', 'History', 'Flex Flows', 'Proxy sessions', 'Cleanup', 'Doctor', 'Sandbox handset'];

test.describe('Status page against the real API and its sandbox', () => {
  test('shows the API as ready, its database and Twilio up', async ({ page, saveScreenshot }) => {
    await page.goto('/');

    await expect(page.getByRole('heading', { level: 1, name: 'Status' })).toBeVisible();
    await expect(page.getByTestId('api-readiness')).toHaveText('API ready');
    await expect(page.getByTestId('readiness-database')).toContainText('Up');
    await expect(page.getByTestId('readiness-twilio')).toContainText('Up');
    await saveScreenshot('status-ready-laptop');
  });

  test('says the API runs on its embedded Twilio sandbox, on the page and in the top bar', async ({ page }) => {
    await page.goto('/');

    await expect(page.getByTestId('readiness-twilio')).toContainText('Sandbox: the embedded demo account, no real SMS');
    await expect(page.getByTestId('twilio-mode-badge')).toHaveText('Sandbox: no real SMS');
  });

  test('links every page from the sidebar, the current one marked', BOTH_MODES, async ({ page }) => {
    await page.goto('/');
    const navigation = page.getByRole('navigation', { name: 'Console' });

    await expect(navigation.getByRole('link', { name: 'Status' })).toHaveAttribute('aria-current', 'page');
    for (const label of PAGES) {
      await expect(navigation.getByRole('link', { name: label })).not.toHaveAttribute('aria-current', 'page');
    }
    await expect(navigation.getByTestId('coming-soon-navigation-item')).toHaveCount(0);
    await navigation.getByRole('link', { name: 'Doctor' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Doctor' })).toBeVisible();
    await expect(navigation.getByRole('link', { name: 'Doctor' })).toHaveAttribute('aria-current', 'page');
  });

  test('at tablet width the sidebar is an icon rail that still names its links and expands', async ({ page, saveScreenshot }) => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto('/');
    await expect(page.getByTestId('api-readiness')).toHaveText('API ready');

    const navigation = page.getByRole('navigation', { name: 'Console' });
    await expect(navigation.getByRole('link', { name: 'Status' })).toBeVisible();
    // Collapsed to a rail of icons, each carrying its page's name.
    await expect(navigation.getByRole('link', { name: 'Proxy sessions' })).toBeVisible();
    expect((await navigation.boundingBox())?.width).toBeLessThan(100);
    await saveScreenshot('status-ready-tablet');

    await page.getByRole('button', { name: 'Expand sidebar' }).click();
    await expect(page.getByRole('button', { name: 'Collapse sidebar' })).toBeVisible();
    await expect.poll(async () => (await navigation.boundingBox())?.width).toBeGreaterThan(150);
  });

  test('a keyboard user can skip straight to the page content', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('api-readiness')).toHaveText('API ready');

    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Skip to content' });
    await expect(skipLink).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });

  test('the browser reaches the API only through the console, and never sees the API key', async ({ page, requestedUrls }) => {
    const apiCalls: { url: string; authorization: string | undefined }[] = [];
    const bodies: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push({ url: request.url(), authorization: request.headers().authorization });
    });
    page.on('response', async (response) => bodies.push(await response.text().catch(() => '')));

    await page.goto('/');
    await expect(page.getByTestId('api-readiness')).toHaveText('API ready');

    const consoleOrigin = new URL(page.url()).origin;
    expect(apiCalls.length).toBeGreaterThan(0);
    for (const call of apiCalls) {
      expect(new URL(call.url).origin).toBe(consoleOrigin);
      expect(call.authorization).toBeUndefined();
    }
    expect(requestedUrls.every((url) => url.startsWith(consoleOrigin))).toBe(true);
    expect(bodies.filter((body) => body.includes('demo-api-key-flex-outbound-sms'))).toEqual([]);
  });

  test('renders with local fonts only: no Paste web font is requested or used', async ({ page, requestedUrls }) => {
    await page.goto('/');
    await expect(page.getByTestId('api-readiness')).toHaveText('API ready');
    await page.waitForLoadState('networkidle');

    const fontFamily = await page.getByRole('heading', { level: 1 }).evaluate((heading) => getComputedStyle(heading).fontFamily);
    expect(fontFamily).not.toMatch(/Inter var|TwilioSans/);
    expect(requestedUrls.filter((url) => /\.woff2?(\?|$)/.test(url))).toEqual([]);
  });
});
