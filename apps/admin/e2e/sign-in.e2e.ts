import { BOTH_MODES } from './support/deployment';
import { expect, test } from './support/test';
import { DEMO_ADMIN, createUser, signIn } from './support/users';

test.describe('Signing in and out', () => {
  test.use({ signInAs: null });

  test('sends a visitor to sign in, then back; shows who is signed in and their role; signs out', BOTH_MODES, async ({ page, saveScreenshot }) => {
    await page.goto('/history');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fhistory$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Console' })).toHaveCount(0);
    await saveScreenshot('sign-in');

    await page.getByLabel('Username').fill(DEMO_ADMIN.username);
    await page.getByLabel('Password').fill(DEMO_ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page).toHaveURL(/\/history$/);
    await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
    const me = page.getByTestId('current-user');
    await expect(me.getByTestId('current-user-name')).toHaveText('admin');
    await expect(me.getByTestId('current-user-role')).toHaveText('Admin');
    // The session cookie is the console's, and scripts cannot read it.
    const [cookie] = (await page.context().cookies()).filter((candidate) => candidate.name === 'flex_sms_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('flex_sms_session');

    await me.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    // Signed out on the server: the old cookie, sent again, opens nothing.
    const replayed = await page.request.get('/api/v1/auth/me', { headers: { cookie: `flex_sms_session=${cookie.value}` } });
    expect(replayed.status()).toBe(401);
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test('never leaves the console after signing in, however `next` is spelled (no open redirect)', async ({ page, baseURL }) => {
    // The browser drops the tab: without resolving `next` against the console's origin this is `//evil.test`.
    await page.goto('/sign-in?next=/%09/evil.test');
    await page.getByLabel('Username').fill(DEMO_ADMIN.username);
    await page.getByLabel('Password').fill(DEMO_ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Status' })).toBeVisible();
    expect(page.url()).toBe(`${new URL(baseURL!).origin}/`);
  });

  test('a wrong password shows an inline error and signs nobody in', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Username').fill(DEMO_ADMIN.username);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page.getByTestId('sign-in-error')).toContainText('Wrong username or password.');
    await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/\/sign-in$/);
    expect((await page.context().cookies()).filter((cookie) => cookie.name === 'flex_sms_session')).toEqual([]);
  });

  test('an operator sees no admin pages or actions', BOTH_MODES, async ({ page, browser, baseURL, saveScreenshot }) => {
    const admin = await browser.newContext({ baseURL });
    await signIn(admin.request, DEMO_ADMIN);
    const operator = await createUser(admin.request, new URL(baseURL!).origin, 'operator');
    await admin.close();

    await page.goto('/sign-in');
    await page.getByLabel('Username').fill(operator.username);
    await page.getByLabel('Password').fill(operator.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('current-user-role')).toHaveText('Operator');

    const navigation = page.getByRole('navigation', { name: 'Console' });
    for (const label of ['Send', 'History', 'Flex Flows', 'Proxy sessions', 'Doctor'])
      await expect(navigation.getByRole('link', { name: label })).toBeVisible();
    for (const label of ['Cleanup', 'API keys', 'Users']) await expect(navigation.getByRole('link', { name: label })).toHaveCount(0);

    await navigation.getByRole('link', { name: 'Flex Flows' }).click();
    await expect(page.getByTestId('flex-flow-table')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Create Flex Flow' })).toHaveCount(0);
    await saveScreenshot('flex-flows-as-operator');

    // The API says no too, whatever the console shows.
    const refused = await page.request.get('/api/v1/users');
    expect(refused.status()).toBe(403);
  });
});

test.describe('API keys (admin)', () => {
  test('creates a key, shows it once, and revokes it', async ({ page, request, deployment, saveScreenshot }) => {
    await page.goto('/api-keys');
    await expect(page.getByRole('heading', { level: 1, name: 'API keys' })).toBeVisible();
    const form = page.getByTestId('create-api-key-form');
    const name = `CRM ${Date.now()}`;
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Role').selectOption('operator');
    await form.getByLabel('Allowed sender numbers').fill('+15550100001');
    await form.getByRole('button', { name: 'Create key' }).click();

    const key = await page.getByTestId('new-api-key-value').textContent();
    expect(key).toMatch(/^fsk_[A-Za-z0-9]{8}_[A-Za-z0-9]{40}$/);
    const row = page.getByTestId('api-key-row').filter({ hasText: name });
    await expect(row).toContainText(`${key!.slice(0, 12)}_…`);
    await expect(row).toContainText('+15550100001');
    await saveScreenshot('api-key-created');

    // The key works against the API (straight, not through the console), until it is revoked.
    const { apiUrl } = deployment;
    expect((await request.get(`${apiUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${key}` } })).status()).toBe(200);
    await row.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke key' }).click();
    await expect(row).toContainText('Revoked');
    expect((await request.get(`${apiUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${key}` } })).status()).toBe(401);
    await page.reload();
    await expect(page.getByTestId('new-api-key-value')).toHaveCount(0);
  });
});
