import { describe, expect, it } from 'vitest';
import { parseRedirects } from '../../src/articles/redirects-file.ts';

const FILE = 'content/redirects.json';

describe('parseRedirects', () => {
  it('reads old path → new path', () => {
    expect(parseRedirects('{\n  "/articles/copies/": "/articles/replication/"\n}\n')).toEqual({
      '/articles/copies/': '/articles/replication/',
    });
    expect(parseRedirects('{}')).toEqual({});
  });

  it('names the line of a trailing comma, the fix, and the file', () => {
    const text = '{\n  "/articles/a/": "/articles/b/",\n  "/articles/c/": "/articles/d/",\n}\n';
    expect(() => parseRedirects(text)).toThrow(
      `${FILE}:3:33: a comma after the last entry, which JSON does not allow. Fix: remove that comma.`,
    );
  });

  it('names the line of other invalid JSON', () => {
    const text = "{\n  '/articles/a/': '/articles/b/'\n}\n";
    expect(() => parseRedirects(text)).toThrow(
      `${FILE}:2:3: not valid JSON (Expected property name or '}'). Fix: write one "old path": "new path" pair per ` +
        'line, in double quotes, separated by commas, inside { }.',
    );
  });

  it('names the line of a merge conflict left in the file', () => {
    const text =
      '{\n  "/articles/a/": "/articles/b/",\n<<<<<<< HEAD\n  "/articles/c/": "/articles/d/"\n=======\n>>>>>>> x\n}\n';
    expect(() => parseRedirects(text)).toThrow(
      `${FILE}:3:1: a merge conflict marker (<<<<<<<) is left in the file. Fix: keep the entries of both sides, and ` +
        'remove the marker lines.',
    );
  });

  it('names the line and the entry of a path that is not a page path', () => {
    const text = '{\n  "/articles/a/": "/articles/b/",\n  "/articles/c/": "https://example.com/"\n}\n';
    expect(() => parseRedirects(text)).toThrow(
      `${FILE}:3: "/articles/c/": must be a root-relative page path such as /articles/replication/. Fix: see ` +
        'docs/AUTHORING.md, "A moved or removed page".',
    );
  });

  it('refuses a page that redirects to itself', () => {
    expect(() => parseRedirects('{\n  "/articles/a/": "/articles/a/"\n}')).toThrow(
      `${FILE}:2: "/articles/a/" redirects to itself. Fix: point it at the page that replaced it, or remove the entry.`,
    );
  });
});
