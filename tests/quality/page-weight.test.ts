import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  analyseSite,
  gzipSize,
  inlineSize,
  readHtml,
  resolveReference,
  siteStylesheets,
  summarisePage,
  type PageWeight,
  type SiteWeight,
} from '../../scripts/lib/page-weight.ts';

const SITE = 'tests/fixtures/dists/site';
const NESTED = 'tests/fixtures/dists/nested';
const size = (dist: string, file: string) => {
  const content = readFileSync(join(dist, file));
  return { raw: content.byteLength, gzip: gzipSize(content) };
};
const sum = (dist: string, files: string[]) =>
  files.map((file) => size(dist, file)).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }));

describe('reading a page', () => {
  it('finds what loads without interaction, by kind', () => {
    const reading = readHtml(`<!doctype html><html><head>
      <link rel="stylesheet" href="/a.css"><link rel="modulepreload" href="/m.js">
      <link rel="preload" as="font" href="/f.woff2"><link rel="icon" href="/i.svg">
      <link rel="canonical" href="https://example.org/"><link rel="alternate" href="/feed.xml">
      </head><body><img srcset="/small.png 1x, /big.png 2x" alt=""><script src="/s.js"></script>
      <svg><use href="#local"/><use href="/sprite.svg#icon"/></svg></body></html>`);
    expect(reading.references.map((reference) => [reference.url, reference.kind, reference.loading])).toEqual([
      ['/a.css', 'css', 'first-visit'],
      ['/m.js', 'js', 'first-visit'],
      ['/f.woff2', 'font', 'first-visit'],
      ['/i.svg', 'image', 'first-visit'],
      ['/small.png', 'image', 'first-visit'],
      ['/s.js', 'js', 'first-visit'],
      ['/sprite.svg', 'image', 'first-visit'],
    ]);
  });

  it('keeps inline code apart, ignores data scripts and styles inside SVG, and spots the island runtime', () => {
    const reading = readHtml(`<html><head><style>a{color:red}</style>
      <script>var theme = 1;</script><script type="application/ld+json">{"a":1}</script>
      <script>(self.Astro||(self.Astro={})).visible=async()=>{}</script></head>
      <body><svg role="img" aria-label="x"><style>.n{fill:none}</style></svg></body></html>`);
    expect(reading.inline.map((code) => [code.kind, code.loading, code.text])).toEqual([
      ['css', 'first-visit', 'a{color:red}'],
      ['js', 'first-visit', 'var theme = 1;'],
      ['js', 'island', '(self.Astro||(self.Astro={})).visible=async()=>{}'],
    ]);
  });

  it('counts diagrams (cde-figure with inline SVG) and islands', () => {
    const reading = readHtml(`<figure class="cde-figure"><div><svg></svg></div></figure>
      <figure class="cde-figure"><img src="/a.png" alt="a"></figure><figure><svg></svg></figure>
      <div data-island="/sim.js"></div><astro-island client="visible" component-url="/c.js"></astro-island>
      <astro-island client="load" component-url="/l.js"></astro-island>`);
    expect(reading.figures).toBe(1);
    expect(reading.islands).toBe(2);
    expect(reading.references.map((reference) => [reference.url, reference.loading])).toEqual([
      ['/a.png', 'first-visit'],
      ['/sim.js', 'island'],
      ['/c.js', 'island'],
      ['/l.js', 'first-visit'],
    ]);
  });

  it('counts question entries (class cde-question) and links to questions (a.cde-question-link)', () => {
    const reading = readHtml(`<div class="cde-questions"><div class="cde-question"><h3>Q?</h3></div>
      <div class="x cde-question"></div></div>
      <ul><li><a class="cde-question-link" href="/questions/#a">A?</a></li><li><a href="/questions/#b">B?</a></li>
      <li><span class="cde-question-link">C?</span></li></ul>`);
    expect(reading.questions).toBe(2);
    expect(reading.questionLinks).toBe(1);
  });
});

