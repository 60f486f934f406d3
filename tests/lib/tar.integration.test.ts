import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { tar } from '../../scripts/lib/tar.ts';

const run = promisify(execFile);
const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

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
    await writeFile(join(dir, 'site.tar.gz'), gzipSync(tar(ENTRIES)));
    const { stdout } = await run('tar', ['-tzf', 'site.tar.gz'], { cwd: dir });
    expect(stdout.trim().split('\n')).toEqual(ENTRIES.map((entry) => entry.path));
    await run('tar', ['-xzf', 'site.tar.gz'], { cwd: dir });
    for (const entry of ENTRIES.filter((item) => item.content)) {
      expect(Buffer.compare(await readFile(join(dir, entry.path)), Buffer.from(entry.content ?? []))).toBe(0);
    }
  });

  it('gives the same bytes for the same input', () => {
    expect(Buffer.compare(tar(ENTRIES), tar(ENTRIES))).toBe(0);
    expect(tar([]).length).toBe(1024);
  });

  it('refuses a path it cannot store', () => {
    expect(() => tar([{ path: `${'x'.repeat(120)}.html`, content: new Uint8Array() }])).toThrow(
      `Path too long for a tar archive: ${'x'.repeat(120)}.html`,
    );
  });
});
