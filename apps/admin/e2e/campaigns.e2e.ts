import { randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { CONVERSATIONS_MODE_ONLY } from './support/deployment';
import { ACCOUNT_NUMBERS, WHATSAPP_SENDER, uniqueCustomerNumber } from './support/sandbox';
import { expect, test } from './support/test';

/** 50 rows: 45 customers to text, two invalid numbers, two repeats of earlier rows, one customer who opted out. */
function recipientList() {
  // A block of 46 fictional numbers (415-555-xxxx) no other test uses at once.
  const base = randomInt(0, 9_900 - 46);
  const numbers = Array.from({ length: 46 }, (_, index) => `+1415555${String(base + index).padStart(4, '0')}`);
  const optedOut = numbers[45];
  const rows = numbers.slice(0, 45).map((number, index) => `${number},Customer ${index + 1},Monday ${index + 1}`);
  // Rows 11 and 22: invalid; 33 and 44: repeats of rows 1 and 2 (written differently); 50: the opted-out customer.
  rows.splice(10, 0, 'not a number,Nobody,Monday');
  rows.splice(21, 0, '12,Too short,Monday');
  rows.splice(32, 0, `${numbers[0].replace('+1415', '+1 (415) ')},Again,Monday`);
  rows.splice(43, 0, `${numbers[1]},Twice,Monday`);
  rows.push(`${optedOut},Stopped,Monday`);
  return { csv: ['phone,first name,day', ...rows].join('\n') + '\n', numbers: numbers.slice(0, 45), optedOut };
}

test.describe('Campaigns', () => {
  test('uploads a CSV of 50, maps its columns, reads the report, starts it, watches it finish and downloads the results', async ({
    page,
    saveScreenshot,
  }) => {
    // Two pages, a campaign of 45 sends and a download, one after the other.
    test.slow();
    const sender = ACCOUNT_NUMBERS[0];
    const list = recipientList();

    await page.goto('/consent');
    const add = page.getByTestId('add-opt-out-form');
    await add.getByLabel('Customer number').fill(list.optedOut);
    await add.getByLabel('Sender').fill(sender);
    await add.getByLabel('Reason').fill('Texted STOP to the clinic');
    await add.getByRole('button', { name: 'Add opt-out' }).click();
    await expect(add.getByLabel('Customer number')).toHaveValue('');

    await page.getByRole('navigation').getByRole('link', { name: 'Campaigns' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Campaigns' })).toBeVisible();
    const form = page.getByTestId('new-campaign-form');
    await form.getByLabel('Name').fill('Visit reminders');
    await form.getByLabel('Recipients (CSV)').setInputFiles({ name: 'visits.csv', mimeType: 'text/csv', buffer: Buffer.from(list.csv) });
    // The first rows as read, and the mapping guessed from the header.
    await expect(form.getByTestId('csv-first-rows')).toContainText(list.numbers[0]);
    await expect(form.getByLabel('Number column')).toHaveValue('phone');
    await expect(form.getByLabel('Name column')).toHaveValue('first name');
    await form.getByLabel('Variable filled from “day”').fill('visit');
    await form.getByRole('textbox', { name: 'Message text' }).fill('Hi {{name}}, see you on {{visit}}.');
    // Paste draws its own box over the input: the operator clicks the label.
    await form.getByText(`${sender} · `).click();
    await expect(form.getByRole('checkbox', { name: new RegExp(`^\\${sender}`) })).toBeChecked();
    await form.getByLabel('Pacing (messages per second per sender)').fill('50');
    // No quiet hours: the test must not depend on the time of day it runs at.
    await form.getByLabel('Send from (recipient’s time)').fill('00:00');
    await form.getByLabel('Send until (recipient’s time)').fill('00:00');
    await form.getByRole('button', { name: 'Check the list' }).click();

    const report = form.getByTestId('preflight-report');
    await expect(report.getByTestId('report-rows')).toHaveText('50');
    await expect(report.getByTestId('report-to-send')).toHaveText('45');
    await expect(report.getByTestId('report-invalid')).toHaveText('2');
    await expect(report.getByTestId('report-duplicates')).toHaveText('2');
    await expect(report.getByTestId('report-optedOut')).toHaveText('1');
    const leftOut = report.getByTestId('left-out-row');
    await expect(leftOut).toHaveCount(5);
    await expect(leftOut.filter({ hasText: 'not a number' })).toContainText('11');
    await expect(leftOut.filter({ hasText: 'same number as row 1' })).toContainText('33');
    await expect(leftOut.filter({ hasText: 'same number as row 2' })).toContainText('44');
    await expect(leftOut.filter({ hasText: 'Opted out' })).toContainText(`opted out of ${sender}`);
    await expect(report.getByTestId('report-preview').getByRole('row').nth(1)).toContainText('Hi Customer 1, see you on Monday 1.');
    await saveScreenshot('campaign-report');

    await form.getByTestId('start-campaign').click();
    await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Visit reminders' })).toBeVisible();
    const progress = page.getByTestId('campaign-progress');
    await expect(progress.getByTestId('campaign-progress-bar')).toBeVisible();
    await expect(page.getByTestId('campaign-status')).toHaveText('Completed', { timeout: 60_000 });
    await expect(progress).toContainText('45 of 45');
    await expect(progress.getByTestId('count-sent')).toHaveText('45');
    await expect(progress.getByTestId('count-pending')).toHaveCount(0);
    await saveScreenshot('campaign-completed');

    // The recipients table follows the campaign to its end.
    await page.getByLabel('State').selectOption('sent');
    await expect(page.getByTestId('campaign-recipient-row')).toHaveCount(45);
    await page.getByLabel('State').selectOption('duplicate');
    await expect(page.getByTestId('campaign-recipient-row')).toHaveCount(2);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('campaign-results-csv').click()]);
    const [header, ...lines] = (await readFile(await download.path(), 'utf8')).trim().split('\r\n');
    expect(header.split(',').slice(0, 5)).toEqual(['row', 'number', 'name', 'sender', 'state']);
    expect(lines).toHaveLength(50);
    const outcomes = new Map(lines.map((line) => [Number(line.split(',')[0]), line.split(',')[4]]));
    expect([...outcomes.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    expect([11, 22].map((row) => outcomes.get(row))).toEqual(['invalid', 'invalid']);
    expect([33, 44].map((row) => outcomes.get(row))).toEqual(['duplicate', 'duplicate']);
    expect(outcomes.get(50)).toBe('opted_out');
    const sent = lines.filter((line) => line.split(',')[4] === 'sent');
    expect(sent).toHaveLength(45);
    expect(new Set(sent.map((line) => line.split(',')[1]))).toEqual(new Set(list.numbers));
    for (const line of sent) expect(line.split(',')[6]).toMatch(/^req_/);

    // At tablet width the page fits the screen: wide tables scroll inside themselves.
    await page.setViewportSize({ width: 768, height: 1024 });
    for (const path of [page.url(), '/campaigns']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
  });

  test(
    'sends a WhatsApp Content template, columns mapped to its placeholders, a row missing one reported',
    CONVERSATIONS_MODE_ONLY,
    async ({ page }) => {
      test.slow();
      const [ada, grace, blank] = [uniqueCustomerNumber(), uniqueCustomerNumber(), uniqueCustomerNumber()];
      const csv = ['phone,first name,day', `${ada},Ada,Monday`, `${grace},Grace,Tuesday`, `${blank},Nobody,`].join('\n');
      const reminder = (name: string, day: string) =>
        `Hello ${name}, this is a reminder of your appointment on ${day}. Reply here if you need to change it.`;

      await page.goto('/campaigns');
      const form = page.getByTestId('new-campaign-form');
      await form.getByLabel('Name').fill('WhatsApp reminders');
      await form.getByLabel('Recipients (CSV)').setInputFiles({ name: 'whatsapp.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await form.getByLabel('Variable filled from “day”').fill('2');
      await form.getByLabel('Variable filled from “first name”').fill('1');
      await form.getByText('WhatsApp', { exact: true }).click();
      await form.getByRole('combobox', { name: 'Content template' }).selectOption({ label: 'appointment_reminder · WhatsApp approved' });
      await form.getByLabel('Other sender numbers').fill(WHATSAPP_SENDER.replace('whatsapp:', ''));
      await form.getByLabel('Send from (recipient’s time)').fill('00:00');
      await form.getByLabel('Send until (recipient’s time)').fill('00:00');
      await form.getByRole('button', { name: 'Check the list' }).click();

      const report = form.getByTestId('preflight-report');
      await expect(report.getByTestId('report-to-send')).toHaveText('2');
      await expect(report.getByTestId('left-out-row')).toContainText(['contentVariables.2: must not be blank']);
      await expect(report.getByTestId('report-preview')).toContainText(reminder('Ada', 'Monday'));
      await expect(report.getByTestId('report-preview')).toContainText(reminder('Grace', 'Tuesday'));

      await form.getByTestId('start-campaign').click();
      await expect(page.getByRole('heading', { level: 1, name: 'WhatsApp reminders' })).toBeVisible();
      await expect(page.getByTestId('campaign-status')).toHaveText('Completed', { timeout: 60_000 });
      await expect(page.getByTestId('campaign-progress').getByTestId('count-sent')).toHaveText('2');
      await expect(page.getByTestId('campaign-progress').getByTestId('count-invalid')).toHaveText('1');
    },
  );

  test('pauses, resumes and cancels a campaign from its page', async ({ page }) => {
    test.slow();
    const numbers = Array.from({ length: 6 }, () => uniqueCustomerNumber());
    const csv = ['number', ...numbers].join('\n');

    await page.goto('/campaigns');
    const form = page.getByTestId('new-campaign-form');
    await form.getByLabel('Name').fill('Slow notice');
    await form.getByLabel('Recipients (CSV)').setInputFiles({ name: 'slow.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await form.getByRole('textbox', { name: 'Message text' }).fill('The clinic is closed on Friday.');
    await form.getByText(`${ACCOUNT_NUMBERS[1]} · `).click();
    // One message every 5 seconds: most recipients are still pending while the test acts.
    await form.getByLabel('Pacing (messages per second per sender)').fill('0.2');
    await form.getByLabel('Send from (recipient’s time)').fill('00:00');
    await form.getByLabel('Send until (recipient’s time)').fill('00:00');
    await form.getByRole('button', { name: 'Check the list' }).click();
    await expect(form.getByTestId('report-to-send')).toHaveText('6');
    await form.getByTestId('start-campaign').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Slow notice' })).toBeVisible();

    await page.getByTestId('campaign-pause').click();
    await expect(page.getByTestId('campaign-status')).toHaveText('Paused');
    await page.getByTestId('campaign-resume').click();
    await expect(page.getByTestId('campaign-status')).toHaveText('Running');
    await page.getByTestId('campaign-cancel').click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel campaign' }).click();
    await expect(page.getByTestId('campaign-status')).toHaveText('Cancelled');
    await expect(page.getByTestId('count-pending')).toHaveCount(0);
    await expect(page.getByTestId('count-cancelled')).not.toHaveText('0');
    await expect(page.getByTestId('campaign-pause')).toHaveCount(0);
  });
});
