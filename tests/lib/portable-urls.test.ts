import { describe, expect, it } from 'vitest';
import {
  classicName,
  classicScriptTags,
  relativeUrl,
  rewriteFile,
  rewriteJsImports,
  rewriteMarkedUrls,
  runtimeSiteUrl,
} from '../../src/postbuild/portable-urls.ts';

/** The files of a small built site. */
const FILES = new Set([
  'index.html',
  '404.html',
  'articles/index.html',
  'articles/replication/index.html',
  'glossary/index.html',
  '_astro/site.B1.css',
  '_astro/search.C2.js',
  '_astro/dialog.D3.js',
  'diagrams/fig-a.svg',
]);

describe('relativeUrl', () => {
  it.each([
    ['articles/replication/index.html', 'articles/', '../index.html'],
    ['articles/replication/index.html', '', '../../index.html'],
    ['articles/replication/index.html', 'glossary/#quorum', '../../glossary/index.html#quorum'],
    ['articles/replication/index.html', 'articles/replication/#lag', './index.html#lag'],
    ['articles/replication/index.html', '_astro/site.B1.css', '../../_astro/site.B1.css'],
    ['index.html', 'articles/replication/', './articles/replication/index.html'],
    ['index.html', 'glossary', './glossary/index.html'],
    ['index.html', 'diagrams/fig-a.svg?v=1', './diagrams/fig-a.svg?v=1'],
    ['_astro/site.B1.css', '_astro/font.woff2', './font.woff2'],
    ['404.html', 'articles/?from=404', './articles/index.html?from=404'],
  ])('from %s to %j is %s', (from, target, expected) => {
    expect(relativeUrl(from, target, FILES)).toBe(expected);
  });

  it.each([
    ['articles/replication/index.html', '', '../../'],
    ['index.html', '', './'],
    ['index.html', 'pagefind/', './pagefind/'],
  ])('from %s to the folder %j, as a base for other URLs, is %s', (from, target, expected) => {
    expect(relativeUrl(from, target, FILES, false)).toBe(expected);
  });
});

describe('rewriteMarkedUrls', () => {
  const PAGE = [
    '<link rel="stylesheet" href="/__cde_portable__/_astro/site.B1.css">',
    '<a href="/__cde_portable__/glossary/#quorum">quorum</a>',
    '<img src="/__cde_portable__/diagrams/fig-a.svg" srcset="/__cde_portable__/diagrams/fig-a.svg 1x, /__cde_portable__/diagrams/fig-a.svg 2x" alt="">',
    '<div data-base="/__cde_portable__/"></div>',
    '<a href="https://example.org/__cde_portable__x">elsewhere</a>',
    '<style>.x{background:url(/__cde_portable__/diagrams/fig-a.svg)}</style>',
  ].join('\n');

  it('makes every internal URL of a page relative to the page and names the file', () => {
    expect(rewriteMarkedUrls(PAGE, 'articles/replication/index.html', FILES)).toBe(
      [
        '<link rel="stylesheet" href="../../_astro/site.B1.css">',
        '<a href="../../glossary/index.html#quorum">quorum</a>',
        '<img src="../../diagrams/fig-a.svg" srcset="../../diagrams/fig-a.svg 1x, ../../diagrams/fig-a.svg 2x" alt="">',
        '<div data-base="../../"></div>',
        '<a href="https://example.org/__cde_portable__x">elsewhere</a>',
        '<style>.x{background:url(../../diagrams/fig-a.svg)}</style>',
      ].join('\n'),
    );
  });

  it('makes CSS url()s relative to the stylesheet', () => {
    expect(rewriteMarkedUrls("a{b:url('/__cde_portable__/_astro/font.woff2')}", '_astro/site.B1.css', FILES)).toBe(
      "a{b:url('./font.woff2')}",
    );
  });
});

describe('rewriteJsImports', () => {
  it('makes import specifiers relative to the script', () => {
    const code = 'import{a}from"/__cde_portable__/_astro/dialog.D3.js";import("/__cde_portable__/_astro/search.C2.js")';
    expect(rewriteJsImports(code, '_astro/search.C2.js', FILES)).toBe(
      'import{a}from"./dialog.D3.js";import("./search.C2.js")',
    );
  });

  it('turns any other internal URL string into the absolute URL, computed from the page’s root', () => {
    const code = 'var p="/__cde_portable__/_astro/dialog.D3.js";import(new URL(p,location.href).href)';
    const rewritten = rewriteJsImports(code, '_astro/search.C2.js', FILES);
    expect(rewritten).toBe(`var p=(${runtimeSiteUrl('_astro/dialog.D3.js')});import(new URL(p,location.href).href)`);
    // Evaluated on a page two folders deep, whose root meta says ../../
    const document = {
      baseURI: 'file:///media/usb/site/articles/replication/index.html',
      querySelector: (selector: string) => (selector === 'meta[name="cde-root"]' ? { content: '../../' } : null),
    };
    const url = new Function('document', `return ${runtimeSiteUrl('_astro/dialog.D3.js')}`)(document) as string;
    expect(url).toBe('file:///media/usb/site/_astro/dialog.D3.js');
  });

  it('refuses an internal URL built by interpolation, naming the file', () => {
    expect(() => rewriteJsImports('const u=`/__cde_portable__/${x}`;', '_astro/x.js', FILES)).toThrow(
      '_astro/x.js: the portable build cannot rewrite an internal URL built by interpolation: …const u=`/__cde_portable__/${x}`;… ' +
        'Build it from a base URL the page gives (a data-base attribute resolved against document.baseURI).',
    );
  });
});

describe('rewriteFile', () => {
  it('leaves binary files alone and rewrites manifests and SVG like pages', () => {
    expect(rewriteFile('icon.png', '/__cde_portable__/x', FILES)).toBe('/__cde_portable__/x');
    expect(rewriteFile('diagrams/fig-a.svg', '<use href="/__cde_portable__/diagrams/fig-a.svg#n"/>', FILES)).toBe(
      '<use href="./fig-a.svg#n"/>',
    );
  });
});

describe('classicScriptTags', () => {
  it('turns external module scripts into deferred classic scripts and keeps inline ones', () => {
    const html =
      '<script type="module" src="/__cde_portable__/_astro/search.C2.js"></script><script type="module">let a=1;</script>';
    expect(classicScriptTags(html)).toEqual({
      html: '<script defer src="/__cde_portable__/_astro/search.C2.classic.js"></script><script type="module">let a=1;</script>',
      entries: ['/__cde_portable__/_astro/search.C2.js'],
    });
    expect(classicName('_astro/a.mjs')).toBe('_astro/a.classic.js');
  });
});
