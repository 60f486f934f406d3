/**
 * Reading the built site: the integrations that check or extend `dist/` after the build (links,
 * anchors, sitemap, offline) all start from the same list of its files.
 */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Every file of a folder, as sorted paths inside it with `/` separators (`articles/x/index.html`). */
export async function listBuildFiles(outDir: string): Promise<string[]> {
  const entries = await readdir(outDir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The URL path (below the base) a built HTML file is served at: `articles/x/index.html` → `/articles/x/`. */
export function pagePathOf(file: string): string {
  return `/${file}`.replace(/(^|\/)index\.html$/, '$1');
}
