/**
 * The hosting files written with a build: `_headers` (Netlify/Cloudflare Pages style) and the
 * HOSTING.md of the offline bundle. Pure text; the Content Security Policy comes from the build.
 */
import { SITE_NAME } from '../site/name.ts';
import {
  apacheRecipe,
  buildFolder,
  caddyRecipe,
  NGINX_MANIFEST_TYPE,
  nginxRecipe,
  SECURITY_HEADERS,
  serveJson,
} from './hosting-recipes.ts';

export { SECURITY_HEADERS };

/** Cache rules every host should follow, as `[path pattern relative to the base, Cache-Control]`. */
export const CACHE_RULES: readonly (readonly [string, string])[] = [
  // Hashed file names: a changed file is a new URL, so the old one can be kept forever.
  ['_astro/*', 'public, max-age=31536000, immutable'],
  // The worker must be checked on every visit, or readers keep an old version.
  ['sw.js', 'no-cache'],
  // Pages and everything else: revalidate each time (cheap with ETag/Last-Modified).
  ['*', 'no-cache'],
];

/** `_headers` for hosts that read one, with paths under `base` (`/` or `/docs/`). */
export function headersFile(policy: string, base: string): string {
  const lines = [
    `# Headers for this build (served under ${base}). Generated at build time; see HOSTING.md in the bundle.`,
    `${base}*`,
    `  Content-Security-Policy: ${policy}`,
    ...SECURITY_HEADERS.map(([name, value]) => `  ${name}: ${value}`),
    `  Cache-Control: no-cache`,
    `${base}_astro/*`,
    `  Cache-Control: public, max-age=31536000, immutable`,
    '',
  ];
  return lines.join('\n');
}

/** One rule of a `_headers` file: a path pattern (`/docs/*`) and the headers it sets. */
export interface HeaderRule {
  path: string;
  headers: [string, string][];
}

/** Reads a `_headers` file: a path line, then indented `Name: value` lines; `#` starts a comment. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      continue;
    }
    const match = /^\s+([^:]+):\s*(.*)$/.exec(line);
    const rule = rules.at(-1);
    if (!match?.[1] || match[2] === undefined || !rule) throw new Error(`Unreadable _headers line: ${line}`);
    rule.headers.push([match[1].trim(), match[2].trim()]);
  }
  return rules;
}

/** The headers a `_headers` file sets for a URL path, later rules overriding earlier ones. */
export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    const matches = rule.path.endsWith('*') ? path.startsWith(rule.path.slice(0, -1)) : path === rule.path;
    if (matches) for (const [name, value] of rule.headers) headers[name.toLowerCase()] = value;
  }
  return headers;
}

/** The base path a `_headers` file written by headersFile() was made for. */
export function baseFromHeadersFile(text: string): string {
  const line = text.split('\n').find((entry) => entry.startsWith('/') && entry.endsWith('*'));
  if (!line) throw new Error('No path rule in _headers: build the site first.');
  return line.slice(0, -1);
}

/** The site-wide policy written in a `_headers` file by headersFile(). */
export function policyFromHeadersFile(text: string): string {
  const line = text.split('\n').find((entry) => entry.trim().startsWith('Content-Security-Policy:'));
  if (!line) throw new Error('No Content-Security-Policy line in _headers: build the site first.');
  return line.trim().slice('Content-Security-Policy:'.length).trim();
}

export interface HostingGuideInput {
  /** The bundle's version, e.g. `0.1.0-3f2a9c1d`. */
  version: string;
  /** The Content Security Policy the pages pass (the site-wide one from `_headers`). */
  policy: string;
  /** The folders in the bundle and the base each was built for (`undefined` for the portable build). */
  folders: { name: string; base: string | undefined }[];
  /** The server versions the recipes were tested with. */
  versions?: TestedVersions | undefined;
}

/** Where HOSTING.md's examples put the portable build: copied to `/srv/www/docs/clusters/`. */
export const EXAMPLE_MOUNT = { webRoot: '/srv/www', path: '/docs/clusters/' } as const;

/**
 * The server versions the recipes were last tested with, as e2e/hosting.spec.ts read them from the
 * servers it started (bench-results/hosting.json); undefined before the first run.
 */
export interface TestedVersions {
  nginx?: string | undefined;
  apache?: string | undefined;
  caddy?: string | undefined;
  python?: string | undefined;
  serve?: string | undefined;
}

function tested(name: keyof TestedVersions, versions: TestedVersions): string {
  const version = versions[name];
  return version ? `Tested with ${version} by the project's test suite.` : 'Not yet tested on this release.';
}

