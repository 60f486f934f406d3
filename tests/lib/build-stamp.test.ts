import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sourceFingerprint, staleBuildReason, STAMP_FILE } from '../../src/postbuild/build-stamp.ts';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'cde-stamp-'));
  await mkdir(join(root, 'src'));
  await writeFile(join(root, 'src', 'page.astro'), '<h1>One</h1>');
  await writeFile(join(root, 'astro.config.mjs'), 'export default {};');
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function stamp(outDir: string): Promise<void> {
  await mkdir(join(root, outDir), { recursive: true });
  const sources = await sourceFingerprint(root);
  await writeFile(join(root, outDir, STAMP_FILE), JSON.stringify({ sources, builtAt: '2026-12-04T10:00:00.000Z' }));
}

describe('sourceFingerprint', () => {
  it('changes when a source file changes, even to the same length', async () => {
    const before = await sourceFingerprint(root);
    await writeFile(join(root, 'src', 'page.astro'), '<h1>Two</h1>');
    expect(await sourceFingerprint(root)).not.toBe(before);
  });

  it('changes when a file is renamed', async () => {
    const before = await sourceFingerprint(root);
    await rm(join(root, 'src', 'page.astro'));
    await writeFile(join(root, 'src', 'other.astro'), '<h1>One</h1>');
    expect(await sourceFingerprint(root)).not.toBe(before);
  });

  it('ignores files that are not build inputs', async () => {
    const before = await sourceFingerprint(root);
    await writeFile(join(root, 'notes.txt'), 'anything');
    expect(await sourceFingerprint(root)).toBe(before);
  });
});

describe('staleBuildReason', () => {
  it('accepts a build stamped from the working tree', async () => {
    await stamp('dist');
    expect(await staleBuildReason(root, 'dist', 'build')).toBeUndefined();
  });

  it('refuses a build older than the sources, saying when it was built and what to run', async () => {
    await stamp('dist');
    await writeFile(join(root, 'src', 'page.astro'), '<h1>New</h1>');
    expect(await staleBuildReason(root, 'dist', 'build')).toBe(
      'dist/ was built at 2026-12-04T10:00:00.000Z from other sources than the working tree. Run `npm run build`.',
    );
  });

  it('refuses a folder whose build did not finish', async () => {
    await mkdir(join(root, 'dist-nested'));
    expect(await staleBuildReason(root, 'dist-nested', 'build:nested')).toBe(
      'dist-nested/ has no build stamp: its build did not finish. Run `npm run build:nested`.',
    );
  });

  it('refuses a folder that is not there', async () => {
    expect(await staleBuildReason(root, 'dist-portable', 'build:portable')).toBe(
      'dist-portable/ does not exist. Run `npm run build:portable`.',
    );
  });
});
