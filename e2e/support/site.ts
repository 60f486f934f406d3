import { test as base, expect } from '@playwright/test';
import { listHtmlFiles, pageOf } from '../../src/postbuild/build-files.ts';

/**
 * Every page of the built site as a path relative to the base (`articles/x/`, `` for home),
 * read from the root build, which has the same pages as the nested one.
 */
export function listPages(dist = 'dist'): string[] {
  return listHtmlFiles(dist)
    .filter((file) => /(^|\/)index\.html$/.test(file))
    .map(pageOf);
}

/** Some article pages, for checks that need an article in particular. */
export const FIRST_ARTICLE = 'articles/cluster-vs-database/';

interface SiteFixtures {
  /** Requests that tried to leave the site; each was blocked. */
  offsiteRequests: string[];
  /** Console errors, uncaught page errors and failed requests, collected for the whole test. */
  pageProblems: string[];
}

/**
 * The test object every e2e spec uses: it blocks any request to another host and records it,
 * and records console errors and failed requests, so each test can assert there were none.
 */
export const test = base.extend<SiteFixtures>({
  offsiteRequests: async ({ context, baseURL }, use) => {
    const own = new URL(baseURL ?? 'http://127.0.0.1/').host;
    const attempts: string[] = [];
    await context.route(
      (url) => url.protocol !== 'data:' && url.protocol !== 'blob:' && url.host !== own,
      async (route) => {
        attempts.push(route.request().url());
        await route.abort('blockedbyclient');
      },
    );
    await use(attempts);
  },
  pageProblems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) =>
      problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`),
    );
    page.on('response', (response) => {
      // The 404 page itself is expected to answer 404; anything else below 400 is fine.
      if (response.status() >= 400 && !response.url().includes('this-page-does-not-exist')) {
        problems.push(`HTTP ${response.status()}: ${response.url()}`);
      }
    });
    await use(problems);
  },
});

export { expect };
