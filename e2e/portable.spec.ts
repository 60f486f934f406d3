import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { startServer, type TestServer } from './support/servers.ts';
import { expect, FIRST_ARTICLE, listPages, test } from './support/site.ts';

const DIST = 'dist-portable';
const pages = listPages(DIST);
const root = pathToFileURL(resolve(DIST)).href + '/';

/** What every page of the portable build must show wherever it is opened. */
async function checkPage(page: Page, label: string): Promise<string[]> {
  await expect(page.locator('main h1'), label).toBeVisible();
  const state = await page.evaluate(() => ({
    tokens: getComputedStyle(document.documentElement).getPropertyValue('--cde-space-3').trim(),
    // From file:// a sheet's rules are unreadable (no origin), but a sheet that failed has none.
    sheets: [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((link) => link.sheet !== null),
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
    test(`/${path} renders with its styles, and its links name files that exist`, async ({ page, pageProblems }) => {
      const response = await page.goto(`${root}${path}index.html`);
      expect(response?.ok()).toBe(true);
      const links = await checkPage(page, path);
      for (const href of new Set(links)) {
        const file = decodeURIComponent(new URL(href).pathname);
        expect(existsSync(file) && !file.endsWith('/'), `${href} (from /${path})`).toBe(true);
      }
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
for (const [offset, base] of [
  [2, '/'],
  [4, '/intranet/docs/clusters/'],
] as const) {
  test.describe(`the portable build served under ${base}`, () => {
    let server: TestServer;
    test.beforeAll(async ({}, testInfo) => {
      const port = Number(new URL(String(testInfo.project.use.baseURL)).port) + offset;
      server = await startServer(DIST, base, port);
    });
    test.afterAll(async () => server.close());
    test.use({ baseURL: undefined });

    test('every page renders with its styles, and every link resolves', async ({ page, request, pageProblems }) => {
      test.setTimeout(120_000);
      for (const path of pages) {
        const response = await page.goto(`${server.url}${path}`);
        expect(response?.status(), path).toBe(200);
        for (const href of new Set(await checkPage(page, path))) {
          expect((await request.get(href)).status(), `${href} (from /${path})`).toBe(200);
        }
      }
      expect(pageProblems).toEqual([]);
      expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations())).toEqual([]);
    });
  });
}
