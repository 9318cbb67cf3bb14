import { BOTH_MODES, MODE_WORDS } from './support/deployment';
import { ACCOUNT_NUMBERS, uniqueCustomerNumber } from './support/sandbox';
import { expect, test } from './support/test';

test.describe('Send', () => {
  test(
    'an agent-initiated SMS creates the task, and the result panel links to its steps and transcript',
    BOTH_MODES,
    async ({ page, deployment, saveScreenshot }) => {
      const customer = uniqueCustomerNumber();
      await page.goto('/send');
      const form = page.getByTestId('send-form-task');
      await expect(form.getByLabel('From number')).toBeEnabled();
      await saveScreenshot('send-laptop');

      await form.getByLabel('From number').selectOption(ACCOUNT_NUMBERS[0]);
      await expect(
        form.getByText('Uses the Flex Flow “Flex SMS To Task Flow +15550100001” (disabled, as Flex advises for outbound tasks).'),
      ).toBeVisible();
      await form.getByLabel('Customer name').fill('Ada Lovelace');
      await form.getByLabel('Customer number').fill(customer);
      await form.getByLabel('First message (optional)').fill('Hi Ada, this is Grace from Acme.');
      await form.getByRole('button', { name: 'Start conversation' }).click();

      const result = page.getByTestId('send-result');
      await expect(result.getByRole('heading', { name: 'Conversation started: Flex is routing the task' })).toBeVisible();
      await expect(result.getByTestId('result-task')).toContainText(/WT[0-9a-f]{32}/);
      await expect(result.getByTestId('result-task')).toContainText('Created');
      await expect(result.getByTestId('result-flex-flow')).toContainText('Flex SMS To Task Flow +15550100001');
      if (deployment.mode === 'chat-proxy') {
        await expect(result.getByTestId('result-channel')).toContainText(/CH[0-9a-f]{32}\s*Created/);
        await expect(result.getByTestId('result-proxy-session')).toContainText(/KC[0-9a-f]{32}/);
        await expect(result.getByTestId('result-interaction')).toHaveCount(0);
      } else {
        // Flex UI 2.x: the Interaction made the task, and a Conversation (not a Proxy session) carries the SMS.
        await expect(result.getByTestId('result-interaction').getByRole('link')).toHaveText(/^KD[0-9a-f]{32}$/);
        await expect(result.getByTestId('result-conversation')).toContainText(/CH[0-9a-f]{32}\s*Created\s*active/);
        await expect(result.getByTestId('result-conversation').getByRole('link')).toHaveAttribute('href', /^\/history\/req_[0-9a-f]+#transcript$/);
        await expect(result.getByTestId('result-proxy-session')).toHaveCount(0);
      }
      await expect(result.getByTestId('result-message')).toContainText('Hi Ada, this is Grace from Acme.');
      await saveScreenshot('send-agent-result');

      await result.getByTestId('result-request').getByRole('link').click();
      await expect(page.getByRole('heading', { level: 1, name: 'Outbound request' })).toBeVisible();
      await expect(page.getByTestId('outbound-status').first()).toHaveText('Succeeded');
      const steps = page.getByTestId('step');
      for (const step of deployment.mode === 'chat-proxy' ? ['Chat channel: created', 'Proxy session: created'] : ['Flex Interaction: created']) {
        await expect(steps.filter({ hasText: step })).toHaveCount(1);
      }
      await expect(steps.first().getByTestId('step-duration')).toHaveText(/^Took \d/);
      await expect(page.getByTestId(MODE_WORDS[deployment.mode].transcript)).toContainText('Hi Ada, this is Grace from Acme.');
      await saveScreenshot('history-detail-agent');

      // A request's page belongs to the History section.
      await expect(page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'History' })).toHaveAttribute('aria-current', 'page');
    },
  );

  test('a customer already in a live conversation: the error names its Proxy session, which can be closed from there', async ({ page }) => {
    const customer = uniqueCustomerNumber();
    await page.goto('/send');
    const agent = page.getByTestId('send-form-task');
    await agent.getByLabel('From number').selectOption(ACCOUNT_NUMBERS[0]);
    await agent.getByLabel('Customer name').fill('Ada Lovelace');
    await agent.getByLabel('Customer number').fill(customer);
    await agent.getByRole('button', { name: 'Start conversation' }).click();
    const sessionSid = (await page.getByTestId('result-proxy-session').getByRole('link').textContent()) ?? '';
    expect(sessionSid).toMatch(/^KC[0-9a-f]{32}$/);

    await page.getByRole('tab', { name: 'Fire-and-forget' }).click();
    const system = page.getByTestId('send-form-message');
    await system.getByLabel('From number').selectOption(ACCOUNT_NUMBERS[0]);
    await system.getByLabel('Customer name').fill('Ada Lovelace');
    await system.getByLabel('Customer number').fill(customer);
    await system.getByLabel('Message').fill('Your order has shipped.');
    await system.getByRole('button', { name: 'Send SMS' }).click();
    await expect(system.getByTestId('send-error')).toContainText('The SMS could not be sent');
    await expect(system.getByTestId('send-error')).toContainText(/Request id: [0-9a-f-]{36}/);

    await system
      .getByTestId('conflicting-session')
      .getByRole('link', { name: `Proxy session ${sessionSid}` })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Proxy session' })).toBeVisible();
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Close session' }).click();
    await expect(page.getByText('closed', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Close', exact: true })).toHaveCount(0);
  });

  test('shows validation problems beside their fields, and sends nothing', BOTH_MODES, async ({ page }) => {
    const sends: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname.startsWith('/api/v1/outbound')) sends.push(request.url());
    });
    await page.goto('/send');
    await page.getByRole('tab', { name: 'Fire-and-forget' }).click();
    const form = page.getByTestId('send-form-message');
    await form.getByLabel('From number').selectOption(ACCOUNT_NUMBERS[1]);
    await form.getByLabel('Customer name').fill('Ada Lovelace');
    await form.getByLabel('Customer number').fill('415 555 0123');
    await form.getByRole('button', { name: 'Send SMS' }).click();

    const number = form.getByLabel('Customer number');
    await expect(form.getByTestId('toNumber-error')).toHaveText(/E\.164/);
    await expect(number).toHaveAttribute('aria-invalid', 'true');
    await expect(number).toBeFocused();
    await expect(form.getByTestId('body-error')).toHaveText('Enter the message.');

    // The same number as the sender is refused too; fixing a field clears its error at once.
    await number.fill(ACCOUNT_NUMBERS[1]);
    await expect(form.getByTestId('toNumber-error')).toHaveText('The customer’s number must differ from the number you send from.');
    await number.fill(uniqueCustomerNumber());
    await expect(form.getByTestId('toNumber-error')).toHaveCount(0);
    expect(sends).toEqual([]);
  });

  test('a keyboard user can fill and send the fire-and-forget form', async ({ page }) => {
    await page.goto('/send');
    await page.getByRole('tab', { name: 'Agent-initiated (task)' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Fire-and-forget' })).toHaveAttribute('aria-selected', 'true');
    const form = page.getByTestId('send-form-message');
    await expect(form.getByLabel('From number')).toBeEnabled();
    await form.getByLabel('From number').focus();
    await page.keyboard.press('ArrowDown'); // chromium's closed <select> moves to the next option
    await page.keyboard.press('Tab');
    await page.keyboard.type('Grace Hopper');
    await page.keyboard.press('Tab');
    await page.keyboard.type(uniqueCustomerNumber());
    await page.keyboard.press('Tab');
    await expect(form.getByLabel('Content template')).toBeFocused(); // left on "None: write the message"
    await page.keyboard.press('Tab');
    await page.keyboard.type('Your order #1042 has shipped.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('send-result')).toContainText('SMS sent through the Flex conversation');
  });
});

test.describe('Send: one Idempotency-Key per submission', () => {
  test('a send that got no answer is retried with the same key; the next submission gets a new one', async ({ page }) => {
    const keys: string[] = [];
    let dropFirst = true;
    // The first attempt dies on the way (as if the network failed): the API never answered.
    await page.route('**/api/v1/outbound/message', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (dropFirst) {
        dropFirst = false;
        await route.abort('failed');
      } else {
        await route.continue();
      }
    });
    await page.goto('/send');
    await page.getByRole('tab', { name: 'Fire-and-forget' }).click();
    const form = page.getByTestId('send-form-message');
    await form.getByLabel('From number').selectOption(ACCOUNT_NUMBERS[1]);
    await form.getByLabel('Customer name').fill('Grace Hopper');
    await form.getByLabel('Customer number').fill(uniqueCustomerNumber());
    await form.getByLabel('Message').fill('Your order has shipped.');
    await form.getByRole('button', { name: 'Send SMS' }).click();
    await expect(form.getByTestId('send-error')).toContainText('The console could not reach its server');

    await form.getByTestId('send-retry').getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByTestId('send-result')).toContainText('SMS sent through the Flex conversation');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^console-[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);

    await form.getByLabel('Customer number').fill(uniqueCustomerNumber());
    await form.getByRole('button', { name: 'Send SMS' }).click();
    await expect.poll(() => keys.length).toBe(3);
    expect(keys[2]).toMatch(/^console-[0-9a-f]{32}$/);
    expect(keys[2]).not.toBe(keys[0]);
  });
});
