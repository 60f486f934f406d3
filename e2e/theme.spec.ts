import { expect, FIRST_ARTICLE, test } from './support/site.ts';

const background = (page: import('@playwright/test').Page) =>
  page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

test('the theme follows the system when the reader has not chosen', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(FIRST_ARTICLE);
  const dark = await background(page);
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await background(page);
  expect(dark).not.toBe(light);
  expect(light).toBe('rgb(255, 255, 255)');
});

test('the theme select works by keyboard, and the choice persists', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(FIRST_ARTICLE);
  const select = page.getByRole('combobox', { name: 'Theme' });
  await expect(select).toBeVisible();
  // Reach the control with Tab from the top of the page, like a keyboard user.
  await page.locator('body').focus();
  for (let i = 0; i < 20 && !(await select.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(select).toBeFocused();
  await select.selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background(page)).not.toBe('rgb(255, 255, 255)');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(select).toHaveValue('dark');

  await select.selectOption('system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/);
  await page.reload();
  expect(await background(page)).toBe('rgb(255, 255, 255)');
});

test('the stored theme is applied before the first paint', async ({ page }) => {
  await page.goto(FIRST_ARTICLE);
  await page.evaluate(() => localStorage.setItem('cde-theme', 'dark'));
  // Record the theme at the first moment scripts can see the document, before any paint.
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive') {
        (window as unknown as { themeAtParse: string | undefined }).themeAtParse =
          document.documentElement.dataset['theme'];
      }
    });
  });
  await page.reload();
  expect(await page.evaluate(() => (window as unknown as { themeAtParse?: string }).themeAtParse)).toBe('dark');
  const headOrder = await page.evaluate(() =>
    [...document.head.children].map((el) => el.tagName + (el.getAttribute('rel') ?? '')).join(','),
  );
  // The theme script runs before any stylesheet can render the page in the wrong colours.
  expect(headOrder.indexOf('SCRIPT')).toBeLessThan(headOrder.indexOf('LINKstylesheet'));
});
