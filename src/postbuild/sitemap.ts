import { withBase } from '../site/urls.ts';

/** Escapes text for an XML element or attribute. */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char] ?? char,
  );
}

/** A sitemap (sitemaps.org 0.9) of pages given as paths before the base, e.g. `/articles/x/`. */
export function sitemapXml(paths: readonly string[], site: string, base: string): string {
  const urls = paths.map((path) => `  <url><loc>${escapeXml(new URL(withBase(path, base), site).href)}</loc></url>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}
