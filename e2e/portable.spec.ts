import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { startServer, type TestServer } from './support/servers.ts';
import { expect, FIRST_ARTICLE, listPages, test } from './support/site.ts';

const DIST = 'dist-portable';
const pages = listPages(DIST);
const root = pathToFileURL(resolve(DIST)).href + '/';

/**
 * Blocks and records every request that leaves the page's own place (the folder on disk, or the
 * test's server), as the site fixture does for the suite's own servers.
 */
async function blockOffsite(context: BrowserContext, own: (url: URL) => boolean): Promise<string[]> {
  const attempts: string[] = [];
  await context.route(
    (url) => !['data:', 'blob:'].includes(url.protocol) && !own(url),
    async (route) => {
      attempts.push(route.request().url());
      await route.abort('blockedbyclient');
    },
  );
  return attempts;
}

/** What every page of the portable build must show wherever it is opened. */
async function checkPage(page: Page, label: string): Promise<string[]> {
  await expect(page.locator('main h1'), label).toBeVisible();
  const state = await page.evaluate(() => ({
    tokens: getComputedStyle(document.documentElement).getPropertyValue('--cde-space-3').trim(),
    // From file:// a sheet's rules are unreadable (no origin), but a sheet that failed has none.
    sheets: [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map(
      (link) => link.sheet !== null,
    ),
    images: [...document.images].map((image) => image.complete && image.naturalWidth > 0),
    figures: document.querySelectorAll('figure svg').length,
    manifest: document.querySelector('link[rel="manifest"]') !== null,
    links: [...document.querySelectorAll<HTMLAnchorElement>('a[href]')]
      .map((a) => a.href)
      .filter((href) => href.startsWith(location.origin === 'null' ? 'file:' : location.origin)),
  }));
  expect(state.tokens, `${label}: site styles`).toBe('1rem');
  expect(state.sheets.every(Boolean), `${label}: every stylesheet loaded`).toBe(true);
  expect(state.images.every(Boolean), `${label}: every image loaded`).toBe(true);
  expect(state.manifest, `${label}: no manifest in the portable build`).toBe(false);
  return state.links;
}

test.describe('the portable build from file://', () => {
  for (const path of pages) {
    test(`/${path} renders with its styles, and its links name files that exist`, async ({
      page,
      context,
      pageProblems,
    }) => {
      const offsite = await blockOffsite(context, (url) => url.protocol === 'file:');
      const response = await page.goto(`${root}${path}index.html`);
      expect(response?.ok()).toBe(true);
      const links = await checkPage(page, path);
      for (const href of new Set(links)) {
        const file = decodeURIComponent(new URL(href).pathname);
        expect(existsSync(file) && !file.endsWith('/'), `${href} (from /${path})`).toBe(true);
      }
      expect(offsite).toEqual([]);
      expect(pageProblems).toEqual([]);
    });
  }

  test('scripts run: the theme select works from a file', async ({ page, pageProblems }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${root}${FIRST_ARTICLE}index.html`);
    const select = page.getByRole('combobox', { name: 'Theme' });
    await select.selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(pageProblems).toEqual([]);
  });
});

// One folder, two different paths on a web server, no rebuild.
for (const base of ['/', '/intranet/docs/clusters/'] as const) {
  test.describe(`the portable build served under ${base}`, () => {
    let server: TestServer;
    test.beforeAll(async () => {
      server = await startServer(DIST, base);
    });
    test.afterAll(async () => server.close());

    test('every page renders with its styles, and every link resolves', async ({
      page,
      context,
      request,
      pageProblems,
    }) => {
      test.setTimeout(120_000);
      const offsite = await blockOffsite(context, (url) => url.origin === new URL(server.url).origin);
      const checked = new Set<string>();
      for (const path of pages) {
        const response = await page.goto(`${server.url}${path}`);
        expect(response?.status(), path).toBe(200);
        // Let the icon load before moving on, or leaving the page cancels it.
        await page.waitForLoadState('networkidle');
        for (const href of await checkPage(page, path)) {
          const file = href.replace(/#.*$/, '');
          if (checked.has(file)) continue;
          checked.add(file);
          expect((await request.get(file)).status(), `${href} (from /${path})`).toBe(200);
        }
      }
      // Search runs from a server, and its results lead to pages under this path.
      await page.goto(`${server.url}${FIRST_ARTICLE}`);
      await page.keyboard.press('/');
      await page.keyboard.type('quorum');
      const results = page.getByRole('dialog', { name: 'Search' }).getByRole('list', { name: 'Search results' });
      const first = results.getByRole('link').first();
      await expect(first).toBeVisible();
      expect(await first.getAttribute('href')).toMatch(new RegExp(`^${base.replace(/\//g, '\\/')}`));
      expect(offsite).toEqual([]);
      expect(pageProblems).toEqual([]);
      expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations())).toEqual([]);
    });
  });
}

test('from a file, search says plainly it cannot run and offers the article index', async ({ page, pageProblems }) => {
  await page.goto(`${root}${FIRST_ARTICLE}index.html`);
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await expect(dialog.getByRole('status')).toHaveText(
    'Search cannot run from a page opened as a file. Every article and glossary term is listed on the article index.',
  );
  await dialog.getByRole('link', { name: 'All articles and glossary terms' }).click();
  await expect(page).toHaveURL(`${root}articles/index.html`);
  await expect(page.locator('main h1')).toBeVisible();
  expect(pageProblems).toEqual([]);
});
