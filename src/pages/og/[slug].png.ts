import type { APIRoute, GetStaticPaths } from 'astro';
import { getLearningPath } from '../../articles/collection.ts';
import { partTitle } from '../../articles/learning-path-parts.ts';
import { cachedOgImage } from '../../og-images/cache.ts';

/** One Open Graph image per article, rendered at build time: /og/<slug>.png. */
export const getStaticPaths = (async () => {
  const path = await getLearningPath();
  return path.ordered.map((entry) => ({
    params: { slug: entry.id },
    props: { title: entry.data.title, part: `Part ${entry.data.part}: ${partTitle(entry.data.part)}` },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { title, part } = props as { title: string; part: string };
  const png = await cachedOgImage({ title, part });
  return new Response(png as Uint8Array<ArrayBuffer>, { headers: { 'content-type': 'image/png' } });
};
