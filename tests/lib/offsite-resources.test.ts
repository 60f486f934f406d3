import { describe, expect, it } from 'vitest';
import { offsiteInCss, offsiteInJs, offsiteResources } from '../../src/postbuild/offsite-resources.ts';

const LEAKY_PAGE = `<html><head>
<link rel="stylesheet" href="https://fonts.example.com/css?family=Inter">
<link rel="preconnect" href="https://fonts.example.com">
<link rel="icon" href="//cdn.example.com/favicon.ico">
<link rel="canonical" href="https://clusters.example.org/articles/x/">
<script src="https://analytics.example.com/a.js"></script>
<style>body{background:url("https://img.example.com/bg.png")}</style>
</head><body>
<a href="https://www.postgresql.org/docs/18/">PostgreSQL docs</a>
<img src="/local.png" srcset="/local.png 1x, https://img.example.com/x.png 2x" alt="">
<iframe src="https://video.example.com/embed"></iframe>
<p style="background-image:url(https://img.example.com/p.png)">x</p>
<script type="module">import "https://esm.example.com/lib.js";</script>
</body></html>`;

const CLEAN_PAGE = `<html><head><link rel="stylesheet" href="/_astro/a.css"><link rel="canonical" href="https://example.org/x/">
<meta property="og:image" content="https://example.org/og/x.png"></head>
<body><a href="https://example.org/">out</a><svg xmlns="http://www.w3.org/2000/svg"><use href="#n"/></svg></body></html>`;

describe('off-site resources', () => {
  it('finds every resource a page would fetch from another origin, and no link', () => {
    expect(offsiteResources('index.html', LEAKY_PAGE)).toEqual([
      'https://fonts.example.com/css?family=Inter',
      'https://fonts.example.com',
      '//cdn.example.com/favicon.ico',
      'https://analytics.example.com/a.js',
      'https://img.example.com/bg.png',
      'https://img.example.com/x.png',
      'https://video.example.com/embed',
      'https://img.example.com/p.png',
      'https://esm.example.com/lib.js',
    ]);
  });

  it('finds nothing in a self-contained page with external links and metadata', () => {
    expect(offsiteResources('index.html', CLEAN_PAGE)).toEqual([]);
  });

  it('reads CSS @import and url(), in the order they stand', () => {
    expect(
      offsiteInCss('@import "https://x.example/a.css";a{b:url(./f.woff2)}c{d:url(https://x.example/f.woff2)}'),
    ).toEqual(['https://x.example/a.css', 'https://x.example/f.woff2']);
  });

  it('reads JS imports, dynamic imports and importScripts', () => {
    expect(
      offsiteInJs('import a from"./a.js";import("https://x.example/b.js");importScripts("https://x.example/w.js")'),
    ).toEqual(['https://x.example/b.js', 'https://x.example/w.js']);
  });

  it('ignores files that load nothing', () => {
    expect(offsiteResources('feed.xml', '<link>https://example.org/</link>')).toEqual([]);
  });
});
