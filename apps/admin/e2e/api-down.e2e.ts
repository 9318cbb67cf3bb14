// Runs in the "console-api-down" project: a console whose API_URL points at a port nothing listens on.
import { expect, test } from './support/test';

// Nobody can sign in while the API is down: the pages must still say why they are empty.
test.use({ signInAs: null });

test.describe('Status page when the API is down', () => {
  test('shows "API unreachable" and retries on demand', async ({ page, saveScreenshot }) => {
    await page.goto('/');

    const callout = page.getByTestId('api-error');
    await expect(callout.getByRole('heading', { name: 'API unreachable' })).toBeVisible();
    await expect(callout).toContainText('The Flex Outbound SMS API is unreachable.');
    await expect(callout).toContainText(/Request id: [0-9a-f-]{36}/);
    await expect(page.getByTestId('twilio-mode-badge')).toHaveCount(0);
    await saveScreenshot('status-api-unreachable');

    const retried = page.waitForResponse((response) => response.url().endsWith('/api/health/ready'));
    await page.getByRole('button', { name: 'Retry' }).click();
    expect((await retried).status()).toBe(502);
    await expect(callout.getByRole('heading', { name: 'API unreachable' })).toBeVisible();
  });

  test("the console's proxy answers in the API's error shape", async ({ request }) => {
    const response = await request.get('/api/health/ready');
    expect(response.status()).toBe(502);
    const body = await response.json();
    expect(body.error).toMatchObject({ status: 502, code: 'API_UNREACHABLE' });
    expect(body.error.message).not.toContain('127.0.0.1');
    expect(response.headers()['x-request-id']).toBe(body.error.requestId);
  });
});

test.describe('Every page when the API is down', () => {
  for (const [path, heading] of [
    ['/history', 'History'],
    ['/flex-flows', 'Flex Flows'],
    ['/proxy-sessions', 'Proxy sessions'],
    ['/sandbox-handset', 'Sandbox handset'],
  ] as const) {
    test(`${heading} says "API unreachable" instead of an empty page`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(page.getByTestId('api-error').getByRole('heading', { name: 'API unreachable' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Retry' })).toBeEnabled();
    });
  }

  test('Send says why it cannot offer a number', async ({ page }) => {
    await page.goto('/send');
    const form = page.getByTestId('send-form-task');
    await expect(form.getByText(/^The Flex Flows could not be read: The Flex Outbound SMS API is unreachable/)).toBeVisible();
    await expect(form.getByLabel('From number')).toBeDisabled();
  });
});