/** The HOSTING.md of the offline bundle. */
export function hostingGuide({ version, policy, folders, versions = {} }: HostingGuideInput): string {
  const portable = folders.find((folder) => folder.base === undefined)?.name ?? 'portable';
  const site = folders.find((folder) => folder.base !== undefined);
  const mount = { ...EXAMPLE_MOUNT, policy };
  const root = buildFolder(mount);
  const folderList = folders
    .map((folder) =>
      folder.base === undefined
        ? `- \`${folder.name}/\`: the **portable** build. Every internal URL is relative, so it works unchanged under any path on any static server, and opened straight from the disk (\`${folder.name}/index.html\`). From the disk, search cannot run (browsers refuse its requests for files) and the page says so, offering the article index. It has no service worker.`
        : `- \`${folder.name}/\`: the build for the path \`${folder.base}\`: serve it exactly there. After one visit over https (or on localhost) a service worker keeps every page readable offline, and offers a reload when a new version is deployed.`,
    )
    .join('\n');
  return `# Hosting ${SITE_NAME} (${version})

A static site: plain files, no server code, no request to any other origin. Any static web server
works. This archive holds:

${folderList}

Both need \`index.html\` served for a folder URL and \`404.html\` for a missing page, with status
404. The examples serve the portable build at \`${EXAMPLE_MOUNT.path}\`, copied to \`${root}/\`;
any path works, including \`/\`: put the folder at \`<document root><path>\` and write your path
where the examples say \`${EXAMPLE_MOUNT.path}\`.${site ? ` The \`${site.name}/\` build only works at \`${site.base}\`: serve it the same way with that path (to serve it elsewhere, rebuild with \`BASE_PATH=/your/path/ npm run build\`).` : ''}

Every file in the archive carries the time it was bundled, so a server's validators (ETag,
Last-Modified) change with each new version even where a page keeps its length: unpack a new
version with \`tar -xzf\` (which keeps those times) over the old one, or anywhere else.

## Headers

Set these on every response (the pages also carry the policy in a \`<meta>\` tag, so they are
protected even where you cannot set headers; \`frame-ancestors\` only works as a header). One
policy serves both folders:

\`\`\`
Content-Security-Policy: ${policy}
${SECURITY_HEADERS.map(([name, value]) => `${name}: ${value}`).join('\n')}
\`\`\`

Cache rules:

| Path | Cache-Control | Why |
| --- | --- | --- |
| \`_astro/*\` | \`public, max-age=31536000, immutable\` | file names carry a content hash |
| \`sw.js\` | \`no-cache\` | the browser must see a new version at once |
| everything else (pages) | \`no-cache\` | revalidated on each visit; cheap with ETag |

Serve \`.webmanifest\` as \`application/manifest+json\` and \`.svg\` as \`image/svg+xml\`.
Each folder also has a \`_headers\` file (Netlify, Cloudflare Pages) with the same rules.

## nginx

${tested('nginx', versions)} Inside your \`server {}\` block:

\`\`\`nginx
${nginxRecipe(mount)}
\`\`\`

A location that sets its own \`add_header\` drops the outer ones, so the inner block repeats them.
If your \`mime.types\` lacks the web manifest (Debian 12's does), add this to \`http {}\`:

\`\`\`nginx
${NGINX_MANIFEST_TYPE}
\`\`\`

## Apache (2.4)

${tested('apache', versions)} Needs mod_alias, mod_dir, mod_mime and mod_headers: on Debian and
Ubuntu, \`a2enmod headers\` (without it, \`Header\` is a configuration error). In your virtual host:

\`\`\`apache
${apacheRecipe(mount)}
\`\`\`

## Caddy (v2)

${tested('caddy', versions)}

\`\`\`caddy
example.org {
${caddyRecipe(mount)
  .split('\n')
  .map((line) => `    ${line}`)
  .join('\n')}
}
\`\`\`

## Python (a quick look; no headers, no 404 page)

${tested('python', versions)}

\`\`\`sh
python3 -m http.server 8080 --directory ${portable}        # http://localhost:8080/
mkdir -p /tmp/www/docs && cp -r ${portable} /tmp/www/docs/clusters
python3 -m http.server 8080 --directory /tmp/www           # http://localhost:8080/docs/clusters/
\`\`\`

## serve

${tested('serve', versions)} Each folder has a \`serve.json\` with the headers; keep it.

\`\`\`sh
npx --yes serve@14 ${portable}          # http://localhost:3000/
\`\`\`

Under a sub-path, copy the folder as for Python and put this \`serve.json\` in \`/tmp/www\`, then run
\`npx --yes serve@14 /tmp/www\` (\`serve\` answers a missing page there with its own 404 page):

\`\`\`json
${serveJson(policy, EXAMPLE_MOUNT.path).trimEnd()}
\`\`\`

## Offline

Service workers need https, or http on localhost. The first visit to the \`${site?.name ?? 'site'}/\` build
stores every page, style, diagram and the search index; later visits work with no network.
When you deploy a new version, readers see "A new version of this site is available" with a
Reload button; pages never mix the two versions.
`;
}
