/**
 * Writes the offline bundle: `node scripts/bundle.ts [--site dist] [--portable dist-portable] [--out bundles]`
 * (`npm run bundle` builds both first). The archive `bundles/clusters-and-databases-<version>.tar.gz`
 * holds the build for its base path (`site/`), the portable build (`portable/`), a `serve.json` in
 * each, and HOSTING.md with the Content Security Policy the pages pass.
 */
import { existsSync } from 'node:fs';
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { listBuildFiles } from '../src/postbuild/build-files.ts';
import { STAMP_FILE } from '../src/postbuild/build-stamp.ts';
import { mergePolicies } from '../src/postbuild/csp.ts';
import {
  baseFromHeadersFile,
  headersFile,
  hostingGuide,
  policyFromHeadersFile,
  type TestedVersions,
} from '../src/postbuild/hosting.ts';
import { serveJson } from '../src/postbuild/hosting-recipes.ts';
import { precacheManifest } from '../src/postbuild/precache.ts';
import { tar, type TarEntry } from './lib/tar.ts';

const { values } = parseArgs({
  options: {
    site: { type: 'string', default: 'dist' },
    portable: { type: 'string', default: 'dist-portable' },
    out: { type: 'string', default: 'bundles' },
  },
});

async function readBuild(dir: string): Promise<{ path: string; content: Buffer }[]> {
  let files: string[];
  try {
    files = listBuildFiles(dir);
  } catch (error) {
    throw new Error(`No build in ${dir}/: run npm run bundle (it builds first).`, { cause: error });
  }
  // The build stamp describes this checkout's sources; it means nothing on a host.
  const shipped = files.filter((path) => path !== STAMP_FILE);
  return Promise.all(shipped.map(async (path) => ({ path, content: await readFile(join(dir, path)) })));
}

const site = await readBuild(values.site);
const portable = await readBuild(values.portable);
const headersOf = (files: { path: string; content: Buffer }[], dir: string): string => {
  const headers = files.find((file) => file.path === '_headers');
  if (!headers) throw new Error(`${dir}/_headers is missing: was it built by this project's build?`);
  return headers.content.toString('utf8');
};
const siteHeaders = headersOf(site, values.site);
const portableHeaders = headersOf(portable, values.portable);
const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
const version = `${pkg.version}-${precacheManifest([...site, ...portable]).version.slice(0, 8)}`;
const name = `clusters-and-databases-${version}`;

// One policy for the whole bundle, the union of both builds' hashes: HOSTING.md, both _headers
// and both serve.json give the same one, so an operator never has to choose.
const policy = mergePolicies([policyFromHeadersFile(portableHeaders), policyFromHeadersFile(siteHeaders)]);
const siteBase = baseFromHeadersFile(siteHeaders);
const versionsFile = 'bench-results/hosting.json';
const versions: TestedVersions = existsSync(versionsFile)
  ? ((JSON.parse(await readFile(versionsFile, 'utf8')) as { versions: TestedVersions }).versions ?? {})
  : {};
const guide = hostingGuide({
  version,
  policy,
  folders: [
    { name: 'portable', base: undefined },
    { name: 'site', base: siteBase },
  ],
  versions,
});

const entries: TarEntry[] = [
  { path: `${name}/` },
  { path: `${name}/HOSTING.md`, content: Buffer.from(guide) },
  ...(
    [
      ['portable', portable, '/'],
      ['site', site, siteBase],
    ] as const
  ).flatMap(([folder, files, base]) => [
    { path: `${name}/${folder}/` },
    { path: `${name}/${folder}/serve.json`, content: Buffer.from(serveJson(policy)) },
    { path: `${name}/${folder}/_headers`, content: Buffer.from(headersFile(policy, base)) },
    ...files
      .filter((file) => file.path !== '_headers')
      .map((file) => ({ path: `${name}/${folder}/${file.path}`, content: file.content })),
  ]),
];

// Every file carries the time of bundling (or SOURCE_DATE_EPOCH, for a reproducible archive):
// servers derive ETag and Last-Modified from it, so a new version revalidates as new even where a
// page keeps its length. With one fixed time, nginx and Apache answered 304 with the old page.
const sourceDate = process.env['SOURCE_DATE_EPOCH'];
const mtime = sourceDate ? Number(sourceDate) : Math.floor(Date.now() / 1000);
if (!Number.isInteger(mtime) || mtime <= 0)
  throw new Error(`SOURCE_DATE_EPOCH=${sourceDate ?? ''} is not a Unix time.`);

await mkdir(values.out, { recursive: true });
const archive = join(values.out, `${name}.tar.gz`);
await writeFile(archive, gzipSync(tar(entries, mtime), { level: 9 }));
console.log(`Wrote ${archive} (${entries.length} entries): the site for ${siteBase}, the portable build, HOSTING.md.`);
