import { describe, expect, it } from 'vitest';
import { FIND_SITE_TOP, withSiteTopFinder } from '../../src/postbuild/portable-not-found.ts';

const ANCHOR = '<meta name="cde-root" content="./">';

describe('withSiteTopFinder', () => {
  it('puts the finder right after the anchor, before every stylesheet', () => {
    const html = `<head><meta charset="utf-8">${ANCHOR}<link rel="stylesheet" href="_astro/a.css"></head>`;
    const result = withSiteTopFinder(html, ANCHOR);
    expect(result).toBe(
      `<head><meta charset="utf-8">${ANCHOR}<script>${FIND_SITE_TOP}</script><link rel="stylesheet" href="_astro/a.css"></head>`,
    );
  });

  it('refuses a page without the anchor, naming what is missing', () => {
    expect(() => withSiteTopFinder('<head></head>', ANCHOR)).toThrow(
      `Portable build: 404.html has no ${ANCHOR} to put the site-top finder after.`,
    );
  });
});

describe('the site-top finder', () => {
  /** Runs the script against a fake page whose server has 404.html only at `top`. */
  function run(pathname: string, top: string | undefined, protocol = 'http:'): { probes: string[]; base?: string } {
    const probes: string[] = [];
    let base: string | undefined;
    class FakeRequest {
      status = 0;
      private url = '';
      open(_method: string, url: string): void {
        this.url = url;
      }
      send(): void {
        probes.push(this.url);
        this.status = top !== undefined && this.url === `${top}404.html` ? 200 : 404;
      }
    }
    const document = {
      createElement: () => ({ href: '' }),
      head: { appendChild: (element: { href: string }) => (base = element.href) },
    };
    new Function('location', 'XMLHttpRequest', 'document', FIND_SITE_TOP)(
      { pathname, protocol },
      FakeRequest,
      document,
    );
    return base === undefined ? { probes } : { probes, base };
  }

  it('sets the base at the nearest folder above whose 404.html the server has', () => {
    expect(run('/docs/clusters/articles/gone/', '/docs/clusters/')).toEqual({
      probes: ['/docs/clusters/articles/gone/404.html', '/docs/clusters/articles/404.html', '/docs/clusters/404.html'],
      base: '/docs/clusters/',
    });
  });

  it('changes nothing when the page is served from the top itself', () => {
    expect(run('/docs/clusters/no-such-page', '/docs/clusters/')).toEqual({ probes: ['/docs/clusters/404.html'] });
  });

  it('gives up quietly at the server root when no folder has the page', () => {
    expect(run('/a/b/', undefined)).toEqual({ probes: ['/a/b/404.html', '/a/404.html', '/404.html'] });
  });

  it('does nothing from the disk, where no server answers for missing files', () => {
    expect(run('/home/reader/portable/404.html', '/home/reader/portable/', 'file:')).toEqual({ probes: [] });
  });
});
