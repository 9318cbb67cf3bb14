import { BOTH_MODES, MODE_WORDS } from './support/deployment';
import { ACCOUNT_NUMBERS, WHATSAPP_SENDER, uniqueCustomerNumber } from './support/sandbox';
import { expect, test } from './support/test';

test.describe('Sandbox handset', () => {
  test(
    'a fire-and-forget SMS reaches the customer’s phone; their reply lands in the Flex transcript',
    BOTH_MODES,
    async ({ page, deployment, saveScreenshot }) => {
      const customer = uniqueCustomerNumber();
      const from = ACCOUNT_NUMBERS[1];

      await page.goto('/send');
      await page.getByRole('tab', { name: 'Fire-and-forget' }).click();
      const form = page.getByTestId('send-form-message');
      await form.getByLabel('From number').selectOption(from);
      await form.getByLabel('Customer name').fill('Grace Hopper');
      await form.getByLabel('Customer number').fill(customer);
      await form.getByLabel('Message').fill('Your order #1042 has shipped.');
      await form.getByRole('button', { name: 'Send SMS' }).click();

      const result = page.getByTestId('send-result');
      await expect(result.getByTestId('result-message')).toContainText('Your order #1042 has shipped.');
      await expect(result.getByTestId('result-task')).toHaveCount(0);
      await saveScreenshot('send-message-result');
      const requestHref = await result.getByTestId('result-request').getByRole('link').getAttribute('href');

      await page.goto(`/sandbox-handset?number=${encodeURIComponent(customer)}`);
      const thread = page.getByTestId('handset-thread');
      await expect(thread.getByTestId('handset-received')).toContainText('Your order #1042 has shipped.');
      await expect(page.getByTestId('handset-list').getByRole('button', { name: customer })).toHaveAttribute('aria-pressed', 'true');

      const reply = page.getByTestId('handset-reply-form');
      await expect(reply.getByLabel('To')).toHaveValue(from);
      await reply.getByLabel(`Reply as ${customer}`).fill('Thanks! When will it arrive?');
      await reply.getByRole('button', { name: 'Send as customer' }).click();
      await expect(page.getByTestId('handset-reply-outcome')).toContainText(MODE_WORDS[deployment.mode].replyRoute);
      await expect(thread.getByTestId('handset-sent')).toContainText('Thanks! When will it arrive?');
      await saveScreenshot('sandbox-handset');

      await page.goto(requestHref ?? '/history');
      const transcript = page.getByTestId(MODE_WORDS[deployment.mode].transcript);
      await expect(transcript).toContainText('Your order #1042 has shipped.');
      await expect(transcript.getByTestId('transcript-message').last()).toContainText('Thanks! When will it arrive?');
      await expect(transcript.getByTestId('transcript-message').last()).toContainText(`Grace Hopper (${customer})`);
    },
  );
});

test.describe('Sandbox handset over WhatsApp', () => {
  test('a customer writes to the WhatsApp sender: the thread shows it as WhatsApp, and a Conversation takes it', async ({ page }) => {
    const customer = uniqueCustomerNumber();
    await page.goto(`/sandbox-handset?number=${encodeURIComponent(customer)}`);
    const reply = page.getByTestId('handset-reply-form');
    await reply.getByLabel('To').selectOption(WHATSAPP_SENDER);
    await reply.getByLabel(`Reply as ${customer}`).fill('Hello, is my order ready?');
    await reply.getByRole('button', { name: 'Send as customer' }).click();
    await expect(page.getByTestId('handset-reply-outcome')).toContainText('Address Configuration started a Conversation');
    const sent = page.getByTestId('handset-thread').getByTestId('handset-sent');
    await expect(sent).toContainText('Hello, is my order ready?');
    await expect(sent.getByTestId('handset-channel')).toHaveText('WhatsApp');
  });
});

test.describe('Sandbox handset in the navigation', () => {
  test('is listed only while the API says it runs on its embedded sandbox', async ({ page }) => {
    const navigation = page.getByRole('navigation', { name: 'Console' });
    await page.goto('/');
    await expect(navigation.getByRole('link', { name: 'Sandbox handset' })).toBeVisible();

    // The same console in front of an API on a real account.
    await page.route('**/api/health/ready', async (route) => {
      const ready = await (await route.fetch()).json();
      await route.fulfill({ json: { ...ready, checks: { ...ready.checks, twilio: { ...ready.checks.twilio, mode: 'twilio' } } } });
    });
    await page.reload();
    await expect(page.getByTestId('twilio-mode-badge')).toHaveText('Live Twilio account');
    await expect(navigation.getByRole('link', { name: 'Doctor' })).toBeVisible();
    await expect(navigation.getByRole('link', { name: 'Sandbox handset' })).toHaveCount(0);
  });
});
