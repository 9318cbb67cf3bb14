// The tests change the Proxy Service's sessions (or the account's conversations) in bulk, so they run one after
// the other.
import { BOTH_MODES, CONVERSATIONS_MODE_ONLY, type OutboundMode } from './support/deployment';
import type { Sandbox } from './support/sandbox';
import { expect, test } from './support/test';

/**
 * What the Cleanup page cleans in each mode: stale items seeded on the sandbox, in a status no other test leaves
 * behind (closed sessions, inactive conversations), so a parallel test's live conversation is never taken.
 */
const CLEANUP: Record<
  OutboundMode,
  { seed: (sandbox: Sandbox) => Promise<unknown>; seeded: number; status: string; statusLabel: string; noun: string; emptySelection: string }
> = {
  'chat-proxy': {
    seed: (sandbox) => sandbox.seedProxySessions(25, 'closed'),
    seeded: 25,
    status: 'closed',
    statusLabel: 'Closed',
    noun: 'sessions',
    emptySelection: 'Choose at least one status, an age or a number: a clean-up never takes every session.',
  },
  conversations: {
    seed: (sandbox) => sandbox.seedConversations(12, 'inactive'),
    seeded: 12,
    status: 'inactive',
    statusLabel: 'Inactive',
    noun: 'conversations',
    emptySelection: 'Choose at least one state, an age or a number: a clean-up never takes every conversation.',
  },
};

test.describe.configure({ mode: 'serial' });

test.describe('Proxy sessions and cleanup', () => {
  test('select sessions and close them; their detail page shows the participants', async ({ page, sandbox, saveScreenshot }) => {
    // Other tests (a campaign) leave many sessions behind, open and closed, and may create more while this one runs,
    // so the seeded sessions can sit on any page, apart. The page filters on status in the browser: a page may show
    // none at all. Select two seeded sessions wherever they are (the selection outlives a page change); the last one
    // selected is on the page shown when they are closed.
    const seeded = (await sandbox.seedProxySessions(2, 'open')).sessionSids;
    await page.goto('/proxy-sessions');
    const table = page.getByTestId('proxy-session-table');
    const pages = page.getByRole('navigation', { name: 'Session pages' });
    await expect(table.getByRole('link').first()).toBeVisible();
    await page.getByLabel('Status').selectOption('open');
    const sessionSids: string[] = [];
    for (let number = 1; sessionSids.length < seeded.length; number++) {
      expect(number, 'the seeded sessions are on one of the pages').toBeLessThan(100);
      if (number > 1) {
        await pages.getByRole('button', { name: 'Next' }).click();
        await expect(pages.getByText(`Page ${number}`, { exact: true })).toBeVisible();
        await expect(pages.getByRole('button', { name: 'Previous' })).toBeEnabled(); // disabled while the page loads
      }
      await expect(table.or(page.getByTestId('proxy-sessions-empty'))).toBeVisible();
      const shown = await table.getByRole('link').allTextContents();
      for (const sid of seeded.filter((sid) => shown.includes(sid))) {
        // Paste draws its own checkbox over a visually hidden input: a user clicks the drawn one, its label.
        await page.locator(`label[for="select-${sid}"]`).click();
        sessionSids.unshift(sid);
      }
    }
    await expect(table.getByRole('link', { name: sessionSids[0] })).toBeVisible();
    await saveScreenshot('proxy-sessions');

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

  test(
    'a cleanup dry run previews what it takes; confirmed, its progress bar reaches done',
    BOTH_MODES,
    async ({ page, deployment, sandbox, saveScreenshot }) => {
      const cleanup = CLEANUP[deployment.mode];
      await cleanup.seed(sandbox);
      await page.goto('/cleanup');
      const selection = page.getByTestId('cleanup-selection');
      await expect(selection.getByLabel(cleanup.statusLabel)).toBeChecked();
      await selection.getByRole('button', { name: 'Preview (dry run)' }).click();

      const preview = page.getByTestId('cleanup-preview');
      const heading = new RegExp(`Dry run: (\\d+) ${cleanup.noun} would be cleaned up`);
      await expect(preview.getByRole('heading')).toHaveText(heading);
      const total = Number((await preview.getByRole('heading').textContent())?.match(heading)?.[1]);
      expect(total).toBeGreaterThanOrEqual(cleanup.seeded);
      await expect(preview.getByTestId('cleanup-preview-counts')).toContainText(`${cleanup.status}: ${total}`);
      await saveScreenshot('cleanup-dry-run');

      await preview.getByRole('button', { name: `Clean up ${total} ${cleanup.noun}…` }).click();
      const dialog = page.getByRole('alertdialog');
      await expect(dialog).toContainText(`Clean up ${total} ${cleanup.noun}?`);
      await dialog.getByRole('button', { name: 'Start clean-up' }).click();

      const progress = page.getByTestId('cleanup-progress');
      await expect(progress.getByRole('progressbar')).toBeVisible();
      await expect(progress.getByTestId('cleanup-status')).toHaveText('Completed', { timeout: 20_000 });
      await expect(progress.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
      await expect(progress.getByTestId('cleanup-counts')).toContainText(`Total: ${total}`);
      await expect(progress.getByTestId('cleanup-counts')).toContainText('Failed: 0');
      await expect(progress.getByTestId('cleanup-counts')).toContainText('Time left: done');
      await saveScreenshot('cleanup-done');

      // They are gone (or closed): a second dry run finds none of them.
      await selection.getByRole('button', { name: 'Preview (dry run)' }).click();
      await expect(page.getByTestId('cleanup-preview-empty')).toBeVisible();
    },
  );

  test('an empty selection is refused beside the form, before any request', BOTH_MODES, async ({ page, deployment }) => {
    const cleanup = CLEANUP[deployment.mode];
    await page.goto('/cleanup');
    const selection = page.getByTestId('cleanup-selection');
    await selection.getByText(cleanup.statusLabel, { exact: true }).click();
    await expect(selection.getByLabel(cleanup.statusLabel)).not.toBeChecked();
    await selection.getByRole('button', { name: 'Preview (dry run)' }).click();
    await expect(selection.getByText(cleanup.emptySelection).first()).toBeVisible();
    await expect(page.getByTestId('cleanup-preview')).toHaveCount(0);
  });

  test(
    'the Proxy sessions page says it belongs to Chat + Proxy mode, and reads no session',
    CONVERSATIONS_MODE_ONLY,
    async ({ page, saveScreenshot }) => {
      const proxyCalls: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname.startsWith('/api/v1/proxy')) proxyCalls.push(request.url());
      });
      await page.goto('/proxy-sessions');
      const notice = page.getByTestId('proxy-sessions-chat-proxy-mode');
      await expect(notice.getByRole('heading', { name: 'A Chat + Proxy page' })).toBeVisible();
      await expect(page.getByTestId('api-error')).toHaveCount(0);
      await saveScreenshot('proxy-sessions-chat-proxy-mode');
      await notice.getByRole('link', { name: 'Cleanup' }).click();
      await expect(page.getByTestId('cleanup-selection')).toHaveAttribute('data-kind', 'conversations');
      expect(proxyCalls).toEqual([]);
    },
  );
});
