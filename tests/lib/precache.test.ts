import { describe, expect, it } from 'vitest';
import { isPrecached, precacheManifest, urlOf } from '../../src/postbuild/precache.ts';

/** A small build, as the build hook reads it. */
const BUILD = [
  { path: 'index.html', content: '<h1>Home</h1>' },
  { path: 'articles/replication/index.html', content: '<h1>Replication</h1>' },
  { path: '404.html', content: '<h1>Not found</h1>' },
  { path: '_astro/site.B1.css', content: 'a{}' },
  { path: 'diagrams/fig-a.svg', content: '<svg/>' },
  { path: 'pagefind/pagefind.js', content: 'x' },
  { path: 'pagefind/wasm.en.pagefind', content: new Uint8Array([1, 2, 3]) },
  { path: 'manifest.webmanifest', content: '{}' },
  { path: 'icon-192.png', content: new Uint8Array([137]) },
  { path: 'sw.js', content: 'old worker' },
  { path: '_headers', content: '/*' },
  { path: 'og/replication.png', content: new Uint8Array([0]) },
  { path: 'rss.xml', content: '<rss/>' },
  { path: 'robots.txt', content: 'User-agent: *' },
];

describe('precache manifest', () => {
  it('lists pages as their folder URLs, and every file a reader needs offline', () => {
    expect(precacheManifest(BUILD).urls).toEqual([
      '404.html',
      '_astro/site.B1.css',
      'articles/replication/',
      'diagrams/fig-a.svg',
      'icon-192.png',
      '',
      'manifest.webmanifest',
      'pagefind/pagefind.js',
      'pagefind/wasm.en.pagefind',
    ]);
  });

  it('leaves out the worker, hosting files, and what only machines read', () => {
    for (const path of ['sw.js', '_headers', 'og/replication.png', 'rss.xml', 'robots.txt', '.well-known/x']) {
      expect(isPrecached(path), path).toBe(false);
    }
  });

  it('has a version that changes with any precached byte, and only then', () => {
    const { version } = precacheManifest(BUILD);
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(precacheManifest([...BUILD].reverse()).version).toBe(version);
    const changedPage = BUILD.map((file) =>
      file.path === 'index.html' ? { ...file, content: '<h1>Home!</h1>' } : file,
    );
    expect(precacheManifest(changedPage).version).not.toBe(version);
    const changedFeed = BUILD.map((file) => (file.path === 'rss.xml' ? { ...file, content: '<rss></rss>' } : file));
    expect(precacheManifest(changedFeed).version).toBe(version);
  });

  it('maps files to the URLs readers request', () => {
    expect(urlOf('index.html')).toBe('');
    expect(urlOf('articles/index.html')).toBe('articles/');
    expect(urlOf('404.html')).toBe('404.html');
  });
});
