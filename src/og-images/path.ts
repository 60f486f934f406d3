/** The root-relative path of an article's Open Graph image (src/pages/og/[slug].png.ts). */
export function ogImagePath(slug: string): string {
  return `/og/${slug}.png`;
}

/**
 * Where builds keep rendered Open Graph images (src/og-images/cache.ts), beside Vite's and
 * Astro's caches: never committed, and a fresh clone starts without it.
 */
export const OG_IMAGE_CACHE_DIR = 'node_modules/.cache/cde-og-images';