describe('resolving a reference', () => {
  it('maps site URLs under the base to files in dist', () => {
    expect(resolveReference('/docs/_astro/a.css', '/docs/guide/', '/docs/')).toEqual({ file: '_astro/a.css' });
    expect(resolveReference('../_astro/a.css', '/docs/guide/', '/docs/')).toEqual({ file: '_astro/a.css' });
    expect(resolveReference('/docs/guide/', '/docs/', '/docs/')).toEqual({ file: 'guide/index.html' });
    expect(resolveReference('/other/x.css', '/docs/', '/docs/')).toEqual({ file: '/other/x.css' });
  });

  it('tells other hosts apart and skips what downloads nothing', () => {
    expect(resolveReference('https://cdn.example.org/x.js', '/', '/')).toEqual({
      offsite: 'https://cdn.example.org/x.js',
    });
    expect(resolveReference('data:image/png;base64,AA==', '/', '/')).toBeUndefined();
    expect(resolveReference('#top', '/', '/')).toBeUndefined();
  });
});

describe('a fixture site', () => {
  let site: SiteWeight;
  const page = (path: string): PageWeight => {
    const found = site.pages.find((candidate) => candidate.page === path);
    if (!found) throw new Error(`no page ${path}`);
    return found;
  };
  beforeAll(async () => {
    site = await analyseSite(SITE);
  });

  it('lists every HTML page', () => {
    expect(site.pages.map((candidate) => candidate.page)).toEqual(['articles/three-diagrams/', 'broken/', '']);
  });

  it('follows stylesheets to their imports, fonts and images, and modules to their static imports', () => {
    const home = page('');
    expect(home.assets.map((asset) => [asset.file, asset.kind, asset.via])).toEqual([
      ['_astro/site.css', 'css', '<link rel=stylesheet>'],
      ['favicon.svg', 'image', '<link rel=icon>'],
      ['img/photo.png', 'image', '<img>'],
      ['_astro/entry.js', 'js', '<script src>'],
      ['_astro/more.css', 'css', '@import in _astro/site.css'],
      ['fonts/body.woff2', 'font', 'url() in _astro/site.css'],
      ['_astro/dep.js', 'js', 'import in _astro/entry.js'],
      ['img/bg.svg', 'image', 'url() in _astro/more.css'],
    ]);
    expect(home.missing).toEqual([]);
    expect(home.offsite).toEqual([]);
  });

  it('adds up a first visit from the files themselves, gzipped one by one', () => {
    const summary = summarisePage(page(''));
    const files = [
      'index.html',
      '_astro/site.css',
      '_astro/more.css',
      'favicon.svg',
      'img/photo.png',
      'img/bg.svg',
      'fonts/body.woff2',
      '_astro/entry.js',
      '_astro/dep.js',
    ];
    expect(summary.firstVisit).toEqual({ ...sum(SITE, files), requests: files.length });
    expect(summary.byKind.css).toEqual({ ...sum(SITE, ['_astro/site.css', '_astro/more.css']), requests: 2 });
    expect(summary.byKind.font).toEqual({ ...sum(SITE, ['fonts/body.woff2']), requests: 1 });
    expect(summary.byKind.image.requests).toBe(3);
    expect(summary.byKind.other.requests).toBe(0);
    // The JS that runs: both modules and the inline theme script (not the JSON-LD data block).
    const themeScript = page('').inline.find((code) => code.kind === 'js');
    expect(themeScript).toBeDefined();
    const scripts = sum(SITE, ['_astro/entry.js', '_astro/dep.js']);
    expect(summary.js).toEqual({
      raw: scripts.raw + (themeScript?.raw ?? 0),
      gzip: scripts.gzip + (themeScript?.gzip ?? 0),
    });
    expect(summary.islands).toEqual({ raw: 0, gzip: 0, requests: 0, count: 0 });
  });

  it('counts islands apart, except code the first visit loads anyway', () => {
    const article = page('articles/three-diagrams/');
    expect(article.figures).toBe(3);
    expect(article.islands).toBe(2);
    const loading = Object.fromEntries(article.assets.map((asset) => [asset.file, asset.loading]));
    expect(loading).toEqual({
      '_astro/site.css': 'first-visit',
      '_astro/article.css': 'first-visit',
      'img/photo.png': 'first-visit',
      '_astro/sim.js': 'island',
      '_astro/counter.js': 'island',
      '_astro/client.js': 'island',
      '_astro/entry.js': 'first-visit',
      '_astro/more.css': 'first-visit',
      'fonts/body.woff2': 'first-visit',
      // sim.js imports dep.js too, but entry.js loads it on the first visit.
      '_astro/dep.js': 'first-visit',
      '_astro/sim-engine.js': 'island',
      'img/bg.svg': 'first-visit',
    });
    const summary = summarisePage(article);
    const runtime = article.inline.find((code) => code.loading === 'island');
    expect(runtime).toBeDefined();
    const modules = sum(SITE, ['_astro/sim.js', '_astro/sim-engine.js', '_astro/counter.js', '_astro/client.js']);
    expect(summary.islands).toEqual({
      raw: modules.raw + (runtime?.raw ?? 0),
      gzip: modules.gzip + (runtime?.gzip ?? 0),
      requests: 4,
      count: 2,
    });
    expect(summary.js).toEqual(sum(SITE, ['_astro/entry.js', '_astro/dep.js']));
  });

  it('reports references to missing files and to other hosts', () => {
    const broken = page('broken/');
    expect(broken.missing).toEqual(['/_astro/gone.css (<link rel=stylesheet>)']);
    expect(broken.offsite).toEqual(['https://cdn.example.org/library.js (<script src>)']);
  });

  it('lists each stylesheet of the site once, with the pages that use it', () => {
    const sheets = siteStylesheets(site);
    expect(sheets.map((sheet) => [sheet.name.replace(/[0-9a-f]{8}$/, 'HASH'), sheet.pages])).toEqual([
      ['_astro/site.css', 2],
      ['_astro/article.css', 1],
      ['_astro/more.css', 2],
      ['inline <style> HASH', 1],
    ]);
  });
});

