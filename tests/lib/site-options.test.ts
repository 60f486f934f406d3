import { describe, expect, it } from 'vitest';
import { normaliseBase, siteOptionsFromEnv } from '../../src/site/options.ts';
import { withBase } from '../../src/site/urls.ts';

describe('site options', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['docs', '/docs/'],
    ['/docs', '/docs/'],
    ['/nested/path/', '/nested/path/'],
  ])('normalises BASE_PATH %j to %j', (raw, base) => {
    expect(normaliseBase(raw)).toBe(base);
  });

  it('refuses a base path that is not a plain path', () => {
    expect(() => normaliseBase('/a/../b')).toThrow(
      'BASE_PATH "/a/../b" is not a plain path. Use something like BASE_PATH=/docs/clusters/ (no spaces, "..", "?" or "#").',
    );
  });

  it('reads the site URL only when it is absolute', () => {
    expect(siteOptionsFromEnv({ SITE_URL: 'https://example.org' }).site).toBe('https://example.org');
    expect(siteOptionsFromEnv({}).site).toBeUndefined();
    expect(() => siteOptionsFromEnv({ SITE_URL: 'example.org' })).toThrow(/must be an absolute http\(s\) URL/);
  });

  it('builds the portable site under its marker base, into dist-portable, without a BASE_PATH', () => {
    expect(siteOptionsFromEnv({ PORTABLE: '1' })).toEqual({
      base: '/__cde_portable__/',
      site: undefined,
      outDir: './dist-portable',
      portable: true,
    });
    expect(siteOptionsFromEnv({}).portable).toBe(false);
    expect(() => siteOptionsFromEnv({ PORTABLE: '1', BASE_PATH: '/docs/' })).toThrow(
      'PORTABLE=1 builds relative URLs that work under any path: leave BASE_PATH unset.',
    );
  });

  it('joins a root-relative path with the base', () => {
    expect(withBase('/articles/x/', '/docs/')).toBe('/docs/articles/x/');
    expect(withBase('/articles/x/', '/')).toBe('/articles/x/');
    expect(() => withBase('articles/x/', '/')).toThrow(/root-relative/);
  });
});
