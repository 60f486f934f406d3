import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBuildFiles, pagePathOf } from '../../src/postbuild/build-files.ts';

describe('listing the built site', () => {
  it('gives every file, nested ones too, as sorted paths with / separators', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cde-build-files-'));
    try {
      await mkdir(join(dir, 'articles', 'x'), { recursive: true });
      await writeFile(join(dir, 'index.html'), '');
      await writeFile(join(dir, 'articles', 'x', 'index.html'), '');
      await writeFile(join(dir, '404.html'), '');
      expect(await listBuildFiles(dir)).toEqual(['404.html', 'articles/x/index.html', 'index.html']);
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
});
