import { expect, listPages, test } from './support/site.ts';

const pages = listPages();

test.describe('every page', () => {
  for (const path of pages) {
    test(`/${path} loads cleanly, stays on the site, and its links resolve`, async ({
      page,
      request,
      offsiteRequests,
      pageProblems,
    }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1')).toHaveCount(1);
      await page.waitForLoadState('networkidle');

      const links = await page
        .locator('a[href]')
        .evaluateAll((anchors) =>
          anchors.map((a) => (a as HTMLAnchorElement).href).filter((href) => href.startsWith(location.origin)),
        );
      for (const href of new Set(links)) {
        const url = new URL(href);
        const target = await request.get(url.pathname);
        expect(target.status(), `${href} (linked from /${path})`).toBe(200);
        if (url.hash) {
          const id = decodeURIComponent(url.hash.slice(1));
          const html = await target.text();
          expect(html.includes(`id="${id}"`), `anchor ${url.hash} on ${url.pathname} (linked from /${path})`).toBe(
            true,
          );
        }
      }
      expect(offsiteRequests).toEqual([]);
      expect(pageProblems).toEqual([]);
    });
  }

  test('an unknown URL gets the 404 page with status 404', async ({ page }) => {
    const response = await page.goto('this-page-does-not-exist/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page.getByRole('link', { name: /Cluster vs\. database/ }).first()).toBeVisible();
  });
});
