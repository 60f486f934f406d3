/**
 * Reading the built site: which files it has, and which page a file is. The integrations that
 * check or extend `dist/` after the build (links, anchors, sitemap, offline), the bundle, the
 * quality gates and the browser tests all start from here.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Every file of a folder, as sorted paths inside it with `/` separators (`articles/x/index.html`).
 * Synchronous, so that a browser test can list pages while it declares its tests.
 */
export function listBuildFiles(outDir: string): string[] {
  return readdirSync(outDir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Every HTML file of a built site, as paths inside it. */
export function listHtmlFiles(outDir: string): string[] {
  return listBuildFiles(outDir).filter((file) => file.endsWith('.html'));
}

/** The URL path (below the base) a built HTML file is served at: `articles/x/index.html` → `/articles/x/`. */
export function pagePathOf(file: string): string {
  return `/${file}`.replace(/(^|\/)index\.html$/, '$1');
}

/** The same path relative to the base: `articles/x/`, `` for the home page, `404.html`. */
export function pageOf(file: string): string {
  return pagePathOf(file).slice(1);
}
