/**
 * The web server configurations HOSTING.md prints, as functions of where the site is mounted. The
 * guide shows them for its example paths; e2e/hosting.spec.ts starts nginx, Apache, Caddy, Python
 * and `serve` with the very same functions' output for a temporary folder and a loopback port, so
 * what the guide says is what the tests prove.
 */

/** Security headers besides the policy, on every response. */
export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
];

/** One build folder served under one URL path. */
export interface Mount {
  /** The URL path, with slashes at both ends: `/docs/clusters/` or `/`. */
  path: string;
  /**
   * The document root the server maps URLs onto: the build folder must be at `webRoot + path`
   * (`/srv/www` + `/docs/clusters/`). nginx's `alias` would avoid the copy, but it does not carry
   * into the nested location that sets the long cache (a known nginx pitfall), so `root` it is.
   */
  webRoot: string;
  /** The Content Security Policy to send. */
  policy: string;
}

/** The long cache for hashed file names, and revalidation for everything else. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** The folder itself, without the trailing slash (`/docs/clusters`), or undefined for `/`. */
function slashless(path: string): string | undefined {
  return path === '/' ? undefined : path.replace(/\/$/, '');
}

/** The folder the build sits in: `webRoot + path` without a trailing slash. */
export function buildFolder(mount: Mount): string {
  return `${mount.webRoot}${mount.path}`.replace(/\/$/, '');
}

/** nginx: `location` blocks for a `server {}`. Needs `application/manifest+json webmanifest` in its types. */
export function nginxRecipe(mount: Mount): string {
  const headers = (cache: string): string[] => [
    `add_header Content-Security-Policy "${mount.policy}" always;`,
    ...SECURITY_HEADERS.map(([name, value]) => `add_header ${name} ${value} always;`),
    `add_header Cache-Control "${cache}" always;`,
  ];
  const folder = slashless(mount.path);
  return [
    ...(folder ? [`location = ${folder} {`, `    return 301 ${mount.path};`, `}`] : []),
    `location ${mount.path} {`,
    `    root ${mount.webRoot};`,
    `    index index.html;`,
    `    error_page 404 ${mount.path}404.html;`,
    ...headers(REVALIDATE).map((line) => `    ${line}`),
    `    # A location that sets headers drops the outer ones: repeat them with the long cache.`,
    `    location ${mount.path}_astro/ {`,
    ...headers(IMMUTABLE).map((line) => `        ${line}`),
    `    }`,
    `}`,
  ].join('\n');
}

/** The line nginx's `http {}` needs when its mime.types lacks the web manifest (Debian 12's does). */
export const NGINX_MANIFEST_TYPE = 'types { application/manifest+json webmanifest; }';

/** Apache 2.4 with mod_alias, mod_dir, mod_mime and mod_headers (`a2enmod headers` on Debian). */
export function apacheRecipe(mount: Mount): string {
  const folder = buildFolder(mount);
  const set = (name: string, value: string): string => `    Header always set ${name} "${value}"`;
  return [
    ...(mount.path === '/' ? [`DocumentRoot ${folder}`] : [`Alias ${slashless(mount.path) ?? ''} ${folder}`]),
    `<Directory ${folder}>`,
    `    Require all granted`,
    `    DirectoryIndex index.html`,
    `    AddType application/manifest+json .webmanifest`,
    set('Content-Security-Policy', mount.policy),
    ...SECURITY_HEADERS.map(([name, value]) => set(name, value)),
    set('Cache-Control', REVALIDATE),
    `</Directory>`,
    `<Directory ${folder}/_astro>`,
    set('Cache-Control', IMMUTABLE),
    `</Directory>`,
    `<Location ${mount.path}>`,
    `    ErrorDocument 404 ${mount.path}404.html`,
    `</Location>`,
  ].join('\n');
}

/**
 * Caddy 2: a block for inside a site address. Named matchers keep the two Cache-Control values
 * apart (an unmatched `header` would override the path-matched one: `caddy adapt` shows the
 * order), and `handle_errors` serves the site's own 404 page with its status.
 */
export function caddyRecipe(mount: Mount): string {
  const folder = slashless(mount.path);
  const body = [
    `root * ${mount.webRoot}`,
    `@hashed path ${mount.path}_astro/*`,
    `@other not path ${mount.path}_astro/*`,
    `header Content-Security-Policy "${mount.policy}"`,
    ...SECURITY_HEADERS.map(([name, value]) => `header ${name} ${value}`),
    `header @hashed Cache-Control "${IMMUTABLE}"`,
    `header @other Cache-Control "${REVALIDATE}"`,
    `@manifest path *.webmanifest`,
    `header @manifest Content-Type application/manifest+json`,
    `file_server`,
  ];
  return [
    ...(folder ? [`redir ${folder} ${mount.path} 301`] : []),
    `handle ${mount.path}* {`,
    ...body.map((line) => `    ${line}`),
    `}`,
    `handle_errors {`,
    `    @missing expression {err.status_code} == 404`,
    `    handle @missing {`,
    `        root * ${mount.webRoot}`,
    `        rewrite * ${mount.path}404.html`,
    `        header Content-Security-Policy "${mount.policy}"`,
    ...SECURITY_HEADERS.map(([name, value]) => `        header ${name} ${value}`),
    `        header Cache-Control "${REVALIDATE}"`,
    `        file_server`,
    `    }`,
    `}`,
  ].join('\n');
}

/**
 * `serve.json` for `serve`, placed in the folder it serves: the build itself (`path` `/`) or a
 * document root with the build at `path`.
 */
export function serveJson(policy: string, path = '/'): string {
  const prefix = path.replace(/^\//, '');
  const headers = (source: string, entries: (readonly [string, string])[]): Record<string, unknown> => ({
    source: `${prefix}${source}`,
    headers: entries.map(([key, value]) => ({ key, value })),
  });
  const config = {
    // A list turns clean URLs on except for these: serve then finds a folder's index.html (with
    // `false` it lists folders instead) but never redirects a link that names an .html file.
    cleanUrls: ['!**/*.html'],
    // A folder URL without its slash is redirected to it, so relative URLs resolve from the folder.
    trailingSlash: true,
    headers: [
      headers('**/*', [['Content-Security-Policy', policy], ...SECURITY_HEADERS, ['Cache-Control', REVALIDATE]]),
      headers('_astro/**', [['Cache-Control', IMMUTABLE]]),
      headers('**/*.webmanifest', [['Content-Type', 'application/manifest+json']]),
    ],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
