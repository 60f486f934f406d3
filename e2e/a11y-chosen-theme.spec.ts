import AxeBuilder from '@axe-core/playwright';
import { THEME_STORAGE_KEY } from '../src/client/theme.ts';
import { expect, listPages, test } from './support/site.ts';
import { WCAG_TAGS } from './support/axe.ts';

// The reader's own choice (the theme select), against the opposite system preference: the
// colours then come from `[data-theme]`, not from `prefers-color-scheme`. Root build only (the
// colours do not depend on the base path; see playwright.config.ts).
const CHOICES = [
  { chosen: 'dark', system: 'light' },
  { chosen: 'light', system: 'dark' },
] as const;

for (const { chosen, system } of CHOICES) {
  test.describe(`axe with the ${chosen} theme chosen on a ${system} system`, () => {
    for (const path of listPages()) {
      test(`/${path}`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: system });
        await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [
          THEME_STORAGE_KEY,
          chosen,
        ] as const);
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('data-theme', chosen);
        const scheme = await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
        expect(scheme).toBe(chosen);
        const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        const summary = results.violations.map(
          (violation) =>
            `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target).join(' | ')})`,
        );
        expect(summary).toEqual([]);
      });
    }
  });
}
