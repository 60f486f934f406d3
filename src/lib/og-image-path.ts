/** The root-relative path of an article's Open Graph image (src/pages/og/[slug].png.ts). */
export function ogImagePath(slug: string): string {
  return `/og/${slug}.png`;
}
