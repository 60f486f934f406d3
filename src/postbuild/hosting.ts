/**
 * The hosting files written with a build: `_headers` (Netlify/Cloudflare Pages style) and the
 * HOSTING.md of the offline bundle. Pure text; the Content Security Policy comes from the build.
 */

/** Cache rules every host should follow, as `[path pattern relative to the base, Cache-Control]`. */
export const CACHE_RULES: readonly (readonly [string, string])[] = [
  // Hashed file names: a changed file is a new URL, so the old one can be kept forever.
  ['_astro/*', 'public, max-age=31536000, immutable'],
  // The worker must be checked on every visit, or readers keep an old version.
  ['sw.js', 'no-cache'],
  // Pages and everything else: revalidate each time (cheap with ETag/Last-Modified).
  ['*', 'no-cache'],
];

/** Security headers besides the policy. */
export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
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
}

/** `serve.json` for `npx serve`: no clean-URL redirects (the portable links name index.html files), headers. */
export function serveJson(policy: string): string {
  const headers = (source: string, entries: [string, string][]): Record<string, unknown> => ({
    source,
    headers: entries.map(([key, value]) => ({ key, value })),
  });
  const config = {
    cleanUrls: false,
    headers: [
      headers('**/*', [
        ['Content-Security-Policy', policy],
        ...SECURITY_HEADERS.map(([k, v]) => [k, v] as [string, string]),
        ['Cache-Control', 'no-cache'],
      ]),
      headers('_astro/**', [['Cache-Control', 'public, max-age=31536000, immutable']]),
    ],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** The HOSTING.md of the offline bundle. */
export function hostingGuide({ version, policy, folders }: HostingGuideInput): string {
  const portable = folders.find((folder) => folder.base === undefined)?.name ?? 'portable';
  const site = folders.find((folder) => folder.base !== undefined);
  const folderList = folders
    .map((folder) =>
      folder.base === undefined
        ? `- \`${folder.name}/\`: the **portable** build. Every internal URL is relative, so it works unchanged under any path on any static server, and opened straight from the disk (\`${folder.name}/index.html\`). From the disk, search cannot run (browsers refuse its requests for files) and the page says so, offering the article index. It has no service worker.`
        : `- \`${folder.name}/\`: the build for the path \`${folder.base}\`: serve it exactly there. After one visit over https (or on localhost) a service worker keeps every page readable offline, and offers a reload when a new version is deployed.`,
    )
    .join('\n');
  return `# Hosting Clusters & Databases, Explained (${version})

A static site: plain files, no server code, no request to any other origin. Any static web server
works. This archive holds:

${folderList}

Both need \`index.html\` served for a folder URL (every server below does this by default) and
\`404.html\` for a missing page (optional). Examples serve the portable build at \`/docs/clusters/\`;
any path works, including \`/\`.${site ? ` The \`${site.name}/\` build only works at \`${site.base}\`: to serve it elsewhere, rebuild with \`BASE_PATH=/your/path/ npm run build\`.` : ''}

## Headers

Set these on every response (the pages also carry the policy in a \`<meta>\` tag, so they are
protected even where you cannot set headers; \`frame-ancestors\` only works as a header):

\`\`\`
Content-Security-Policy: ${policy}
X-Content-Type-Options: nosniff
Referrer-Policy: strict-origin-when-cross-origin
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

Copy the folder to \`/srv/www/docs/clusters/\`, then:

\`\`\`nginx
location /docs/clusters/ {
    root /srv/www;
    index index.html;
    error_page 404 /docs/clusters/404.html;
    add_header Content-Security-Policy "${policy}" always;
    add_header X-Content-Type-Options nosniff always;
    add_header Referrer-Policy strict-origin-when-cross-origin always;
    add_header Cache-Control "no-cache" always;
    location /docs/clusters/_astro/ {
        add_header Content-Security-Policy "${policy}" always;
        add_header X-Content-Type-Options nosniff always;
        add_header Referrer-Policy strict-origin-when-cross-origin always;
        add_header Cache-Control "public, max-age=31536000, immutable" always;
    }
}
\`\`\`

nginx drops the outer \`add_header\`s in a location that sets its own, so the inner block repeats
them. If your \`mime.types\` lacks \`webmanifest\`, add \`application/manifest+json webmanifest;\` to it.

## Apache (2.4, mod_headers and mod_alias)

\`\`\`apache
Alias /docs/clusters /srv/clusters/${portable}
<Directory /srv/clusters/${portable}>
    Require all granted
    DirectoryIndex index.html
    AddType application/manifest+json .webmanifest
    Header always set Content-Security-Policy "${policy}"
    Header always set X-Content-Type-Options nosniff
    Header set Cache-Control "no-cache"
</Directory>
<Directory /srv/clusters/${portable}/_astro>
    Header set Cache-Control "public, max-age=31536000, immutable"
</Directory>
ErrorDocument 404 /docs/clusters/404.html
\`\`\`

## Caddy (v2)

\`\`\`caddy
example.org {
    handle_path /docs/clusters/* {
        root * /srv/clusters/${portable}
        header Content-Security-Policy "${policy}"
        header X-Content-Type-Options nosniff
        header Cache-Control "no-cache"
        header /_astro/* Cache-Control "public, max-age=31536000, immutable"
        file_server
    }
}
\`\`\`

## Python (a quick look; no headers)

\`\`\`sh
python3 -m http.server 8080 --directory ${portable}        # http://localhost:8080/
mkdir -p /tmp/www/docs && cp -r ${portable} /tmp/www/docs/clusters
python3 -m http.server 8080 --directory /tmp/www           # http://localhost:8080/docs/clusters/
\`\`\`

## npx serve

\`\`\`sh
npx serve ${portable}                 # reads ${portable}/serve.json: headers, and no clean-URL redirects
\`\`\`

Keep \`serve.json\`: \`serve\`'s default clean URLs would redirect \`…/index.html\` links. Under a
sub-path, copy the folder as for Python and run \`npx serve /tmp/www\`.

## Offline

Service workers need https, or http on localhost. The first visit to the \`${site?.name ?? 'site'}/\` build
stores every page, style, diagram and the search index; later visits work with no network.
When you deploy a new version, readers see "A new version of this site is available" with a
Reload button; pages never mix the two versions.
`;
}
