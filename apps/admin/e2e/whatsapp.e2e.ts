import type { Locator, Page } from '@playwright/test';
import { CONVERSATIONS_MODE_ONLY, type Deployment } from './support/deployment';
import { WHATSAPP_SENDER, uniqueCustomerNumber } from './support/sandbox';
import { expect, test } from './support/test';

// WhatsApp from the Send page, both flows, against the conversations-mode stack (the WhatsApp sender is a Flex
// Conversations number): a template with variables reaches the handset as it renders, free text goes inside the
// customer's 24-hour window, free text outside it is refused (the hint says so before sending, the API beside the
// message), and a bad variable set is refused beside each variable.

const SENDER = WHATSAPP_SENDER.replace(/^whatsapp:/, '');
const REMINDER = 'appointment_reminder · WhatsApp approved';
const FLOWS = [
  { kind: 'task', tab: 'Agent-initiated (task)', body: 'First message (optional)', send: 'Start conversation' },
  { kind: 'message', tab: 'Fire-and-forget', body: 'Message', send: 'Send on WhatsApp' },
] as const;
type Flow = (typeof FLOWS)[number];

/** The Send page's form for a flow, on WhatsApp from the WhatsApp sender, to `customer`. */
async function whatsAppForm(page: Page, flow: Flow, customer: string): Promise<Locator> {
  await page.goto('/send');
  await page.getByRole('tab', { name: flow.tab }).click();
  const form = page.getByTestId(`send-form-${flow.kind}`);
  // Paste draws its own radio over the visually hidden input: click what the operator sees, its label.
  await form.locator(`label[for="${flow.kind}-channel-whatsapp"]`).click();
  await expect(form.getByRole('radio', { name: 'WhatsApp' })).toBeChecked();
  await form.getByLabel('From number').selectOption(SENDER);
  await form.getByLabel('Customer name').fill('Ada Lovelace');
  await form.getByLabel('Customer number').fill(customer);
  return form;
}

/** What the sandbox's handset of `customer` received (its /_sandbox controls; the console reads the same). */
async function handsetMessages(deployment: Deployment, customer: string): Promise<Array<{ channel: string; body: string }>> {
  const response = await fetch(`${deployment.sandboxUrl}/_sandbox/handset/${encodeURIComponent(customer)}`);
  expect(response.ok).toBe(true);
  return ((await response.json()) as { messages: Array<{ channel: string; body: string }> }).messages;
}

