// Both tests change the Proxy Service's sessions in bulk, so they run one after the other.
import { seedProxySessions } from './support/sandbox';
import { expect, test } from './support/test';

test.describe.configure({ mode: 'serial' });

test.describe('Proxy sessions and cleanup', () => {
  test('select sessions and close them; their detail page shows the participants', async ({ page, saveScreenshot }) => {
    const { sessionSids } = await seedProxySessions(2, 'open');
    await page.goto('/proxy-sessions');
    const table = page.getByTestId('proxy-session-table');
    await expect(table.getByRole('link', { name: sessionSids[0] })).toBeVisible();
    await saveScreenshot('proxy-sessions');

    await page.getByLabel('Status').selectOption('open');
    // Paste draws its own checkbox over a visually hidden input: a user clicks the drawn one, its label.
    for (const sid of sessionSids) await page.locator(`label[for="select-${sid}"]`).click();
    await expect(page.getByTestId('proxy-session-actions')).toContainText('2 selected');
    await page.getByRole('button', { name: 'Close selected' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Close sessions' }).click();
    await expect(page.getByTestId('session-batch-outcome')).toContainText('Closed 2 sessions');
    await expect(table.getByRole('link', { name: sessionSids[0] })).toHaveCount(0); // filtered on "open"

    await page.getByLabel('Status').selectOption('closed');
    await table.getByRole('link', { name: sessionSids[0] }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Proxy session' })).toBeVisible();
    await expect(page.getByTestId('proxy-participants').getByRole('row')).toHaveCount(3);
    await expect(page.getByText('closed', { exact: true })).toBeVisible();
  });

  test('a cleanup dry run previews the sessions; confirmed, its progress bar reaches done', async ({ page, saveScreenshot }) => {
    await seedProxySessions(25, 'closed');
    await page.goto('/cleanup');
    const selection = page.getByTestId('cleanup-selection');
    await expect(selection.getByLabel('Closed')).toBeChecked();
    await selection.getByRole('button', { name: 'Preview (dry run)' }).click();

    const preview = page.getByTestId('cleanup-preview');
    await expect(preview.getByRole('heading')).toHaveText(/Dry run: \d+ sessions would be cleaned up/);
    const total = Number((await preview.getByRole('heading').textContent())?.match(/(\d+) sessions/)?.[1]);
    expect(total).toBeGreaterThanOrEqual(25);
    await expect(preview.getByTestId('cleanup-preview-counts')).toContainText(`closed: ${total}`);
    await saveScreenshot('cleanup-dry-run');

    await preview.getByRole('button', { name: `Clean up ${total} sessions…` }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText(`Clean up ${total} sessions?`);
    await dialog.getByRole('button', { name: 'Start clean-up' }).click();

    const progress = page.getByTestId('cleanup-progress');
    await expect(progress.getByRole('progressbar')).toBeVisible();
    await expect(progress.getByTestId('cleanup-status')).toHaveText('Completed', { timeout: 20_000 });
    await expect(progress.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    await expect(progress.getByTestId('cleanup-counts')).toContainText(`Total: ${total}`);
    await expect(progress.getByTestId('cleanup-counts')).toContainText('Failed: 0');
    await expect(progress.getByTestId('cleanup-counts')).toContainText('Time left: done');
    await saveScreenshot('cleanup-done');

    // The sessions are gone: a second dry run finds none of them.
    await selection.getByRole('button', { name: 'Preview (dry run)' }).click();
    await expect(page.getByTestId('cleanup-preview-empty')).toBeVisible();
  });

  test('an empty selection is refused beside the form, before any request', async ({ page }) => {
    await page.goto('/cleanup');
    const selection = page.getByTestId('cleanup-selection');
    await selection.getByText('Closed', { exact: true }).click();
    await expect(selection.getByLabel('Closed')).not.toBeChecked();
    await selection.getByRole('button', { name: 'Preview (dry run)' }).click();
    await expect(selection.getByText('Choose at least one status, an age or a number: a clean-up never takes every session.').first()).toBeVisible();
    await expect(page.getByTestId('cleanup-preview')).toHaveCount(0);
  });
});
