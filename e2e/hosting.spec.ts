/**
 * The offline bundle served by real web servers, each configured with the recipe HOSTING.md
 * prints: nginx, Apache and Caddy (Debian's packages), Python's http.server and `serve` (a pinned
 * devDependency). Needs the three builds (npm test makes them); writes the servers' versions to
 * bench-results/hosting.json, which the next bundle's HOSTING.md names.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { policyFromHeadersFile } from '../src/postbuild/hosting.ts';
import type { Mount } from '../src/postbuild/hosting-recipes.ts';
import {
  missingServer,
  serverVersion,
  startHostingServer,
  type RunningServer,
  type ServerKind,
} from './support/hosting-servers.ts';
import { expect, FIRST_ARTICLE, test } from './support/site.ts';

const run = promisify(execFile);

/** Where the portable build is served, as in HOSTING.md's examples. */
const SUB_PATH = '/docs/clusters/';
/** The bundle's files carry this time (SOURCE_DATE_EPOCH); the update carries a later one. */
const VERSION_A_TIME = Math.floor(Date.now() / 1000) - 3600;

const FULL_SERVERS: ServerKind[] = ['nginx', 'apache', 'caddy'];
const ALL_SERVERS: ServerKind[] = [...FULL_SERVERS, 'python', 'serve'];

let work: string;
let bundleA: string;
let policy: string;

/** Makes an archive from two build folders, with every file at `time`; returns the unpacked folder. */
async function bundle(site: string, portable: string, out: string, time: number): Promise<string> {
  await run('node', ['scripts/bundle.ts', '--site', site, '--portable', portable, '--out', out], {
    env: { ...process.env, SOURCE_DATE_EPOCH: String(time) },
  });
  const [archive] = (await readdir(out)).filter((file) => file.endsWith('.tar.gz'));
  if (!archive) throw new Error(`No archive in ${out}.`);
  await run('tar', ['-xzf', archive], { cwd: out });
  return join(out, archive.replace(/\.tar\.gz$/, ''));
}

/** Copies an unpacked build into place as a deploy would, keeping the archive's times (`cp -p`). */
async function deploy(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  await run('cp', ['-pR', `${from}/.`, to]);
}

test.describe.configure({ mode: 'default' });

test.beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cde-hosting-'));
  await run('chmod', ['755', work]);
  bundleA = await bundle('dist', 'dist-portable', join(work, 'bundle-a'), VERSION_A_TIME);
  policy = policyFromHeadersFile(await readFile(join(bundleA, 'portable', '_headers'), 'utf8'));
});

test.afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The portable build at SUB_PATH and the site build at `/`, for one server kind, each its own process. */
async function serveBoth(kind: ServerKind, name: string): Promise<{ portable: RunningServer; site: RunningServer }> {
  const root = join(work, name);
  const portableMount: Mount = { webRoot: join(root, 'www'), path: SUB_PATH, policy };
  const siteMount: Mount = { webRoot: join(root, 'site'), path: '/', policy };
  await deploy(join(bundleA, 'portable'), join(portableMount.webRoot, SUB_PATH));
  await deploy(join(bundleA, 'site'), siteMount.webRoot);
  for (const folder of [root, portableMount.webRoot, join(portableMount.webRoot, 'docs')])
    await run('chmod', ['755', folder]);
  const portable = await startHostingServer(kind, portableMount, join(root, 'portable-server'));
  try {
    return { portable, site: await startHostingServer(kind, siteMount, join(root, 'site-server')) };
  } catch (error) {
    await portable.stop();
    throw error;
  }
}

function skipUnlessInstalled(kind: ServerKind): void {
  const missing = missingServer(kind);
  // CI installs every server (.ci/run): there, a missing one is a failure, not a skip.
  if (missing && process.env['CI']) throw new Error(missing);
  test.skip(Boolean(missing), missing ?? '');
}

const stylesApplied = (page: Page): Promise<boolean> =>
  page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--cde-space-3').trim() === '1rem');

