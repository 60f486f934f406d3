/**
 * Writes the offline bundle: `node scripts/bundle.ts [--site dist] [--portable dist-portable] [--out bundles]`
 * (`npm run bundle` builds both first). The archive `bundles/clusters-and-databases-<version>.tar.gz`
 * holds the build for its base path (`site/`), the portable build (`portable/`), a `serve.json` in
 * each, and HOSTING.md with the Content Security Policy the pages pass.
 */
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { listBuildFiles } from '../src/postbuild/build-files.ts';
import { STAMP_FILE } from '../src/postbuild/build-stamp.ts';
import { mergePolicies } from '../src/postbuild/csp.ts';
import { baseFromHeadersFile, hostingGuide, policyFromHeadersFile, serveJson } from '../src/postbuild/hosting.ts';
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
  const files = await listBuildFiles(dir).catch(() => {
    throw new Error(`No build in ${dir}/: run npm run bundle (it builds first).`);
  });
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

// Each folder's _headers and serve.json has its own policy; HOSTING.md gives one that fits both.
const guide = hostingGuide({
  version,
  policy: mergePolicies([policyFromHeadersFile(portableHeaders), policyFromHeadersFile(siteHeaders)]),
  folders: [
    { name: 'portable', base: undefined },
    { name: 'site', base: baseFromHeadersFile(siteHeaders) },
  ],
});

const entries: TarEntry[] = [
  { path: `${name}/` },
  { path: `${name}/HOSTING.md`, content: Buffer.from(guide) },
  ...(
    [
      ['portable', portable, portableHeaders],
      ['site', site, siteHeaders],
    ] as const
  ).flatMap(([folder, files, headers]) => [
    { path: `${name}/${folder}/` },
    { path: `${name}/${folder}/serve.json`, content: Buffer.from(serveJson(policyFromHeadersFile(headers))) },
    ...files.map((file) => ({ path: `${name}/${folder}/${file.path}`, content: file.content })),
  ]),
];

await mkdir(values.out, { recursive: true });
const archive = join(values.out, `${name}.tar.gz`);
await writeFile(archive, gzipSync(tar(entries), { level: 9 }));
console.log(
  `Wrote ${archive} (${entries.length} entries): the site for ${baseFromHeadersFile(siteHeaders)}, the portable build, HOSTING.md.`,
);
