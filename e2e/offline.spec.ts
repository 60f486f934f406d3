import { readFile, readdir, writeFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeServiceWorker } from '../src/integrations/offline.ts';
import { copyBuild, startServer } from './support/servers.ts';
import { expect, FIRST_ARTICLE, listPages, test } from './support/site.ts';

const pages = listPages();

test.use({ serviceWorkers: 'allow' });

/** True once the site's stylesheets applied (a token from tokens.css is set on :root). */
const stylesApplied = (page: Page): Promise<boolean> =>
  page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--cde-space-3').trim() === '1rem');

/** Waits until a service worker controls the page (it claims the page once it has precached). */
async function waitForControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
}

test.describe('offline after one visit', () => {
  test('every page, style, script and search keeps working with the network down', async ({
    page,
    context,
    offsiteRequests,
    pageProblems,
  }) => {
    test.setTimeout(120_000);
    await page.goto('');
    await waitForControl(page);
    await context.setOffline(true);
    for (const path of pages) {
      const response = await page.goto(path);
      expect(response?.status(), `/${path} offline`).toBe(200);
      expect(response?.fromServiceWorker(), `/${path} from the worker`).toBe(true);
      await expect(page.locator('main h1')).toBeVisible();
      expect(await stylesApplied(page), `styles of /${path}`).toBe(true);
    }
    // The theme script ran from the cache too.
    await page.goto(FIRST_ARTICLE);
    await expect(page.getByRole('combobox', { name: 'Theme' })).toBeVisible();
    // Search, code and index, from the cache.
    await page.keyboard.press('/');
    await page.keyboard.type('quorum');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await expect(dialog.getByRole('status')).toContainText('for “quorum”');
    await expect(dialog.getByRole('list', { name: 'Search results' }).getByRole('link').first()).toBeVisible();
    expect(offsiteRequests).toEqual([]);
    expect(pageProblems).toEqual([]);
    // A page that does not exist gets the cached not-found page, with its status.
    const missing = await page.goto('no-such-page-offline/');
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    expect(await stylesApplied(page)).toBe(true);
  });

  test('the site can be installed: a manifest with PNG icons, under the base', async ({ page, request }) => {
    await page.goto('');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBeTruthy();
    const manifestUrl = new URL(href ?? '', page.url());
    const manifest = (await (await request.get(manifestUrl.href)).json()) as {
      start_url: string;
      scope: string;
      icons: { src: string; sizes: string; type: string }[];
    };
    expect(new URL(manifest.start_url, manifestUrl).href).toBe(new URL('./', page.url()).href);
    expect(new URL(manifest.scope, manifestUrl).href).toBe(new URL('./', page.url()).href);
    for (const icon of manifest.icons) {
      const response = await request.get(new URL(icon.src, manifestUrl).href);
      expect(response.status(), icon.src).toBe(200);
      expect(response.headers()['content-type']).toBe(icon.type);
    }
    const registration = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(registration).toBe(new URL('./', page.url()).href);
  });
});

test.describe('a new build', () => {
  test('is announced, then replaces the cache on reload, never mixing versions', async ({
    page,
    pageProblems,
  }, testInfo) => {
    test.setTimeout(120_000);
    const dist = String(testInfo.project.metadata['dist']);
    const base = String(testInfo.project.metadata['base']);
    const v1 = await copyBuild(dist);
    const v2 = await copyBuild(dist);
    // Build 2: every page's heading changes; the worker is generated again for the new files.
    for (const file of await readdir(v2.dir, { recursive: true })) {
      if (!file.endsWith('.html')) continue;
      const path = join(v2.dir, file);
      await writeFile(path, (await readFile(path, 'utf8')).replace('</h1>', ' (build 2)</h1>'));
    }
    await writeServiceWorker(v2.dir, 'src/client/service-worker.ts');
    const server = await startServer(v1.dir, base);
    try {
      await page.goto(server.url);
      await waitForControl(page);
      const firstCaches = await page.evaluate(() => caches.keys());
      expect(firstCaches).toHaveLength(1);

      server.deploy(v2.dir);
      await page.reload();
      const notice = page.getByRole('status').getByText('A new version of this site is available.');
      await expect(notice).toBeVisible({ timeout: 30_000 });
      for (const theme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: theme });
        const axe = await new AxeBuilder({ page })
          .include('.cde-update-notice')
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
          .analyze();
        expect(axe.violations.map((violation) => `${theme}: ${violation.id}`)).toEqual([]);
      }
      // Until the reader reloads, every page still comes from build 1.
      await page.goto(`${server.url}${FIRST_ARTICLE}`);
      await expect(page.locator('main h1')).not.toContainText('(build 2)');
      await expect(notice).toBeVisible();

      await notice.getByRole('button', { name: 'Reload' }).click();
      await expect(page.locator('main h1')).toContainText('(build 2)');
      const lastCaches = await page.evaluate(() => caches.keys());
      expect(lastCaches).toHaveLength(1);
      expect(lastCaches).not.toEqual(firstCaches);
      await page.context().setOffline(true);
      await page.goto(server.url);
      await expect(page.locator('main h1')).toContainText('(build 2)');
      expect(pageProblems).toEqual([]);
    } finally {
      await server.close();
      await v1.remove();
      await v2.remove();
    }
  });
});
