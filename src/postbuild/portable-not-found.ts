/**
 * The portable build's 404 page, below the top level. A server answers every missing URL with
 * the top-level `404.html`, so at `/docs/clusters/articles/gone/` its relative URLs resolve from
 * the wrong folder: no styles, dead links, no search. The portable build cannot know the path it
 * is served under, so the page finds it: a script, first in the head, asks for `404.html` in the
 * page's folder and each folder above; the first one the server answers with 200 (not its 404) is
 * the top of the site, and a `<base href>` there makes everything after it resolve. The requests
 * are synchronous so that the stylesheets, which come later in the head, already use the base.
 * Without JavaScript the page still reads, unstyled, at that depth.
 */

/** The script, as it runs in the page (an inline classic script; the CSP pass hashes it). */
export const FIND_SITE_TOP = [
  '(function () {',
  "  if (location.protocol === 'file:') return;",
  "  var folder = location.pathname.replace(/[^/]*$/, '');",
  "  for (var top = folder; top; top = top.replace(/[^/]*\\/$/, '')) {",
  '    var probe = new XMLHttpRequest();',
  '    try {',
  "      probe.open('HEAD', top + '404.html', false);",
  '      probe.send();',
  '    } catch (error) {',
  '      return;',
  '    }',
  '    if (probe.status !== 200) continue;',
  '    if (top !== folder) {',
  "      var base = document.createElement('base');",
  '      base.href = top;',
  '      document.head.appendChild(base);',
  '    }',
  '    return;',
  '  }',
  '})();',
].join('\n');

/** The 404 page with the script inserted right after `anchor` (the root meta tag), before any stylesheet. */
export function withSiteTopFinder(html: string, anchor: string): string {
  const at = html.indexOf(anchor);
  if (at < 0) throw new Error(`Portable build: 404.html has no ${anchor} to put the site-top finder after.`);
  const end = at + anchor.length;
  return `${html.slice(0, end)}<script>${FIND_SITE_TOP}</script>${html.slice(end)}`;
}
