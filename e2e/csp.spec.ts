import { CODE_TOKEN_PALETTE } from '../src/plugins/code-token-palette.ts';
import { expect, listPages, test } from './support/site.ts';

/** `#bdc4cc` → `rgb(189, 196, 204)`, as getComputedStyle reports it. */
const hexToRgb = (hex: string): string =>
  `rgb(${[1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16)).join(', ')})`;

const pages = listPages();

test.describe('the Content Security Policy', () => {
  // Record violations from the first moment of each document, before any page script runs.
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sample}`),
      );
    });
  });

  for (const path of pages) {
    test(`/${path} works under its policy with zero violations`, async ({ page }) => {
      const cspMessages: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) cspMessages.push(message.text());
      });
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).not.toContain("'unsafe-inline'");
      expect(policy).not.toContain("'unsafe-eval'");
      // The policy comes before anything inline it has to govern.
      const firstInline = await page.evaluate(() =>
        [...document.head.children].findIndex((el) => el.matches('style, script:not([src])')),
      );
      const metaIndex = await page.evaluate(() =>
        [...document.head.children].findIndex((el) => el.matches('meta[http-equiv="Content-Security-Policy"]')),
      );
      expect(metaIndex).toBeLessThan(firstInline);
      expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
      expect(cspMessages).toEqual([]);
    });
  }

  test('hashed inline code runs: the theme is set before paint and code keeps its colours', async ({ page }) => {
    await page.goto('articles/replication/');
    await page.evaluate(() => localStorage.setItem('cde-theme', 'dark'));
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    // Token colours are classes in the stylesheet (no style attributes, so no hashes for them):
    // a comment takes the dark theme's grey.
    const comment = page.locator('pre.astro-code .cde-t-grey').first();
    await expect(comment).toHaveCSS('color', hexToRgb(CODE_TOKEN_PALETTE['cde-t-grey']?.dark ?? ''));
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  });

  test('an inline script the policy does not know is blocked and reported', async ({ page }) => {
    await page.goto('');
    // Parsed HTML with a script the build never hashed: the policy must refuse to run it.
    const ran = await page.evaluate(async () => {
      const frame = document.createElement('div');
      document.body.append(frame);
      const script = document.createElement('script');
      script.textContent = 'window.injected = true;';
      // The browser reports the refusal with an event once it has decided; wait for that.
      const refused = new Promise((resolve) =>
        document.addEventListener('securitypolicyviolation', resolve, { once: true }),
      );
      frame.append(script);
      await refused;
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
    const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    expect(violations.some((violation) => violation.startsWith('script-src-elem'))).toBe(true);
  });
});

test('the standalone diagram files pass the policy the server sends', async ({ page }) => {
  const home = await page.goto('');
  expect(home?.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
  const svgs = await page
    .goto('articles/replication/')
    .then(() =>
      page.locator('a.cde-figure__file').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href)),
    );
  expect(svgs.length).toBeGreaterThan(0);
  for (const href of svgs) {
    const problems: string[] = [];
    const listener = (message: import('@playwright/test').ConsoleMessage): void => {
      // (A bare SVG document has no icon link, so the browser asks for /favicon.ico: not our concern.)
      if (/Content Security Policy/i.test(message.text())) problems.push(message.text());
    };
    page.on('console', listener);
    const response = await page.goto(href);
    expect(response?.headers()['content-security-policy']).toBeTruthy();
    // The drawing's own stylesheet applied: the nodes are not the default black fill.
    const fill = await page.evaluate(() => {
      const shape = document.querySelector('.label-container, rect.actor, .actor');
      return shape ? getComputedStyle(shape).fill : 'none';
    });
    expect(fill, href).not.toBe('rgb(0, 0, 0)');
    page.off('console', listener);
    expect(problems, href).toEqual([]);
  }
});
