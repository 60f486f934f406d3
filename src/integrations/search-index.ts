import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Parts of a page that must not be indexed even inside `data-pagefind-body`: screen-reader
 * helper text ("Link to section: …", "(external link)"), glossary previews that repeat another
 * page's definition, navigation inside the article, and diagram drawings.
 */
export const SEARCH_EXCLUDE_SELECTORS = [
  '.cde-sr-only',
  '.cde-heading-link',
  '.cde-term__preview',
  '.cde-prev-next',
  '.cde-part-nav',
  // Diagrams: their labels are fragments that make poor excerpts; the caption and prose stay.
  '.cde-figure__canvas',
  '.cde-figure__links',
];

/** Pagefind's own UI bundles: the site ships its own small search UI, so these are deleted. */
const UNUSED_PAGEFIND_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/**
 * Builds the Pagefind search index into `<outDir>/pagefind/` after every production build, so
 * `npm run build` produces a searchable site for any BASE_PATH and OUT_DIR. Only elements marked
 * `data-pagefind-body` (article bodies, the glossary and the questions page) are indexed. The browser loads the index
 * only when a reader opens search (src/components/Search.astro).
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'cde:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // Imported here so that dev and unit tests never start the Pagefind binary.
        const pagefind = await import('pagefind');
        const outDir = fileURLToPath(dir);
        try {
          const { index, errors } = await pagefind.createIndex({
            excludeSelectors: SEARCH_EXCLUDE_SELECTORS,
            forceLanguage: 'en',
          });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length > 0) throw new Error(`Pagefind could not index: ${added.errors.join('; ')}`);
          if (added.page_count === 0) {
            throw new Error('Pagefind indexed no page: no element has data-pagefind-body.');
          }
          const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
          await Promise.all(UNUSED_PAGEFIND_FILES.map((file) => rm(join(outDir, 'pagefind', file), { force: true })));
          logger.info(`Search index written to pagefind/ (${added.page_count} HTML files read).`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