describe('a fixture site under a base path', () => {
  it('resolves root-relative and relative references under the base', async () => {
    const site = await analyseSite(NESTED, { base: '/docs/' });
    const [guide] = site.pages;
    expect(guide?.assets.map((asset) => asset.file)).toEqual(['_astro/a.css', '_astro/b.js']);
    expect(guide?.missing).toEqual([]);
  });

  it('finds nothing when told the wrong base', async () => {
    const site = await analyseSite(NESTED, { base: '/' });
    expect(site.pages[0]?.missing).toEqual(['/docs/_astro/b.js (<script src>)']);
  });
});

describe('inline code size', () => {
  it('never counts more than its raw bytes', () => {
    expect(inlineSize('a')).toEqual({ raw: 1, gzip: 1 });
    const long = 'abc'.repeat(1000);
    expect(inlineSize(long).gzip).toBe(gzipSize(long));
  });
});

describe('inline scripts of one page', () => {
  it('count as one gzip stream, as they travel inside the HTML, islands apart', async () => {
    const dist = await mkdtemp(join(tmpdir(), 'cde-inline-'));
    try {
      const first = 'document.querySelector("cde-toc")?.setAttribute("data-ready", "");';
      const second = 'document.querySelector("cde-copy")?.setAttribute("data-ready", "");';
      const runtime = '(self.Astro||(self.Astro={})).visible=async()=>{}';
      await writeFile(
        join(dist, 'index.html'),
        `<html><body><script>${first}</script><script>${second}</script><script>${runtime}</script></body></html>`,
      );
      const [page] = (await analyseSite(dist)).pages;
      if (!page) throw new Error('no page read');
      const together = gzipSize(`${first}\n${second}`);
      expect(page.inlineJs).toEqual({ raw: first.length + second.length + 1, gzip: together });
      expect(together).toBeLessThan(gzipSize(first) + gzipSize(second));
      expect(summarisePage(page).js).toEqual(page.inlineJs);
    } finally {
      await rm(dist, { recursive: true, force: true });
    }
  });

  it('counts entries rendered from a results file (data-cde-measurement)', () => {
    const reading = readHtml(`<table><tr data-cde-measurement><td>1</td></tr><tr><td>2</td></tr>
      <tr data-cde-measurement=""><td>3</td></tr></table><figure data-cde-measurement><pre>$ x</pre></figure>`);
    expect(reading.measurements).toBe(3);
  });
});
