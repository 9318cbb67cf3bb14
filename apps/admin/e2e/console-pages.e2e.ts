import { ACCOUNT_NUMBERS } from './support/sandbox';
import { expect, test } from './support/test';

test.describe('Flex Flows, History and Doctor', () => {
  test('lists each number’s Flex Flows with their settings, and opens one', async ({ page, saveScreenshot }) => {
    await page.goto('/flex-flows');
    const table = page.getByTestId('flex-flow-table');
    for (const number of ACCOUNT_NUMBERS) await expect(table.getByTestId('flex-flow-number').filter({ hasText: number })).toBeVisible();
    const taskFlow = table.getByTestId('flex-flow-row').filter({ hasText: 'Flex SMS To Task Flow +15550100001' });
    await expect(taskFlow).toContainText('task');
    await expect(taskFlow).toContainText('Disabled');
    await saveScreenshot('flex-flows');

    await taskFlow.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Flex SMS To Task Flow +15550100001' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Edit' })).toBeVisible();
  });

  test('an admin creates a Flex Flow for a new number, then deletes it', async ({ page }) => {
    const number = '+15550100077';
    await page.goto('/flex-flows');
    await page.getByRole('link', { name: 'Create Flex Flow' }).click();
    const form = page.getByTestId('flex-flow-form');
    await form.getByLabel('Twilio number').fill('555');
    await form.getByRole('button', { name: 'Create Flex Flow' }).click();
    await expect(form.getByLabel('Twilio number')).toBeFocused();
    await expect(form.getByText('Enter the Twilio number in E.164 format, e.g. +15550100001.')).toBeVisible();

    await form.getByLabel('Twilio number').fill(number);
    await form.getByText('Task', { exact: true }).click();
    await expect(form.getByRole('radio', { name: 'Task' })).toBeChecked();
    await expect(form.getByLabel('Enabled')).not.toBeChecked();
    await form.getByRole('button', { name: 'Create Flex Flow' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(number);

    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete Flex Flow' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Flex Flows' })).toBeVisible();
    await expect(page.getByTestId('flex-flow-table')).not.toContainText(number);
  });

  test('History filters the journal by number and status', async ({ page, saveScreenshot }) => {
    await page.goto('/history?number=%2B15559999999');
    await expect(page.getByTestId('history-empty')).toHaveText(/No request matches these filters/);
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect(page).toHaveURL(/\/history$/);
    // Other tests send in parallel: there is a request once any of them did; wait for one.
    await expect(page.getByTestId('history-table').or(page.getByTestId('history-empty'))).toBeVisible();

    await page.getByLabel('Phone number').fill('not a number');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByText('Enter the number in E.164 format, e.g. +14155550123.')).toBeVisible();
    await page.getByLabel('Phone number').fill(ACCOUNT_NUMBERS[0]);
    await page.getByLabel('Status').selectOption('rolled_back');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/status=rolled_back&number=%2B15550100001/);
    await expect(page.getByTestId('history-empty').or(page.getByTestId('history-table'))).toBeVisible();
    await saveScreenshot('history');
  });

  test('the Doctor checks a number and lists fixes for what is wrong', async ({ page, saveScreenshot }) => {
    await page.goto('/doctor');
    await expect(page.getByTestId('doctor-empty')).toBeVisible();
    await page.getByLabel('Number', { exact: true }).selectOption(ACCOUNT_NUMBERS[0]);
    await page.getByRole('button', { name: 'Check set-up' }).click();
    const checklist = page.getByTestId('doctor-checklist');
    await expect(checklist.getByTestId('doctor-verdict')).toContainText(ACCOUNT_NUMBERS[0]);
    await expect(checklist.getByTestId('doctor-check').first()).toBeVisible();
    await saveScreenshot('doctor');

    // A number the account does not own: the first check fails and says how to fix it.
    await page.getByLabel('Number', { exact: true }).selectOption('other');
    await page.getByLabel('Other number').fill('+15550100099');
    await page.getByRole('button', { name: 'Check set-up' }).click();
    const ownership = checklist.getByTestId('doctor-check').filter({ hasText: 'The number belongs to the account' });
    await expect(ownership).toHaveAttribute('data-status', 'error');
    await expect(ownership.getByTestId('doctor-fix')).toBeVisible();
  });
});

test.describe('Every page at tablet width', () => {
  const PAGES = [
    ['/send', 'Send'],
    ['/history', 'History'],
    ['/flex-flows', 'Flex Flows'],
    ['/proxy-sessions', 'Proxy sessions'],
    ['/cleanup', 'Cleanup'],
    ['/consent', 'Consent'],
    ['/doctor', 'Doctor'],
    ['/sandbox-handset', 'Sandbox handset'],
  ] as const;

  test('fits the screen without sideways scrolling', async ({ page, saveScreenshot }) => {
    // Eight pages one after the other: more than one page's time on a shared machine.
    test.slow();
    await page.setViewportSize({ width: 768, height: 1024 });
    for (const [path, heading] of PAGES) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
      await saveScreenshot(`tablet${path.replace(/\//g, '-')}`);
    }
  });
});
