import type { Page } from '@playwright/test';
import { BOTH_MODES } from './support/deployment';
import { ACCOUNT_NUMBERS, uniqueCustomerNumber } from './support/sandbox';
import { expect, test } from './support/test';

/** The customer texts `body` to `from` from the sandbox handset page, as a person would. */
async function textFromHandset(page: Page, customer: string, from: string, body: string) {
  await page.goto(`/sandbox-handset?number=${encodeURIComponent(customer)}`);
  const reply = page.getByTestId('handset-reply-form');
  await reply.getByLabel('To').selectOption(from);
  await reply.getByLabel(`Reply as ${customer}`).fill(body);
  await reply.getByRole('button', { name: 'Send as customer' }).click();
  await expect(page.getByTestId('handset-reply-outcome')).toBeVisible();
  await expect(page.getByTestId('handset-thread').getByTestId('handset-sent').last()).toContainText(body);
}

/** Searches the Consent page for the customer until the register shows what Twilio's webhook told the API. */
async function expectOnConsentPage(page: Page, customer: string, present: boolean) {
  await page.goto('/consent');
  await page.getByLabel('Find a customer number').fill(customer);
  // The webhook reaches the API after the handset's answer: search again until the register has it.
  await expect(async () => {
    await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
    await expect(page.getByTestId('opt-out-row').filter({ hasText: customer })).toHaveCount(present ? 1 : 0, { timeout: 1_000 });
  }).toPass();
}

/** Fills the Send page's fire-and-forget form for the customer and sends it. */
async function sendMessage(page: Page, customer: string, from: string) {
  await page.goto('/send');
  await page.getByRole('tab', { name: 'Fire-and-forget' }).click();
  const form = page.getByTestId('send-form-message');
  await form.getByLabel('From number').selectOption(from);
  await form.getByLabel('Customer name').fill('Grace Hopper');
  await form.getByLabel('Customer number').fill(customer);
  await form.getByLabel('Message').fill('Your order #1042 has shipped.');
  await form.getByRole('button', { name: 'Send SMS' }).click();
  return form;
}

