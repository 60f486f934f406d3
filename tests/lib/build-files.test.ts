import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBuildFiles, listHtmlFiles, pageOf, pagePathOf } from '../../src/postbuild/build-files.ts';

describe('listing the built site', () => {
  it('gives every file, nested ones too, as sorted paths with / separators', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cde-build-files-'));
    try {
      await mkdir(join(dir, 'articles', 'x'), { recursive: true });
      await writeFile(join(dir, 'index.html'), '');
      await writeFile(join(dir, 'articles', 'x', 'index.html'), '');
      await writeFile(join(dir, '404.html'), '');
      await writeFile(join(dir, 'articles', 'x', 'og.png'), '');
      expect(listBuildFiles(dir)).toEqual(['404.html', 'articles/x/index.html', 'articles/x/og.png', 'index.html']);
      expect(listHtmlFiles(dir)).toEqual(['404.html', 'articles/x/index.html', 'index.html']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the path a built page is served at', () => {
  it('drops index.html, keeps other file names', () => {
    expect(pagePathOf('index.html')).toBe('/');
    expect(pagePathOf('articles/x/index.html')).toBe('/articles/x/');
    expect(pagePathOf('404.html')).toBe('/404.html');
    expect(pagePathOf('notindex.html')).toBe('/notindex.html');
  });

  it('gives the same path relative to the base, as the budgets and browser tests name pages', () => {
    expect(pageOf('index.html')).toBe('');
    expect(pageOf('articles/x/index.html')).toBe('articles/x/');
    expect(pageOf('404.html')).toBe('404.html');
  });
});
