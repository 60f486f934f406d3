import { describe, expect, it } from 'vitest';
import { cacheName, cachesToDelete, precacheKey, wantsNotFoundPage } from '../../src/client/sw-core.ts';

const SCOPE = 'https://docs.example.org/nested/path/';
const URLS = new Set(['', 'articles/', 'articles/replication/', '_astro/site.B1.css', '404.html']);

describe('service worker decisions', () => {
  it('names one cache per build version', () => {
    expect(cacheName('2b13c24f0fb37e89')).toBe('cde-offline-2b13c24f0fb37e89');
  });

  it('deletes this site’s caches of other versions, and nothing else', () => {
    expect(cachesToDelete(['cde-offline-old', 'cde-offline-new', 'other-app-v1'], 'cde-offline-new')).toEqual([
      'cde-offline-old',
    ]);
  });

  it.each([
    ['https://docs.example.org/nested/path/', true, ''],
    ['https://docs.example.org/nested/path/articles/replication/?utm=x#lag', true, 'articles/replication/'],
    ['https://docs.example.org/nested/path/articles/replication', true, 'articles/replication/'],
    ['https://docs.example.org/nested/path/articles/index.html', true, 'articles/'],
    ['https://docs.example.org/nested/path/_astro/site.B1.css', false, '_astro/site.B1.css'],
    ['https://docs.example.org/nested/path/articles/replication', false, undefined],
    ['https://docs.example.org/nested/path/articles/missing/', true, undefined],
    ['https://docs.example.org/other/', true, undefined],
    ['https://cdn.example.com/nested/path/_astro/site.B1.css', false, undefined],
  ])('answers %s (navigation: %s) from %j', (url, navigation, key) => {
    expect(precacheKey(url, SCOPE, URLS, navigation)).toBe(key);
  });
});

describe('a missing page the server answers', () => {
  it.each([
    [404, '', true],
    [404, null, true],
    [404, 'text/plain; charset=utf-8', true],
    [404, 'text/html; charset=utf-8', false],
    [404, 'TEXT/HTML', false],
    [200, 'text/plain', false],
    [500, 'text/plain', false],
  ])('status %i with Content-Type %j gets the cached 404 page: %s', (status, type, expected) => {
    expect(wantsNotFoundPage(status, type)).toBe(expected);
  });
});
