import type { Page } from '@playwright/test';
import { expect, test } from './support/site.ts';

// The questions page (issue 15) by keyboard: reached from the site navigation, its topics and
// questions reachable by their anchors, and each article's "Questions this article answers"
// leading to the answers. axe in both themes, no-JS, offline and CSP cover it with every page
// (listPages()); this spec checks what is particular to it.

/** Presses Tab until the focused element is the link named `name`; fails after `limit` presses. */
async function tabToLink(page: Page, name: string, limit = 30): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      return element instanceof HTMLAnchorElement ? (element.textContent ?? '').trim() : '';
    });
    if (focused === name) return;
  }
  throw new Error(`no link named "${name}" within ${limit} presses of Tab`);
}

test('the site navigation leads to the questions page by keyboard', async ({ page, pageProblems }) => {
  await page.goto('');
  await tabToLink(page, 'Questions');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/questions\/$/);
  await expect(page.getByRole('heading', { name: 'Questions readers ask', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Questions' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  expect(pageProblems).toEqual([]);
});

test('a topic link moves reading and focus to that topic', async ({ page }) => {
  await page.goto('questions/');
  const topics = page.getByRole('navigation', { name: 'Topics' });
  const link = topics.getByRole('link', { name: 'Failover and switchover' });
  await expect(link).toBeVisible();
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#topic-failover$/);
  await expect(page.locator('#topic-failover')).toBeInViewport();
  // The next Tab continues inside the topic, not back at the top of the page.
  await page.keyboard.press('Tab');
  const inTopic = await page.evaluate(
    () => document.activeElement?.closest('section[aria-labelledby="topic-failover"]') !== null,
  );
  expect(inTopic).toBe(true);
});

test('a question opens at its anchor with its answer, sources and where it was asked', async ({ page }) => {
  await page.goto('questions/#patroni-restart-leader-failover');
  const heading = page.locator('h3#patroni-restart-leader-failover');
  await expect(heading).toBeInViewport();
  const entry = page.locator('.cde-question').filter({ has: heading });
  await expect(entry.locator('p')).toContainText('patronictl restart');
  await expect(entry.getByRole('link', { name: /Running Patroni and etcd day to day/ })).toHaveAttribute(
    'href',
    /\/articles\/patroni-operations\/#/,
  );
  await expect(entry.locator('dt')).toHaveText(['Explained in', /^Sources?$/, 'Asked at']);
  await expect(entry.getByRole('link', { name: /^GitHub issue patroni\/patroni#2241/ })).toHaveAttribute(
    'href',
    /^https:\/\/github\.com\//,
  );
});

test("an article's questions lead by keyboard to their answers", async ({ page }) => {
  await page.goto('articles/patroni-operations/');
  const list = page.getByRole('region', { name: 'Questions this article answers' });
  const first = list.getByRole('link').first();
  const href = await first.getAttribute('href');
  const id = href?.split('#')[1];
  expect(id).toBeTruthy();
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/questions/#${id ?? ''}$`));
  await expect(page.locator(`h3[id="${id ?? ''}"]`)).toBeInViewport();
});

test('search finds a question and follows it to its anchor', async ({ page }) => {
  await page.goto('questions/');
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await expect(dialog).toBeVisible();
  await page.keyboard.type('max_connections');
  await expect(page.getByRole('status').filter({ hasText: /results? for/ })).toContainText('for “max_connections”');
  const result = dialog.locator('a[href*="/questions/#patroni-change-max-connections"]');
  await expect(result).toBeVisible();
  await result.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/questions\/#patroni-change-max-connections$/);
  await expect(page.locator('#patroni-change-max-connections')).toBeInViewport();
});
