import type { Locator, Page, Request } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect, FIRST_ARTICLE, test } from './support/site.ts';

/** Requests for search code or index: Pagefind's files and the dialog's own bundle. */
const isSearchRequest = (request: Request): boolean =>
  /\/pagefind\/|search-dialog/.test(new URL(request.url()).pathname);

function recordSearchRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (isSearchRequest(request)) seen.push(request.url());
  });
  return seen;
}

async function searchFor(page: Page, query: string): Promise<void> {
  const input = page.getByRole('searchbox', { name: 'Search articles and glossary' });
  await expect(input).toBeFocused();
  await page.keyboard.type(query);
  await expect(page.getByRole('status').filter({ hasText: /results? for/ })).toContainText(`for “${query}”`);
}

test('a page view that never searches downloads no search code or index', async ({ page }) => {
  const requests = recordSearchRequests(page);
  await page.goto(FIRST_ARTICLE);
  await page.waitForLoadState('networkidle');
  // Reading and scrolling, but no search: once the page has scrolled and laid out two frames since,
  // whatever a scroll could start (observers, lazy loading) has asked for its files.
  await page.mouse.wheel(0, 2000);
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  expect(requests).toEqual([]);
});

test('"/" opens search; it finds an article section by keyboard, and Escape returns focus', async ({
  page,
  baseURL,
}) => {
  const requests = recordSearchRequests(page);
  await page.goto(FIRST_ARTICLE);
  await page.waitForLoadState('networkidle');
  expect(requests).toEqual([]);

  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await expect(dialog).toBeVisible();
  // A word of one section's heading: with 110 questions and 17 articles in the index, a common
  // word such as "replication" ranks other pages above this one.
  await searchFor(page, 'combine');
  expect(requests.length).toBeGreaterThan(0);
  // Every search request stayed under the base path.
  for (const url of requests)
    expect(url.startsWith(new URL(baseURL ?? '').origin + new URL(baseURL ?? '').pathname)).toBe(true);

  // The article is a result, with the matching section linked by its anchor.
  const results = dialog.getByRole('list', { name: 'Search results' });
  await expect(results.locator('a[href$="/articles/cluster-vs-database/"]')).toBeVisible();
  const section = results.locator('a[href*="#how-they-combine"]').first();
  await expect(section).toBeVisible();
  await expect(results.locator('mark').first()).toBeVisible();

  // Arrow keys move from the field into the results.
  await page.keyboard.press('ArrowDown');
  await expect(results.getByRole('link').first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('searchbox')).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Opened from the page itself (not a button), so focus leaves the field for the page.
  await expect(page.locator('#cde-search-input')).not.toBeFocused();
});

test('Ctrl+K opens search; a glossary entry is found and followed to its anchor', async ({ page }) => {
  await page.goto('');
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await expect(dialog).toBeVisible();
  await searchFor(page, 'quorum');
  const entry = dialog.locator('a[href$="/glossary/#quorum"]');
  await expect(entry).toBeVisible();
  await entry.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/glossary\/#quorum$/);
  await expect(page.getByRole('heading', { name: /^Quorum/, level: 2 })).toBeInViewport();
});

/** Opens the glossary and the search dialog from its button, by keyboard. */
async function openFromButton(page: Page): Promise<{ button: Locator; dialog: Locator }> {
  await page.goto('glossary/');
  const button = page.getByRole('button', { name: 'Search' });
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await expect(dialog).toBeVisible();
  return { button, dialog };
}

test('the search button opens the dialog and focus returns to it on close', async ({ page }) => {
  const { button, dialog } = await openFromButton(page);
  await expect(page.getByRole('searchbox')).toBeFocused();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});

test("Close works before the dialog's code has arrived", async ({ page }) => {
  // Hold the dialog's code back: the dialog opens at once, and Close must not wait for the code.
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/search-dialog-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  const { button, dialog } = await openFromButton(page);
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
  release();
});

test('"/" typed into a field is a character, not the shortcut', async ({ page }) => {
  await page.goto('');
  await page.keyboard.press('/');
  const input = page.getByRole('searchbox');
  await expect(input).toBeFocused();
  await page.keyboard.type('a/b');
  await expect(input).toHaveValue('a/b');
});

for (const theme of ['light', 'dark'] as const) {
  test(`the open dialog with results is axe-clean (${theme})`, async ({ page }) => {
    // axe is slow on a busy machine.
    test.slow();
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(FIRST_ARTICLE);
    await page.keyboard.press('/');
    await searchFor(page, 'database');
    const results = await new AxeBuilder({ page })
      .include('dialog')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
      .analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the search button is a link to the article index', async ({ page }) => {
    await page.goto(FIRST_ARTICLE);
    const link = page.getByRole('link', { name: 'Search' });
    await link.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('All articles');
    await expect(page.getByRole('link', { name: 'Quorum', exact: true })).toBeVisible();
  });
});
