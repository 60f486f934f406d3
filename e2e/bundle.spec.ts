import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { policyFromHeadersFile } from '../src/postbuild/hosting.ts';
import { startServer } from './support/servers.ts';
import { expect, FIRST_ARTICLE, test } from './support/site.ts';

const run = promisify(execFile);

test('the offline bundle unpacks into both builds and a HOSTING.md with the policy they pass', async ({
  page,
  pageProblems,
}) => {
  test.setTimeout(120_000);
  const out = await mkdtemp(join(tmpdir(), 'cde-bundle-'));
  try {
    // The builds npm test made; `npm run bundle` builds them first.
    const { stdout } = await run('node', ['scripts/bundle.ts', '--out', out]);
    expect(stdout).toMatch(/^Wrote .*clusters-and-databases-0\.1\.0-[0-9a-f]{8}\.tar\.gz/);
    const [archive] = (await readdir(out)).filter((file) => file.endsWith('.tar.gz'));
    expect(archive).toBeTruthy();
    await run('tar', ['-xzf', archive ?? '', '-C', out], { cwd: out });
    const folder = join(out, (archive ?? '').replace(/\.tar\.gz$/, ''));
    expect((await readdir(folder)).sort()).toEqual(['HOSTING.md', 'portable', 'site']);

    const guide = await readFile(join(folder, 'HOSTING.md'), 'utf8');
    for (const name of ['portable', 'site']) {
      const policy = policyFromHeadersFile(await readFile(join(folder, name, '_headers'), 'utf8'));
      // Every hash either build needs is in the guide's policy.
      const guidePolicy = /Content-Security-Policy: (.*)/.exec(guide)?.[1] ?? '';
      for (const source of policy.match(/'sha256-[^']+'/g) ?? []) expect(guidePolicy).toContain(source);
      expect(JSON.parse(await readFile(join(folder, name, 'serve.json'), 'utf8')).cleanUrls).toBe(false);
    }

    // Unpacked as it is, the portable folder serves under any path.
    const server = await startServer(join(folder, 'portable'), '/unpacked/here/');
    try {
      const response = await page.goto(`${server.url}${FIRST_ARTICLE}`);
      expect(response?.status()).toBe(200);
      await expect(page.locator('main h1')).toBeVisible();
      const tokens = await page.evaluate(() =>
        getComputedStyle(document.documentElement).getPropertyValue('--cde-space-3').trim(),
      );
      expect(tokens).toBe('1rem');
      await page.waitForLoadState('networkidle');
      expect(pageProblems).toEqual([]);
    } finally {
      await server.close();
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
