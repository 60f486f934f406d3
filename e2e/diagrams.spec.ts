import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, FIRST_ARTICLE, listPages, test } from './support/site.ts';

/** Figures of the first article, placed by the lead's DIAGRAM markers. */
const FIGURES = ['fig-cluster-behind-load-balancer', 'fig-patroni-etcd-haproxy'];
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** The fill and stroke a reader sees on a diagram's first node shape. */
const nodeColours = (figure: Locator) =>
  figure
    .locator('.label-container')
    .first()
    .evaluate((shape) => {
      const style = getComputedStyle(shape);
      return `${style.fill} ${style.stroke}`;
    });

async function openFigure(page: Page, id: string, theme: 'light' | 'dark'): Promise<Locator> {
  await page.emulateMedia({ colorScheme: theme });
  await page.goto(FIRST_ARTICLE);
  const figure = page.locator(`figure#${id}`);
  await figure.scrollIntoViewIfNeeded();
  return figure;
}

for (const id of FIGURES) {
  test.describe(`figure ${id}`, () => {
    test('is an inline SVG image named by its title, with a visible caption', async ({ page }) => {
      const figure = await openFigure(page, id, 'light');
      const svg = figure.locator('svg');
      await expect(svg).toBeVisible();
      await expect(svg).toHaveAttribute('role', 'img');
      const title = (await svg.locator('title').textContent()) ?? '';
      const description = (await svg.locator('desc').textContent()) ?? '';
      expect(title.length).toBeGreaterThan(10);
      expect(description.length).toBeGreaterThan(40);
      await expect(figure.getByRole('img')).toHaveAccessibleName(title);
      await expect(figure.getByRole('img')).toHaveAccessibleDescription(description);
      await expect(figure.locator('figcaption')).toBeVisible();
      expect(await svg.locator('foreignObject').count()).toBe(0);
    });

    test('changes colour with the theme: light and dark screenshots differ', async ({ page }) => {
      const figure = await openFigure(page, id, 'light');
      const lightShot = await figure.locator('svg').screenshot();
      const light = await nodeColours(figure);
      await page.emulateMedia({ colorScheme: 'dark' });
      const darkShot = await figure.locator('svg').screenshot();
      const dark = await nodeColours(figure);
      expect(dark).not.toBe(light);
      expect(darkShot.equals(lightShot)).toBe(false);
    });

    test('follows the manual theme toggle against the system theme', async ({ page }) => {
      const figure = await openFigure(page, id, 'light');
      const system = await nodeColours(figure);
      await page.locator('html').evaluate((html) => html.setAttribute('data-theme', 'dark'));
      const pinnedDark = await nodeColours(figure);
      expect(pinnedDark).not.toBe(system);
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.locator('html').evaluate((html) => html.setAttribute('data-theme', 'light'));
      expect(await nodeColours(figure)).toBe(system);
    });

    test('prints with the light palette even in the dark theme', async ({ page }) => {
      const figure = await openFigure(page, id, 'light');
      const light = await nodeColours(figure);
      await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
      expect(await nodeColours(figure)).toBe(light);
    });

    test('has a self-link that scrolls to the figure', async ({ page }) => {
      const figure = await openFigure(page, id, 'light');
      await page.evaluate(() => window.scrollTo(0, 0));
      const selfLink = figure.getByRole('link', { name: /^Link to the figure/ });
      await selfLink.click();
      await expect(page).toHaveURL(new RegExp(`#${id}$`));
      await expect(figure).toBeInViewport();
    });

    test('links to its standalone SVG file, light theme with styles inlined', async ({ page, request }) => {
      const figure = await openFigure(page, id, 'light');
      const href = await figure.getByRole('link', { name: /^SVG file of the figure/ }).getAttribute('href');
      expect(href).toMatch(new RegExp(`/diagrams/${id}\\.svg$`));
      const response = await request.get(new URL(href ?? '', page.url()).toString());
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain('image/svg+xml');
      const body = await response.text();
      expect(body).toMatch(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(body).toMatch(/<title id="[^"]+">[^<]+<\/title><desc id="[^"]+">[^<]+<\/desc><style>/);
      expect(body).not.toContain('var(');
    });
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing in the figures, ${theme} theme pinned against the system`, async ({ page }) => {
    // The reader's pinned choice opposite to the system: the case only the toggle reaches.
    await page.emulateMedia({ colorScheme: theme === 'dark' ? 'light' : 'dark' });
    await page.goto(FIRST_ARTICLE);
    await page.locator('html').evaluate((html, value) => html.setAttribute('data-theme', value), theme);
    const results = await new AxeBuilder({ page }).include('.cde-figure').withTags(WCAG_TAGS).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(0);
  });
}

test('no Mermaid code or unrendered Mermaid block ships in the build', async ({ request }, testInfo) => {
  const MERMAID = /mermaid\.(initialize|render|run)|mermaidAPI|language-mermaid|<foreignObject/i;
  const dist = String(testInfo.project.metadata['dist']);
  const onDisk = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(m?js|html)$/.test(file));
  const offenders = onDisk.filter((file) => MERMAID.test(readFileSync(path.join(dist, file), 'utf8')));
  // And what a reader's browser gets: every page and every script it loads.
  for (const page of listPages(dist)) {
    const html = await (await request.get(page)).text();
    if (MERMAID.test(html)) offenders.push(page);
    for (const [, src] of html.matchAll(/<script[^>]+src="([^"]+)"/g)) {
      if (src && MERMAID.test(await (await request.get(src)).text())) offenders.push(src);
    }
  }
  expect(onDisk.length).toBeGreaterThan(0);
  expect(offenders).toEqual([]);
});

test('every figure of the site is an inline SVG with a title, a description and a caption', async ({ page }) => {
  // One test walks every page, so it needs more than the default 30 s on a busy 2-core machine.
  test.slow();
  let figures = 0;
  const problems: string[] = [];
  for (const path of listPages()) {
    await page.goto(path);
    const found = await page.locator('figure.cde-figure').evaluateAll((elements) =>
      elements.map((figure) => {
        const svg = figure.querySelector(':scope > .cde-figure__canvas > svg[role="img"]');
        const byId = (id: string | null | undefined) => (id ? document.getElementById(id)?.textContent?.trim() : '');
        return {
          id: figure.id,
          title: byId(svg?.getAttribute('aria-labelledby')),
          description: byId(svg?.getAttribute('aria-describedby')),
          caption: figure.querySelector('figcaption .cde-figure__text')?.textContent?.trim() ?? '',
          selfLink: figure.querySelector(`figcaption a[href="#${figure.id}"]`) !== null,
        };
      }),
    );
    figures += found.length;
    for (const figure of found) {
      if (!figure.title || !figure.description || !figure.caption || !figure.selfLink) {
        problems.push(`/${path}#${figure.id}: ${JSON.stringify(figure)}`);
      }
    }
  }
  expect(figures).toBeGreaterThanOrEqual(FIGURES.length);
  expect(problems).toEqual([]);
});
