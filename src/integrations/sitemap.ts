import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listBuildFiles, pagePathOf } from '../postbuild/build-files.ts';
import { sitemapXml } from '../postbuild/sitemap.ts';

/**
 * Writes `sitemap.xml` after the build, listing every page but the 404 page and redirects. A
 * sitemap needs absolute URLs, so it is written only when SITE_URL is set.
 */
export function sitemap(): AstroIntegration {
  let site: string | undefined;
  let base = '/';
  return {
    name: 'cde:sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!site) {
          logger.info('No SITE_URL: no sitemap (it needs absolute URLs).');
          return;
        }
        const outDir = fileURLToPath(dir);
        const paths = listBuildFiles(outDir)
          .filter((file) => file === 'index.html' || file.endsWith('/index.html'))
          .map(pagePathOf);
        const pages: string[] = [];
        for (const path of paths.sort()) {
          const html = await readFile(join(outDir, path, 'index.html'), 'utf8');
          // Redirect pages and pages marked noindex are not content.
          if (/<meta[^>]+http-equiv="refresh"|<meta[^>]+name="robots"[^>]+noindex/i.test(html)) continue;
          pages.push(path);
        }
        await writeFile(join(outDir, 'sitemap.xml'), sitemapXml(pages, site, base));
        logger.info(`sitemap.xml written with ${pages.length} pages.`);
      },
    },
  };
}