/** Console errors other than the 404 statuses a missing page is expected to log. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (/status of 404/.test(message.text())) return;
    errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

const EXPECTED_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

for (const kind of FULL_SERVERS) {
  test.describe(kind, () => {
    let servers: { portable: RunningServer; site: RunningServer } | undefined;
    test.beforeAll(async () => {
      if (missingServer(kind)) return;
      servers = await serveBoth(kind, kind);
    });
    test.afterAll(async () => {
      await servers?.portable.stop();
      await servers?.site.stop();
    });

    test('pages, styles, diagrams and headers under the documented path', async ({ page, request }) => {
      skipUnlessInstalled(kind);
      const origin = servers?.portable.origin ?? '';
      const errors = consoleErrors(page);
      const response = await page.goto(`${origin}${SUB_PATH}${FIRST_ARTICLE}`);
      expect(response?.status()).toBe(200);
      expect(await stylesApplied(page)).toBe(true);
      await expect(page.locator('main figure svg').first()).toBeVisible();
      const html = await request.get(`${origin}${SUB_PATH}`);
      expect(html.headers()).toMatchObject({
        ...EXPECTED_HEADERS,
        'content-security-policy': policy,
        'cache-control': 'no-cache',
      });
      const css = /href="([^"]*_astro\/[^"]+\.css)"/.exec(await html.text())?.[1] ?? '';
      const asset = await request.get(new URL(css, `${origin}${SUB_PATH}`).href);
      expect(asset.status()).toBe(200);
      expect(asset.headers()).toMatchObject({
        ...EXPECTED_HEADERS,
        'cache-control': 'public, max-age=31536000, immutable',
      });
      expect(errors).toEqual([]);
    });

    test('the path without its trailing slash leads to the site', async ({ request }) => {
      skipUnlessInstalled(kind);
      const origin = servers?.portable.origin ?? '';
      const bare = await request.get(`${origin}${SUB_PATH.replace(/\/$/, '')}`, { maxRedirects: 0 });
      expect([301, 308]).toContain(bare.status());
      expect(new URL(bare.headers()['location'] ?? '', origin).pathname).toBe(SUB_PATH);
    });

    test('a missing page at depth gets the styled 404 page, with its status, headers, links and search', async ({
      page,
      request,
    }) => {
      skipUnlessInstalled(kind);
      const origin = servers?.portable.origin ?? '';
      const missing = `${origin}${SUB_PATH}articles/no-such-page/`;
      const errors = consoleErrors(page);
      const response = await page.goto(missing);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
      expect(await stylesApplied(page)).toBe(true);
      const headers = (await request.get(missing)).headers();
      expect(headers).toMatchObject({ ...EXPECTED_HEADERS, 'content-security-policy': policy });
      // Its links lead to pages that exist.
      const first = page.locator('main ol a').first();
      const href = await first.evaluate((link: HTMLAnchorElement) => link.href);
      expect(href.startsWith(`${origin}${SUB_PATH}articles/`)).toBe(true);
      expect((await request.get(href)).status()).toBe(200);
      // And search finds an article.
      await page.keyboard.press('/');
      await page.keyboard.type('replication');
      const dialog = page.getByRole('dialog', { name: 'Search' });
      await expect(dialog.getByRole('list', { name: 'Search results' }).getByRole('link').first()).toBeVisible();
      expect(errors).toEqual([]);
    });

    test('the site build at / : web manifest type, and the service worker takes control', async ({ browser }) => {
      skipUnlessInstalled(kind);
      const origin = servers?.site.origin ?? '';
      const context = await browser.newContext({ serviceWorkers: 'allow' });
      try {
        const page = await context.newPage();
        const errors = consoleErrors(page);
        await page.goto(`${origin}/`);
        await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
        const manifest = await context.request.get(`${origin}/manifest.webmanifest`);
        expect(manifest.headers()['content-type']).toMatch(/^application\/manifest\+json/);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
}

test.describe('updates', () => {
  let bundleB: string;
  test.beforeAll(async () => {
    // Version B: a page changed without changing its length, and a changed sw.js.
    const site = join(work, 'b-site');
    const portable = join(work, 'b-portable');
    await cp('dist', site, { recursive: true });
    await cp('dist-portable', portable, { recursive: true });
    for (const folder of [site, portable]) {
      const page = join(folder, FIRST_ARTICLE, 'index.html');
      const html = await readFile(page, 'utf8');
      const changed = html.replace(
        '>Cluster vs. database: the short answer</h1>',
        '>CLUSTER VS. DATABASE: the short answer</h1>',
      );
      expect(changed.length).toBe(html.length);
      expect(changed).not.toBe(html);
      await writeFile(page, changed);
    }
    const worker = join(site, 'sw.js');
    await writeFile(
      worker,
      (await readFile(worker, 'utf8')).replace(
        /"version":"([0-9a-f])/,
        (_match, digit: string) => `"version":"${digit === 'f' ? 'e' : 'f'}`,
      ),
    );
    bundleB = await bundle(site, portable, join(work, 'bundle-b'), VERSION_A_TIME + 60);
  });

  for (const kind of ALL_SERVERS) {
    test(`${kind}: a new version replaces the old one in the browser`, async ({ page }) => {
      skipUnlessInstalled(kind);
      const root = join(work, `update-${kind}`);
      const mount: Mount = { webRoot: join(root, 'www'), path: SUB_PATH, policy };
      const target = join(mount.webRoot, SUB_PATH);
      await deploy(join(bundleA, 'portable'), target);
      await mkdir(join(target, 'sw-check'), { recursive: true });
      await run('cp', ['-p', join(bundleA, 'site', 'sw.js'), join(target, 'sw-check', 'sw.js')]);
      for (const folder of [root, mount.webRoot, join(mount.webRoot, 'docs')]) await run('chmod', ['755', folder]);
      const server = await startHostingServer(kind, mount, join(root, 'server'));
      try {
        const url = `${server.origin}${SUB_PATH}${FIRST_ARTICLE}`;
        await page.goto(url);
        await expect(page.locator('main h1')).toContainText('Cluster vs. database');
        const workerUrl = `${server.origin}${SUB_PATH}sw-check/sw.js`;
        const before = await page.evaluate((address) => fetch(address).then((answer) => answer.text()), workerUrl);

        await deploy(join(bundleB, 'portable'), target);
        await run('cp', ['-p', join(bundleB, 'site', 'sw.js'), join(target, 'sw-check', 'sw.js')]);

        await page.reload();
        await expect(page.locator('main h1')).toContainText('CLUSTER VS. DATABASE');
        // The browser revalidates its cached copy (no-cache): it must get the new bytes, not a 304.
        const after = await page.evaluate(
          (address) => fetch(address, { cache: 'no-cache' }).then((answer) => answer.text()),
          workerUrl,
        );
        expect(after).not.toBe(before);
        expect(after).toBe(await readFile(join(bundleB, 'site', 'sw.js'), 'utf8'));
      } finally {
        await server.stop();
      }
    });
  }
});

test('the servers’ versions are recorded for HOSTING.md', async () => {
  const versions: Partial<Record<ServerKind, string>> = {};
  for (const kind of ALL_SERVERS) if (!missingServer(kind)) versions[kind] = serverVersion(kind);
  if (process.env['CI']) expect(Object.keys(versions).sort()).toEqual([...ALL_SERVERS].sort());
  await mkdir('bench-results', { recursive: true });
  await writeFile('bench-results/hosting.json', `${JSON.stringify({ versions }, null, 2)}\n`);
});
