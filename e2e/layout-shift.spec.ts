import type { Page } from '@playwright/test';
import { expect, FIRST_ARTICLE, test } from './support/site.ts';

// Nothing on a page may move once it is shown (docs/QUALITY.md: CLS 0). Every layout-shift entry counts, including
// those Chrome flags as following input (`hadRecentInput`): within 500 ms of opening a page at an
// anchor, Chrome treats the jump as input and leaves such shifts out of CLS, but the reader still
// sees the text move. The causes found and fixed: the "Copy link" buttons the script adds beside
// headings and figure captions (a heading or a caption's links wrapped onto another line; their
// room is now kept from the start), the <ConfigFile> copy button (hidden with display: none, so the
// title bar grew when it appeared) and the bold current entry of the table of contents (it wrapped).

/** Starts summing every layout shift from the first moment of the document. */
async function watchShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const state = window as unknown as { cdeShifts: { value: number; sources: string[] }[] };
    state.cdeShifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        sources: { node?: Node | null }[];
      })[]) {
        const sources = entry.sources.map((source) => {
          const node = source.node;
          if (!(node instanceof Element)) return node?.parentElement?.className ?? String(node?.nodeName);
          return `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}.${[...node.classList].join('.')}`;
        });
        state.cdeShifts.push({ value: entry.value, sources });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/**
 * The shifts recorded once the page has loaded (nothing left on the network), its fonts are ready,
 * and two frames have been laid out since, so that the observer has been handed every shift those
 * caused. Callers first wait for what shows that the page's scripts have run.
 */
async function settledShifts(page: Page): Promise<{ value: number; sources: string[] }[]> {
  await page.waitForLoadState('networkidle');
  return page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    return (window as unknown as { cdeShifts: { value: number; sources: string[] }[] }).cdeShifts;
  });
}

const DEVICES = [
  { name: 'phone', viewport: { width: 412, height: 823 } },
  { name: 'desktop', viewport: { width: 1350, height: 940 } },
] as const;

/** Below both of the article's figures, so everything above it has been laid out first. */
const BELOW_FIGURES = 'check-your-understanding';

for (const device of DEVICES) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${FIRST_ARTICLE} on a ${device.name}, ${colorScheme} theme`, () => {
      // Reduced motion: the jump to an anchor is instant rather than a smooth scroll.
      test.use({ viewport: device.viewport, colorScheme, reducedMotion: 'reduce' });

      for (const anchor of ['', BELOW_FIGURES]) {
        test(`nothing moves when it opens ${anchor ? `at #${anchor}` : 'at the top'}`, async ({
          page,
          offsiteRequests,
        }) => {
          await watchShifts(page);
          await page.goto(anchor ? `${FIRST_ARTICLE}#${anchor}` : FIRST_ARTICLE);
          // The script whose copy-link buttons used to shift the page has run.
          await expect(page.locator('.cde-copy-link').first()).toBeAttached();
          const shifts = await settledShifts(page);
          if (anchor) {
            const top = await page.locator(`#${anchor}`).evaluate((element) => element.getBoundingClientRect().top);
            expect(Math.abs(top)).toBeLessThan(device.viewport.height);
          }
          expect(shifts, JSON.stringify(shifts)).toEqual([]);
          expect(offsiteRequests).toEqual([]);
        });
      }
    });
  }
}

test.describe('pages still arriving', () => {
  // On a slow phone the browser paints a long page before it has parsed all of it. The table of
  // contents used to come after the article in the HTML (the grid placed it above), so it pushed
  // the article down once parsed: 0.038 on a phone. Timing makes that hard to catch reliably, so
  // this test shows the browser the page cut off where the article's body begins, as a slow
  // connection or parser would, and checks the article already stands where it will stay.
  test.use({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });

  test('an article stands where it will stay before the rest of the page has arrived', async ({ page }) => {
    const path = 'articles/what-is-a-database/';
    const articleTop = () =>
      page.locator('article.cde-article').evaluate((element) => element.getBoundingClientRect().top + scrollY);
    await page.goto(path);
    const settled = await articleTop();
    const html = await (await page.request.get(path)).text();
    const cut = html.indexOf('class="cde-prose"');
    expect(cut).toBeGreaterThan(0);
    await page.route(`**/${path}`, (route) =>
      route.fulfill({ body: html.slice(0, cut - '<div '.length), contentType: 'text/html' }),
    );
    await page.goto(path);
    expect(await articleTop()).toBe(settled);
  });
});

for (const device of DEVICES) {
  test.describe(`the interactive page on a ${device.name}`, () => {
    test.use({ viewport: device.viewport });

    // The quorum calculator is on screen at once, so its island loads and takes over in view: its
    // form is drawn in the first state from the start (it used to appear when the code loaded).
    test('nothing moves when the quorum calculator comes alive', async ({ page }) => {
      await watchShifts(page);
      await page.goto('interactive/');
      await expect(page.locator('cde-quorum-calculator')).toHaveAttribute('data-ready', 'true');
      const shifts = await settledShifts(page);
      expect(shifts, JSON.stringify(shifts)).toEqual([]);
    });
  });
}