test.describe('Consent', () => {
  test(
    'the customer texts STOP from their handset: the Send page refuses them beside the number; START lets the send through',
    BOTH_MODES,
    async ({ page, deployment, saveScreenshot }) => {
      // Two texts from the handset, two or three sends, each waiting for Twilio's webhook to reach the API.
      test.slow();
      const customer = uniqueCustomerNumber();
      const from = ACCOUNT_NUMBERS[1];

      // Where Twilio tells the API of a customer's text: Conversations only within a conversation bound to the pair
      // (the demo numbers' Address Configurations have auto-creation off), so there the customer got a text first and
      // answers it; Proxy drops STOP inside a session (Twilio's docs: no callback), so there they text out of the blue
      // and the number's Flex Flow takes it.
      if (deployment.mode === 'conversations') {
        await sendMessage(page, customer, from);
        await expect(page.getByTestId('send-result').getByTestId('result-message')).toContainText('Your order #1042 has shipped.');
      }
      await textFromHandset(page, customer, from, 'STOP');
      // Twilio's own reply to the keyword reaches the handset.
      await expect(page.getByTestId('handset-thread').getByTestId('handset-received').last()).toContainText(
        'You have successfully been unsubscribed',
      );
      await expectOnConsentPage(page, customer, true);
      await expect(page.getByTestId('opt-out-row').filter({ hasText: customer })).toContainText(from);

      const form = await sendMessage(page, customer, from);
      const numberHelp = form.locator('#message-toNumber-help');
      await expect(numberHelp).toContainText(`${customer} texted an opt-out keyword (STOP) on`);
      await expect(numberHelp).toContainText(`may not be texted from ${from}`);
      await expect(form.getByLabel('Customer number')).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByTestId('send-result')).toHaveCount(0);
      await saveScreenshot('send-refused-after-stop');

      await textFromHandset(page, customer, from, 'START');
      await expectOnConsentPage(page, customer, false);

      await sendMessage(page, customer, from);
      await expect(page.getByTestId('send-result').getByTestId('result-message')).toContainText('Your order #1042 has shipped.');
    },
  );

  test(
    'an admin opts a customer out; the Send page refuses them beside the number; removing the opt-out lets the send through',
    BOTH_MODES,
    async ({ page, saveScreenshot }) => {
      // Three pages and two sends, one after the other.
      test.slow();
      const customer = uniqueCustomerNumber();
      const from = ACCOUNT_NUMBERS[1];

      await page.goto('/');
      await page.getByRole('navigation').getByRole('link', { name: 'Consent' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Consent' })).toBeVisible();
      const add = page.getByTestId('add-opt-out-form');
      await add.getByLabel('Customer number').fill(customer);
      await add.getByLabel('Sender').fill(from);
      await add.getByLabel('Reason').fill('Asked by phone not to be texted');
      await add.getByRole('button', { name: 'Add opt-out' }).click();

      await page.getByLabel('Find a customer number').fill(customer);
      await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
      const row = page.getByTestId('opt-out-row').filter({ hasText: customer });
      await expect(row).toContainText(from);
      await expect(row).toContainText('Asked by phone not to be texted');
      await saveScreenshot('consent');

      const form = await sendMessage(page, customer, from);
      const numberHelp = form.locator('#message-toNumber-help');
      await expect(numberHelp).toContainText(`${customer} was opted out by an admin`);
      await expect(numberHelp).toContainText(`may not be texted from ${from}`);
      await expect(form.getByLabel('Customer number')).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByTestId('send-result')).toHaveCount(0);
      await saveScreenshot('send-refused-opted-out');

      await page.goto('/consent');
      await page.getByLabel('Find a customer number').fill(customer);
      await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
      await page.getByTestId('opt-out-row').filter({ hasText: customer }).getByRole('button', { name: 'Remove' }).click();
      await page.getByRole('textbox', { name: 'Reason' }).and(page.locator('#opt-out-removal-reason')).fill('Opted back in by email');
      await page.getByRole('button', { name: 'Remove opt-out' }).click();
      await expect(page.getByTestId('consent-empty')).toBeVisible();

      // The trail keeps both changes, who made them and why, after the opt-out is gone.
      await page.getByTestId('add-opt-out-form').getByLabel('Customer number').fill(customer);
      await page.getByTestId('add-opt-out-form').getByLabel('Sender').fill(ACCOUNT_NUMBERS[0]);
      await page.getByTestId('add-opt-out-form').getByLabel('Reason').fill('Other number too');
      await page.getByTestId('add-opt-out-form').getByRole('button', { name: 'Add opt-out' }).click();
      await page.getByTestId('opt-out-row').filter({ hasText: customer }).getByRole('button', { name: 'Audit trail' }).click();
      const trail = page.getByTestId('consent-audit').getByTestId('consent-audit-row');
      await expect(trail).toHaveCount(3);
      await expect(trail.nth(0)).toContainText('Asked by phone not to be texted');
      await expect(trail.nth(1)).toContainText('Opted back in by email');
      await expect(trail.nth(1)).toContainText('Opted back in');

      await sendMessage(page, customer, from);
      await expect(page.getByTestId('send-result').getByTestId('result-message')).toContainText('Your order #1042 has shipped.');
    },
  );

  test('imports opt-outs from a CSV file, listing the rows left out by line', async ({ page }) => {
    const customer = uniqueCustomerNumber();
    await page.goto('/consent');
    await page.getByLabel('CSV file').setInputFiles({
      name: 'opt-outs.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`recipient,scope,reason\n${customer},${ACCOUNT_NUMBERS[0]},From the CRM\nnot-a-number,${ACCOUNT_NUMBERS[0]},Bad\n`),
    });
    await page.getByRole('button', { name: 'Import' }).click();
    const result = page.getByTestId('consent-import-result');
    await expect(result).toContainText('1 opt-out imported, 1 row left out');
    await expect(result).toContainText('Line 3: recipient must be a phone number');
    await page.getByLabel('Find a customer number').fill(customer);
    await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
    await expect(page.getByTestId('opt-out-row').filter({ hasText: customer })).toContainText('CSV import');
  });
});
