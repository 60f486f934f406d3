import { readdirSync, readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import type { Page } from '@playwright/test';
import { expect, FIRST_ARTICLE, listPages, test } from './support/site.ts';

/** Parses XML with the browser's strict XML parser; the name of the root element, or the parse error. */
function xmlRoot(page: Page, xml: string): Promise<string> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const error = doc.querySelector('parsererror');
    return error
      ? `parse error: ${error.textContent ?? ''}`
      : `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`;
  }, xml);
}

const articles = listPages()
  .filter((path) => /^articles\/[^/]+\/$/.test(path))
  .map((path) => path.split('/')[1] ?? '');

test.describe('deep links', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('copy link copies the full URL of a section and announces it', async ({ page, baseURL }) => {
    await page.goto(FIRST_ARTICLE);
    const button = page.getByRole('button', { name: 'Copy link to section: How they differ' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'copied' })).toHaveText(
      'Link to section “How they differ” copied.',
    );
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(new URL(`${FIRST_ARTICLE}#how-they-differ`, baseURL).href);
  });

  test('glossary entries have copy-link buttons too', async ({ page, baseURL }) => {
    await page.goto('glossary/');
    await page.getByRole('button', { name: 'Copy link to entry: Quorum' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'copied' })).toHaveText('Link to entry “Quorum” copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL('glossary/#quorum', baseURL).href);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('there are no copy buttons, and the self-links remain', async ({ page }) => {
    await page.goto(FIRST_ARTICLE);
    await expect(page.locator('.cde-copy-link')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Link to section: How they differ' })).toHaveAttribute(
      'href',
      '#how-they-differ',
    );
  });
});

test.describe('navigation', () => {
  test('the breadcrumb names the part and marks the current page', async ({ page }) => {
    await page.goto(FIRST_ARTICLE);
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(crumbs.getByRole('link')).toHaveText(['Home', 'Part 1: Foundations']);
    await expect(crumbs.locator('[aria-current="page"]')).toHaveText(/Cluster vs\. database/);
  });

  test('the learning path shows the part with "you are here"', async ({ page }) => {
    await page.goto(FIRST_ARTICLE);
    const part = page.getByRole('navigation', { name: 'Part 1: Foundations' });
    await expect(part.locator('a[aria-current="page"]')).toHaveText(/Cluster vs\. database/);
    await expect(part.getByText('You are here')).toBeVisible();
  });

  test('on a wide screen the TOC is open, sticky, and marks the section being read', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(FIRST_ARTICLE);
    const toc = page.getByRole('navigation', { name: 'On this page' });
    const link = toc.getByRole('link', { name: 'How they differ' });
    await expect(link).toBeVisible();
    await page.locator('#how-they-differ').evaluate((heading) => heading.scrollIntoView({ behavior: 'instant' }));
    await expect(link).toHaveAttribute('aria-current', 'true');
    await expect(toc.locator('[aria-current]')).toHaveCount(1);
    await expect(toc).toBeInViewport();
  });

  test('on a narrow screen the TOC starts closed and opens by keyboard', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(FIRST_ARTICLE);
    const toc = page.getByRole('navigation', { name: 'On this page' });
    const link = toc.getByRole('link', { name: 'How they differ' });
    await expect(link).toBeHidden();
    await toc.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(link).toBeVisible();
  });
});

test('print shows the article without navigation chrome', async ({ page }) => {
  await page.goto(FIRST_ARTICLE);
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['header', 'footer', '.cde-toc', '.cde-breadcrumb', '.cde-prev-next', '.cde-part-nav']) {
    await expect(page.locator(selector).first(), selector).toBeHidden();
  }
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const external = page.locator('.cde-prose a.cde-external').first();
  const after = await external.evaluate((link) => getComputedStyle(link, '::after').content);
  expect(after).toContain('https://');
  const breakInside = await page
    .locator('pre, table')
    .first()
    .evaluate((el) => getComputedStyle(el).breakInside);
  expect(breakInside).toBe('avoid');
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(background).toBe('rgb(255, 255, 255)');
});

test('the 404 page guesses the page from a misspelt URL', async ({ page }) => {
  const response = await page.goto('articles/cluster-vs-databse/');
  expect(response?.status()).toBe(404);
  const guess = page.locator('[data-cde-guess]');
  await expect(guess).toContainText('Were you looking for');
  await guess.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/articles\/cluster-vs-database\/$/);
});

