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
    // One policy for the whole bundle: the guide's, both _headers and both serve.json agree, and
    // it allows every inline script and style of every page of both builds.
    const guidePolicy = /Content-Security-Policy: (.*)/.exec(guide)?.[1] ?? '';
    for (const name of ['portable', 'site']) {
      expect(policyFromHeadersFile(await readFile(join(folder, name, '_headers'), 'utf8'))).toBe(guidePolicy);
      const serve = JSON.parse(await readFile(join(folder, name, 'serve.json'), 'utf8')) as {
        headers: { headers: { key: string; value: string }[] }[];
      };
      const served = serve.headers
        .flatMap((rule) => rule.headers)
        .find((header) => header.key === 'Content-Security-Policy');
      expect(served?.value).toBe(guidePolicy);
      for (const page of (await readdir(join(folder, name), { recursive: true })).filter((file) =>
        file.endsWith('.html'),
      )) {
        const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(
          await readFile(join(folder, name, page), 'utf8'),
        )?.[1];
        for (const hash of meta?.match(/'sha256-[^']+'/g) ?? []) expect(guidePolicy, `${name}/${page}`).toContain(hash);
      }
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
