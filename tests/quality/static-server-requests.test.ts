import { describe, expect, it } from 'vitest';
import { folderLocation, readRequestTarget } from '../../scripts/lib/static-server.ts';

/** How the static server reads a request target, before it touches the file system. */
describe('readRequestTarget', () => {
  it('decodes and normalises an ordinary path, keeping the trailing slash and the query', () => {
    expect(readRequestTarget('/articles/replication/?q=lag')).toEqual({
      ok: true,
      path: '/articles/replication/',
      trailingSlash: true,
      search: '?q=lag',
    });
    expect(readRequestTarget('/articles/%C3%BCber')).toEqual({
      ok: true,
      path: '/articles/über',
      trailingSlash: false,
      search: '',
    });
  });

  it('drops empty and "." segments and resolves ".." inside the site', () => {
    expect(readRequestTarget('//articles/./x/../replication/')).toMatchObject({
      ok: true,
      path: '/articles/replication/',
    });
    expect(readRequestTarget('//example.com/../articles')).toMatchObject({ ok: true, path: '/articles' });
  });

  it('refuses a malformed percent-escape with 400', () => {
    expect(readRequestTarget('/%')).toEqual({ ok: false, status: 400, reason: 'malformed percent-escape' });
    expect(readRequestTarget('/%c0%ae%c0%ae/')).toEqual({ ok: false, status: 400, reason: 'malformed percent-escape' });
    expect(readRequestTarget('/%zz')).toEqual({ ok: false, status: 400, reason: 'malformed percent-escape' });
  });

  it('refuses an escaped slash, a backslash or a NUL byte in a segment with 400', () => {
    const refused = { ok: false, status: 400, reason: 'slash, backslash or NUL in a segment' };
    expect(readRequestTarget('/%2Fexample.com%2F..%2F..%2Farticles')).toEqual(refused);
    expect(readRequestTarget('/\\example.com')).toEqual(refused);
    expect(readRequestTarget('/%5Cexample.com/')).toEqual(refused);
    expect(readRequestTarget('/index.html%00.txt')).toEqual(refused);
  });

  it('refuses ".." above the root with 400, escaped or not', () => {
    const refused = { ok: false, status: 400, reason: '.. above the root' };
    expect(readRequestTarget('/../outside.txt')).toEqual(refused);
    expect(readRequestTarget('/%2e%2e/outside.txt')).toEqual(refused);
    expect(readRequestTarget('/articles/../../etc/passwd')).toEqual(refused);
  });

  it('refuses a target that is not a path (absolute-form, authority-form, *) with 400', () => {
    for (const target of ['http://example.com/', 'example.com:443', '*', '']) {
      expect(readRequestTarget(target)).toEqual({ ok: false, status: 400, reason: 'not a path' });
    }
  });

  it('hides dot-files and _headers (404), however they are written', () => {
    const hidden = { ok: false, status: 404, reason: 'not published' };
    for (const target of [
      '/_headers',
      '/.cde-build-stamp.json',
      '/%2ecde-build-stamp.json',
      '/a/../_headers',
      '/.git/config',
    ]) {
      expect(readRequestTarget(target)).toEqual(hidden);
    }
  });

  it('re-encodes the query, so nothing raw reaches a Location header', () => {
    expect(readRequestTarget('/articles?x="<y>"')).toMatchObject({ search: '?x=%22%3Cy%3E%22' });
  });
});

describe('folderLocation', () => {
  it('builds a path on this origin from the normalised path, each segment encoded', () => {
    expect(folderLocation('/articles', '')).toBe('/articles/');
    expect(folderLocation('/articles/über', '?q=1')).toBe('/articles/%C3%BCber/?q=1');
    expect(folderLocation('/nested/path', '')).toBe('/nested/path/');
  });

  it('never starts with // or /\\ (another host to a browser)', () => {
    for (const target of ['//example.com/../articles', '///example.com', '/./example.com']) {
      const read = readRequestTarget(target);
      if (!read.ok) throw new Error(`${target} was refused`);
      expect(folderLocation(read.path, read.search)).toMatch(/^\/(?![/\\])/);
    }
  });
});