test('the 404 page offers search', async ({ page }) => {
  await page.goto('no-such-page/');
  await page.getByRole('button', { name: 'Search the site' }).click();
  await expect(page.getByRole('dialog', { name: 'Search' })).toBeVisible();
});

test.describe('link previews', () => {
  test('an article has title, description, Open Graph and Twitter tags', async ({ page }) => {
    await page.goto(FIRST_ARTICLE);
    const meta = (selector: string) => page.locator(selector).getAttribute('content');
    expect(await meta('meta[property="og:title"]')).toMatch(/Cluster vs\. database/);
    expect(await meta('meta[property="og:type"]')).toBe('article');
    expect(await meta('meta[name="description"]')).toBe(await meta('meta[property="og:description"]'));
    expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');
    const image = await meta('meta[property="og:image"]');
    expect(image).toMatch(/\/og\/cluster-vs-database\.png$/);
    // Absolute (at SITE_URL) in the nested build: fetch its path from the test server.
    const response = await page.request.get(new URL(new URL(image ?? '', page.url()).pathname, page.url()).href);
    expect(response.headers()['content-type']).toBe('image/png');
  });

  test('every article has a 1200x630 PNG preview image', async ({ request }) => {
    expect(articles.length).toBeGreaterThan(0);
    for (const slug of articles) {
      const response = await request.get(`og/${slug}.png`);
      expect(response.status(), slug).toBe(200);
      const bytes = await response.body();
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], slug).toEqual([1200, 630]);
    }
  });

  test('robots.txt allows crawling', async ({ request }) => {
    const response = await request.get('robots.txt');
    expect(await response.text()).toMatch(/^User-agent: \*\nAllow: \//);
  });

  test('with SITE_URL: canonical URL, a sitemap and a feed that parse; without it, none', async ({
    page,
    request,
  }, info) => {
    const dist = String(info.project.metadata['dist']);
    const files = readdirSync(dist);
    await page.goto(FIRST_ARTICLE);
    const canonical = page.locator('link[rel="canonical"]');
    if (!files.includes('sitemap.xml')) {
      // The root build has no SITE_URL (package.json): nothing that needs absolute URLs.
      expect(files).not.toContain('feed.xml');
      await expect(canonical).toHaveCount(0);
      return;
    }
    // The nested build's SITE_URL (package.json): absolute URLs point there, and the test server
    // answers for their paths.
    const site = 'https://example.org';
    const here = new URL(page.url()).pathname;
    await expect(canonical).toHaveAttribute('href', site + here);
    const sitemap = await (await request.get('sitemap.xml')).text();
    expect(await xmlRoot(page, sitemap)).toBe('http://www.sitemaps.org/schemas/sitemap/0.9 urlset');
    const locs: string[] = [new XMLParser().parse(sitemap).urlset.url].flat().map((url: { loc: string }) => url.loc);
    expect(locs).toContain(site + here);
    for (const loc of locs) {
      expect(loc.startsWith(site), loc).toBe(true);
      expect((await request.get(new URL(loc).pathname)).status(), loc).toBe(200);
    }

    const feedLink = await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
    expect(feedLink).toBeTruthy();
    const feed = await (await request.get(new URL(feedLink ?? '').pathname)).text();
    expect(await xmlRoot(page, feed)).toBe('http://www.w3.org/2005/Atom feed');
    const entries = [new XMLParser({ ignoreAttributes: false }).parse(feed).feed.entry].flat();
    expect(entries.map((entry: { link: { '@_href': string } }) => entry.link['@_href']).sort()).toEqual(
      articles.map((slug) => `${site}${here.replace(/articles\/.*$/, '')}articles/${slug}/`).sort(),
    );
    expect(readFileSync(`${dist}/robots.txt`, 'utf8')).toContain('Sitemap: http');
  });
});

test.describe('glossary term previews', () => {
  test('show on hover and focus, and Escape hides them without moving pointer or focus', async ({ page }) => {
    await page.goto(FIRST_ARTICLE);
    const term = page.locator('.cde-term').filter({ has: page.getByRole('link', { name: 'quorum', exact: true }) });
    const preview = term.locator('.cde-term__preview');
    await term.first().hover();
    await expect(preview.first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(preview.first()).toBeHidden();
    // Leaving and coming back shows it again.
    await page.mouse.move(0, 0);
    await term.first().hover();
    await expect(preview.first()).toBeVisible();
    await page.mouse.move(0, 0);

    await term.first().getByRole('link').focus();
    await expect(preview.first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(preview.first()).toBeHidden();
    await expect(term.first().getByRole('link')).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(preview.first()).toBeVisible();
  });
});
