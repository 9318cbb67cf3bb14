import { ACCOUNT_NUMBERS, uniqueCustomerNumber } from './support/sandbox';
import { expect, test } from './support/test';

test.describe('System callbacks', () => {
  test("the request's page shows the callbacks its API key's system was sent: each attempt's answer and the next one due", async ({
    page,
    request,
    deployment,
    saveScreenshot,
  }) => {
    // A receiver that is down: nothing listens on the reserved closed port, so every attempt gets no answer.
    const callbackUrl = `http://127.0.0.1:${process.env.E2E_CLOSED_PORT}/crm/sms-events`;
    await page.goto('/api-keys');
    const form = page.getByTestId('create-api-key-form');
    await form.getByLabel('Name').fill(`CRM callbacks ${Date.now()}`);
    await form.getByLabel('Role').selectOption('operator');
    await form.getByLabel('Callback URL').fill(callbackUrl);
    await form.getByRole('button', { name: 'Create key' }).click();
    const key = await page.getByTestId('new-api-key-value').textContent();

    const sent = await request.post(`${deployment.apiUrl}/api/v1/outbound/message`, {
      headers: { authorization: `Bearer ${key}` },
      data: { fromNumber: ACCOUNT_NUMBERS[0], toNumber: uniqueCustomerNumber(), toName: 'Ada Lovelace', messageBody: 'Your order shipped.' },
    });
    expect(sent.status()).toBe(201);
    const { id } = (await sent.json()) as { id: string };

    await page.goto(`/history/${encodeURIComponent(id)}`);
    const log = page.getByTestId('callback-log');
    const stateCallback = log.getByRole('row').filter({ hasText: 'Request state' });
    // The first attempt goes out right after the send; the page asks again while a callback is pending.
    await expect(stateCallback).toContainText('no answer');
    await expect(stateCallback).toContainText(callbackUrl);
    await expect(stateCallback).toContainText('Pending');
    await expect(stateCallback.getByRole('cell').last()).not.toHaveText('—');
    await saveScreenshot('request-callbacks');
  });
});
