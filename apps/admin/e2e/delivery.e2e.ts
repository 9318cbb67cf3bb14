import { BOTH_MODES } from './support/deployment';
import { ACCOUNT_NUMBERS, uniqueCustomerNumber } from './support/sandbox';
import { expect, test } from './support/test';

test.describe('Delivery status', () => {
  test(
    'a send to a handset whose carrier filters it shows "Undelivered (30007)" with what to do, in History and on the request',
    BOTH_MODES,
    async ({ page, sandbox, saveScreenshot }) => {
      const customer = uniqueCustomerNumber();
      await sandbox.setHandsetFate(customer, { outcome: 'carrier-filtered' });

      await page.goto('/send');
      await page.getByRole('tab', { name: 'Fire-and-forget' }).click();
      const form = page.getByTestId('send-form-message');
      await form.getByLabel('From number').selectOption(ACCOUNT_NUMBERS[0]);
      await form.getByLabel('Customer name').fill('Ada Lovelace');
      await form.getByLabel('Customer number').fill(customer);
      await form.getByLabel('Message').fill('Your order shipped.');
      await form.getByRole('button', { name: 'Send SMS' }).click();
      await expect(page.getByTestId('send-result')).toBeVisible();

      // The carrier's answer comes after the send: History shows it once Twilio has called the API back.
      await expect(async () => {
        await page.goto(`/history?number=${encodeURIComponent(customer)}&delivery=undelivered`);
        await expect(page.getByTestId('delivery-status').first()).toHaveText('Undelivered (30007)', { timeout: 1_000 });
      }).toPass();
      await expect(page.getByTestId('delivery-explanation').first()).toHaveText(
        /^The carrier filtered it as spam — check the message content and your A2P 10DLC/,
      );
      await saveScreenshot('history-undelivered');

      await page.getByTestId('history-table').getByRole('link').first().click();
      await expect(page.getByTestId('delivery-status')).toHaveText('Undelivered (30007)');
      await expect(page.getByTestId('delivery-explanation')).toContainText('The carrier filtered it as spam');
    },
  );
});