test.describe('WhatsApp from the Send page', () => {
  for (const flow of FLOWS) {
    test(`${flow.tab}: a template with variables reaches the handset rendered`, CONVERSATIONS_MODE_ONLY, async ({ page, saveScreenshot }) => {
      const customer = uniqueCustomerNumber();
      const form = await whatsAppForm(page, flow, customer);
      await expect(form.getByTestId('from-number-help')).toContainText('Flex Conversations');
      await expect(form.getByLabel('From number').locator('option', { hasText: SENDER })).toContainText('SMS, WhatsApp');
      await expect(form.getByTestId('window-hint')).toContainText('has not written to this sender');

      // A template WhatsApp has not approved cannot be picked for WhatsApp.
      await expect(form.getByLabel('Content template').locator('option', { hasText: 'spring_offer' })).toBeDisabled();
      // A quick-reply template shows its buttons as WhatsApp does.
      await form.getByLabel('Content template').selectOption({ label: 'appointment_confirmation · WhatsApp approved' });
      await expect(form.getByTestId('template-preview')).toHaveText(
        'Hi there, please confirm your appointment on the day we agreed.\n[Confirm] [Reschedule]',
      );
      await form.getByLabel('Content template').selectOption({ label: REMINDER });
      await expect(form.getByTestId('window-hint')).toContainText('outside 24 h, only an approved template goes, as chosen.');
      await expect(form.getByLabel(flow.body, { exact: true })).toHaveCount(0);
      const preview = form.getByTestId('template-preview');
      await expect(preview).toHaveText(
        'Hello there, this is a reminder of your appointment on the day we agreed. Reply here if you need to change it.',
      );
      await form.getByLabel('{{1}}').fill('Ada');
      await form.getByLabel('{{2}}').fill('Tuesday at 3 pm');
      const rendered = 'Hello Ada, this is a reminder of your appointment on Tuesday at 3 pm. Reply here if you need to change it.';
      await expect(preview).toHaveText(rendered);
      await saveScreenshot(`send-whatsapp-template-${flow.kind}`);
      await form.getByRole('button', { name: flow.send }).click();

      const result = page.getByTestId('send-result');
      await expect(result.getByTestId('result-message')).toContainText(rendered);
      await expect(result.getByTestId('result-task')).toHaveCount(flow.kind === 'task' ? 1 : 0);

      await page.goto(`/sandbox-handset?number=${encodeURIComponent(customer)}`);
      const received = page.getByTestId('handset-thread').getByTestId('handset-received');
      await expect(received).toContainText(rendered);
      await expect(received.getByTestId('handset-channel')).toHaveText('WhatsApp');
    });

    test(
      `${flow.tab}: a customer who wrote from the handset gets free text inside the window`,
      CONVERSATIONS_MODE_ONLY,
      async ({ page, deployment }) => {
        const customer = uniqueCustomerNumber();
        await page.goto(`/sandbox-handset?number=${encodeURIComponent(customer)}`);
        const reply = page.getByTestId('handset-reply-form');
        await reply.getByLabel('To').selectOption(WHATSAPP_SENDER);
        await reply.getByLabel(`Reply as ${customer}`).fill('Hi, can I move my appointment?');
        await reply.getByRole('button', { name: 'Send as customer' }).click();
        await expect(page.getByTestId('handset-thread').getByTestId('handset-sent')).toContainText('Hi, can I move my appointment?');

        const form = await whatsAppForm(page, flow, customer);
        const hint = form.getByTestId('window-hint');
        await expect(hint).toHaveAttribute('data-open', 'true');
        await expect(hint).toContainText(/The customer wrote (just now|1 min ago): free text allowed until /);
        await form.getByLabel(flow.body, { exact: true }).fill('Of course: would Thursday at 10 suit you?');
        await form.getByRole('button', { name: flow.send }).click();

        await expect(page.getByTestId('send-result').getByTestId('result-message')).toContainText('Of course: would Thursday at 10 suit you?');
        expect(await handsetMessages(deployment, customer)).toContainEqual(
          expect.objectContaining({ channel: 'whatsapp', body: 'Of course: would Thursday at 10 suit you?' }),
        );
      },
    );

    test(
      `${flow.tab}: free text to a customer who never wrote is refused, and nothing reaches Twilio`,
      CONVERSATIONS_MODE_ONLY,
      async ({ page, deployment, saveScreenshot }) => {
        const customer = uniqueCustomerNumber();
        const form = await whatsAppForm(page, flow, customer);
        const hint = form.getByTestId('window-hint');
        await expect(hint).toHaveAttribute('data-open', 'false');
        await expect(hint).toContainText('The customer has not written to this sender: outside 24 h, choose an approved template.');

        await form.getByLabel(flow.body, { exact: true }).fill('Hello, are you there?');
        await form.getByRole('button', { name: flow.send }).click();
        const bodyHelp = form.locator(`#${flow.kind}-body-help`);
        await expect(bodyHelp).toContainText(`whatsapp:${customer} has not written to ${WHATSAPP_SENDER}`);
        await expect(bodyHelp).toContainText('only an approved template can be sent');
        await expect(form.getByLabel(flow.body, { exact: true })).toHaveAttribute('aria-invalid', 'true');
        await expect(page.getByTestId('send-result')).toHaveCount(0);
        await saveScreenshot(`send-whatsapp-outside-window-${flow.kind}`);

        // Refused before the journal and before Twilio: no request recorded for the customer, nothing on their phone.
        const history = await page.request.get(`/api/v1/outbound?number=${encodeURIComponent(customer)}`);
        expect(((await history.json()) as { total: number }).total).toBe(0);
        expect(await handsetMessages(deployment, customer)).toEqual([]);
      },
    );
  }

  test('a bad variable set is refused, each problem beside its variable', CONVERSATIONS_MODE_ONLY, async ({ page, deployment, saveScreenshot }) => {
    const customer = uniqueCustomerNumber();
    const form = await whatsAppForm(page, FLOWS[1], customer);
    await form.getByLabel('Content template').selectOption({ label: REMINDER });
    await form.getByLabel('{{1}}').fill('A'.repeat(300));
    await form.getByLabel('{{2}}').fill('Tuesday      at 3 pm');
    await form.getByRole('button', { name: 'Send on WhatsApp' }).click();

    await expect(form.getByTestId('contentVariables.1-error')).toContainText('must be at most 255 characters');
    await expect(form.getByTestId('contentVariables.2-error')).toContainText('more than 4 spaces in a row');
    await expect(form.getByLabel('{{1}}')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('send-result')).toHaveCount(0);
    await saveScreenshot('send-whatsapp-invalid-variables');
    expect(await handsetMessages(deployment, customer)).toEqual([]);
  });
});
