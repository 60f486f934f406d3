import { escapeXml } from '../postbuild/sitemap.ts';
import { SITE_NAME } from '../site/name.ts';
import { articlePath, withBase } from '../site/urls.ts';

export interface FeedArticle {
  id: string;
  title: string;
  description: string;
  lastReviewed: Date;
  /** "Part 2: How databases become clusters". */
  part: string;
}

export interface FeedOptions {
  /** The public origin, e.g. https://example.org (feeds need absolute URLs). */
  site: string;
  base: string;
  title: string;
  articles: readonly FeedArticle[];
}

/**
 * An Atom feed (RFC 4287) of the articles, most recently reviewed first: a reviewed article is
 * news to a reader who follows the site, since its facts were checked again.
 */
export function atomFeed({ site, base, title, articles }: FeedOptions): string {
  const url = (path: string): string => new URL(withBase(path, base), site).href;
  const sorted = [...articles].sort(
    (a, b) => b.lastReviewed.getTime() - a.lastReviewed.getTime() || a.title.localeCompare(b.title),
  );
  const updated = sorted[0]?.lastReviewed ?? new Date(0);
  const entries = sorted.map((article) =>
    [
      '  <entry>',
      `    <id>${escapeXml(url(articlePath(article.id)))}</id>`,
      `    <title>${escapeXml(article.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(url(articlePath(article.id)))}"/>`,
      `    <updated>${article.lastReviewed.toISOString()}</updated>`,
      `    <category term="${escapeXml(article.part)}"/>`,
      `    <summary>${escapeXml(article.description)}</summary>`,
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(url('/'))}</id>`,
    `  <title>${escapeXml(title)}</title>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(url('/feed.xml'))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(url('/'))}"/>`,
    `  <updated>${updated.toISOString()}</updated>`,
    `  <author><name>${escapeXml(SITE_NAME)} contributors</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
