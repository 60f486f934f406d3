import { expect, FIRST_ARTICLE, listPages, test } from './support/site.ts';

test.use({ javaScriptEnabled: false });

test('an article reads fully without JavaScript', async ({ page }) => {
  await page.goto(FIRST_ARTICLE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Cluster vs\. database/);
  await expect(page.getByRole('navigation', { name: 'On this page' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sources', level: 2 })).toBeVisible();
  await expect(page.locator('details').first()).toBeVisible();
  // The theme control needs JS, so it is hidden rather than shown broken.
  await expect(page.getByRole('combobox', { name: 'Theme' })).toBeHidden();
});

test('the system dark theme applies without JavaScript', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(FIRST_ARTICLE);
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(background).toBe('rgb(17, 20, 24)');
});

for (const path of listPages()) {
  test(`/${path} has its main content without JavaScript`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('main h1')).toBeVisible();
    const text = await page.locator('main').innerText();
    expect(text.length).toBeGreaterThan(200);
  });
}
