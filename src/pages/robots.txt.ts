import type { APIRoute } from 'astro';
import { withBase } from '../site/urls.ts';

/**
 * robots.txt: every page may be crawled. Crawlers read it only at the root of a host, so under a
 * base path the host's own robots.txt applies; the Sitemap line (with SITE_URL) helps there too.
 */
export const GET: APIRoute = ({ site }) => {
  const lines = ['User-agent: *', 'Allow: /'];
  if (site) lines.push('', `Sitemap: ${new URL(withBase('/sitemap.xml', import.meta.env.BASE_URL), site).href}`);
  return new Response(`${lines.join('\n')}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
