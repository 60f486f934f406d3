import AxeBuilder from '@axe-core/playwright';
import { WCAG_TAGS } from './support/axe.ts';
import { expect, listPages, test } from './support/site.ts';
const THEMES = ['light', 'dark'] as const;

for (const theme of THEMES) {
  test.describe(`axe in the ${theme} theme`, () => {
    for (const path of listPages()) {
      test(`/${path}`, async ({ page }) => {
        // The system preference, with no stored choice: the path a first-time reader takes.
        await page.emulateMedia({ colorScheme: theme });
        await page.goto(path);
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
