import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { tar } from '../../scripts/lib/tar.ts';

const run = promisify(execFile);
const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** 2026-12-04T10:00:00Z: the time every entry carries. */
const BUNDLED_AT = 1_796_378_400;

const LONG = `bundle/${'a-rather-long-folder-name/'.repeat(4)}index.html`;

/** A small site: a folder, a page, a binary file and a path longer than 100 bytes. */
const ENTRIES = [
  { path: 'bundle/' },
  { path: 'bundle/HOSTING.md', content: Buffer.from('# Hosting\n') },
  { path: 'bundle/icon.png', content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]) },
  { path: LONG, content: Buffer.from('<h1>Deep</h1>'.repeat(100)) },
];

describe('tar', () => {
  it('writes an archive the system tar extracts byte for byte', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cde-tar-'));
    dirs.push(dir);
    await writeFile(join(dir, 'site.tar.gz'), gzipSync(tar(ENTRIES, BUNDLED_AT)));
    const { stdout } = await run('tar', ['-tzf', 'site.tar.gz'], { cwd: dir });
    expect(stdout.trim().split('\n')).toEqual(ENTRIES.map((entry) => entry.path));
    await run('tar', ['-xzf', 'site.tar.gz'], { cwd: dir });
    for (const entry of ENTRIES.filter((item) => item.content)) {
      expect(Buffer.compare(await readFile(join(dir, entry.path)), Buffer.from(entry.content ?? []))).toBe(0);
    }
  });

  it('gives every file the time of bundling, which tar restores (servers derive ETags from it)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cde-tar-'));
    dirs.push(dir);
    await writeFile(join(dir, 'site.tar.gz'), gzipSync(tar(ENTRIES, BUNDLED_AT)));
    await run('tar', ['-xzf', 'site.tar.gz'], { cwd: dir });
    for (const entry of ENTRIES.filter((item) => item.content)) {
      expect((await stat(join(dir, entry.path))).mtime.getTime(), entry.path).toBe(BUNDLED_AT * 1000);
    }
  });

  it('gives the same bytes for the same input', () => {
    expect(Buffer.compare(tar(ENTRIES, BUNDLED_AT), tar(ENTRIES, BUNDLED_AT))).toBe(0);
    expect(tar([], BUNDLED_AT).length).toBe(1024);
  });

  it('refuses a path it cannot store', () => {
    expect(() => tar([{ path: `${'x'.repeat(120)}.html`, content: new Uint8Array() }], BUNDLED_AT)).toThrow(
      `Path too long for a tar archive: ${'x'.repeat(120)}.html`,
    );
  });
});
