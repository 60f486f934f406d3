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

  const fix =
    'Use a plain path such as BASE_PATH=/docs/clusters/ (letters, digits, "-", "_", "." and "~" between slashes).';

  it.each([
    ['/a/../b', `BASE_PATH "/a/../b" has a ".." segment. ${fix}`],
    ['..', `BASE_PATH ".." has a ".." segment. ${fix}`],
    ['/./docs/', `BASE_PATH "/./docs/" has a "." segment. ${fix}`],
    ['/docs//clusters/', `BASE_PATH "/docs//clusters/" has an empty segment ("//"). ${fix}`],
    ['/my docs/', `BASE_PATH "/my docs/" is not a plain path: "my docs" needs escaping in a URL. ${fix}`],
    ['/docs?x=1', `BASE_PATH "/docs?x=1" is not a plain path: "docs?x=1" needs escaping in a URL. ${fix}`],
    ['/docs%2F/', `BASE_PATH "/docs%2F/" is not a plain path: "docs%2F" needs escaping in a URL. ${fix}`],
    ['\\docs\\', `BASE_PATH "\\docs\\" is not a plain path: "\\docs\\" needs escaping in a URL. ${fix}`],
    [
      'https://example.org/docs/',
      'BASE_PATH "https://example.org/docs/" is a URL, not a path. Put the path in BASE_PATH (e.g. /docs/clusters/) and the origin in SITE_URL (e.g. https://example.org).',
    ],
  ])('refuses the base path %j, naming the fix', (raw, message) => {
    expect(() => normaliseBase(raw)).toThrow(message);
  });

  it('reads the site URL as an origin', () => {
    expect(siteOptionsFromEnv({ SITE_URL: 'https://example.org' }).site).toBe('https://example.org');
    expect(siteOptionsFromEnv({ SITE_URL: ' http://example.org:8080/ ' }).site).toBe('http://example.org:8080');
    expect(siteOptionsFromEnv({}).site).toBeUndefined();
    expect(siteOptionsFromEnv({ SITE_URL: '' }).site).toBeUndefined();
  });

  it.each([
    ['example.org', 'SITE_URL "example.org" must be an absolute http(s) URL such as SITE_URL=https://example.org.'],
    [
      'ftp://example.org',
      'SITE_URL "ftp://example.org" must be an absolute http(s) URL such as SITE_URL=https://example.org, not ftp:.',
    ],
    [
      'https://example.org/docs',
      'SITE_URL "https://example.org/docs" has a path (/docs); SITE_URL is the origin only. Put the path in BASE_PATH=/docs/ and set SITE_URL=https://example.org.',
    ],
    [
      'https://example.org/?utm=x',
      'SITE_URL "https://example.org/?utm=x" must be an origin only, without "?" or "#", such as SITE_URL=https://example.org.',
    ],
    [
      'https://me:secret@example.org',
      'SITE_URL "https://me:secret@example.org" must not contain a user name or password.',
    ],
  ])('refuses the site URL %j, naming the fix', (raw, message) => {
    expect(() => siteOptionsFromEnv({ SITE_URL: raw })).toThrow(message);
  });

  it.each([
    ['.', 'is the project folder or contains it'],
    ['..', 'is the project folder or contains it'],
    ['/', 'is the project folder or contains it'],
    ['content', 'is inside a folder of the project'],
    ['./src/out', 'is inside a folder of the project'],
  ])('refuses OUT_DIR %j, which Astro would empty', (raw, problem) => {
    expect(() => siteOptionsFromEnv({ OUT_DIR: raw }, '/work/project')).toThrow(
      `OUT_DIR "${raw}" ${problem}, and Astro empties its output folder before each build. Use a folder of its own, such as OUT_DIR=./dist-docs.`,
    );
  });

  it('accepts an output folder of its own, inside the project or elsewhere', () => {
    expect(siteOptionsFromEnv({ OUT_DIR: './dist-nested' }, '/work/project').outDir).toBe('./dist-nested');
    expect(siteOptionsFromEnv({ OUT_DIR: '/tmp/cde-out' }, '/work/project').outDir).toBe('/tmp/cde-out');
    expect(siteOptionsFromEnv({}, '/work/project').outDir).toBe('./dist');
  });

  it('refuses a PORTABLE value other than 1 or unset', () => {
    expect(() => siteOptionsFromEnv({ PORTABLE: 'true' })).toThrow(
      'PORTABLE "true" must be 1 (the portable build) or unset.',
    );
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
