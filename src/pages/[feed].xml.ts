import type { APIRoute, GetStaticPaths } from 'astro';
import { getLearningPath } from '../articles/collection.ts';
import { atomFeed } from '../articles/feed.ts';
import { partTitle } from '../articles/learning-path-parts.ts';
import { SITE_NAME } from '../site/name.ts';

/**
 * /feed.xml, an Atom feed of the articles by last-reviewed date. Feeds need absolute URLs, so it
 * is built only when SITE_URL is set (this route then has its one path, `feed`).
 */
export const getStaticPaths = (() => {
  // Checked as a URL: a parent process can leave the literal string "undefined" here.
  const site: string | undefined = import.meta.env.SITE;
  return site && URL.canParse(site) ? [{ params: { feed: 'feed' } }] : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('feed.xml needs SITE_URL.');
  const path = await getLearningPath();
  const xml = atomFeed({
    site: site.href,
    base: import.meta.env.BASE_URL,
    title: SITE_NAME,
    articles: path.ordered.map((entry) => ({
      id: entry.id,
      title: entry.data.title,
      description: entry.data.description,
      lastReviewed: entry.data.lastReviewed,
      part: `Part ${entry.data.part}: ${partTitle(entry.data.part)}`,
    })),
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
