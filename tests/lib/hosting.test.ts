import { describe, expect, it } from 'vitest';
import {
  baseFromHeadersFile,
  headersFile,
  headersFor,
  hostingGuide,
  parseHeadersFile,
  policyFromHeadersFile,
} from '../../src/postbuild/hosting.ts';
import { apacheRecipe, caddyRecipe, nginxRecipe, serveJson } from '../../src/postbuild/hosting-recipes.ts';

const POLICY = "default-src 'self'; script-src 'self' 'sha256-abc='";

describe('hosting files', () => {
  it('writes _headers under the base, and reads the policy and base back', () => {
    const text = headersFile(POLICY, '/docs/');
    expect(text).toContain(`/docs/*\n  Content-Security-Policy: ${POLICY}\n`);
    expect(text).toContain('/docs/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n');
    expect(policyFromHeadersFile(text)).toBe(POLICY);
    expect(baseFromHeadersFile(text)).toBe('/docs/');
    expect(() => policyFromHeadersFile('# nothing')).toThrow('No Content-Security-Policy line in _headers');
  });

  it('tells serve to find folders’ index.html, keep .html links, add the slash, and send the headers', () => {
    const config = JSON.parse(serveJson(POLICY)) as {
      cleanUrls: string[];
      trailingSlash: boolean;
      headers: { source: string }[];
    };
    expect(config.cleanUrls).toEqual(['!**/*.html']);
    expect(config.trailingSlash).toBe(true);
    expect(config.headers.map((rule) => rule.source)).toEqual(['**/*', '_astro/**', '**/*.webmanifest']);
    expect(serveJson(POLICY)).toContain(POLICY);
  });

  it('puts serve’s header rules under the sub-path the build is served at', () => {
    const config = JSON.parse(serveJson(POLICY, '/docs/clusters/')) as { headers: { source: string }[] };
    expect(config.headers.map((rule) => rule.source)).toEqual([
      'docs/clusters/**/*',
      'docs/clusters/_astro/**',
      'docs/clusters/**/*.webmanifest',
    ]);
  });

  it('explains every server, a sub-path, the cache rules and the one policy', () => {
    const guide = hostingGuide({
      version: '0.1.0-abcdef12',
      policy: POLICY,
      folders: [
        { name: 'portable', base: undefined },
        { name: 'site', base: '/' },
      ],
      versions: { nginx: 'nginx/1.22.1' },
    });
    const mount = { webRoot: '/srv/www', path: '/docs/clusters/', policy: POLICY };
    for (const needle of [
      '# Hosting Clusters & Databases, Explained (0.1.0-abcdef12)',
      'Tested with nginx/1.22.1 by the project’s test suite.'.replace('’', "'"),
      nginxRecipe(mount),
      apacheRecipe(mount),
      'a2enmod headers',
      'npx --yes serve@14 portable',
      'public, max-age=31536000, immutable',
      '`sw.js` | `no-cache`',
      `Content-Security-Policy: ${POLICY}`,
    ]) {
      expect(guide, needle).toContain(needle);
    }
    // Caddy's block sits indented inside the site address.
    for (const line of caddyRecipe(mount).split('\n')) expect(guide).toContain(`    ${line}`);
  });

  it('says a recipe is untested when the suite has not run it', () => {
    const guide = hostingGuide({ version: '1', policy: POLICY, folders: [{ name: 'portable', base: undefined }] });
    expect(guide).toContain('## Caddy (v2)\n\nNot yet tested on this release.');
  });
});

describe('server recipes', () => {
  const mount = { webRoot: '/srv/www', path: '/docs/clusters/', policy: POLICY };

  it('nginx: redirects the folder without its slash, serves the 404 page, repeats headers in the inner location', () => {
    const recipe = nginxRecipe(mount);
    expect(recipe).toContain('location = /docs/clusters {\n    return 301 /docs/clusters/;\n}');
    expect(recipe).toContain('    error_page 404 /docs/clusters/404.html;');
    expect(recipe.match(/add_header Content-Security-Policy/g)).toHaveLength(2);
    expect(recipe).toContain('add_header Cache-Control "public, max-age=31536000, immutable" always;');
  });

  it('nginx at the root needs no slash redirect', () => {
    expect(nginxRecipe({ ...mount, path: '/' })).not.toContain('location =');
  });

  it('Apache: sets Referrer-Policy and the 404 page for the path', () => {
    const recipe = apacheRecipe(mount);
    expect(recipe).toContain('Alias /docs/clusters /srv/www/docs/clusters');
    expect(recipe).toContain('Header always set Referrer-Policy "strict-origin-when-cross-origin"');
    expect(recipe).toContain('ErrorDocument 404 /docs/clusters/404.html');
  });

  it('Caddy: named matchers keep the caches apart, and errors serve the 404 page', () => {
    const recipe = caddyRecipe(mount);
    expect(recipe).toContain('@hashed path /docs/clusters/_astro/*');
    expect(recipe).toContain('header @other Cache-Control "no-cache"');
    expect(recipe).toContain('rewrite * /docs/clusters/404.html');
    expect(recipe).toContain('header @manifest Content-Type application/manifest+json');
  });
});

describe('reading _headers', () => {
  const TEXT = headersFile(POLICY, '/docs/');

  it('gives each path the headers of every rule that matches, the later rule winning', () => {
    const rules = parseHeadersFile(TEXT);
    expect(rules.map((rule) => rule.path)).toEqual(['/docs/*', '/docs/_astro/*']);
    expect(headersFor(rules, '/docs/articles/x/')).toEqual({
      'content-security-policy': POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'cache-control': 'no-cache',
    });
    expect(headersFor(rules, '/docs/_astro/a.css')['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/elsewhere/')).toEqual({});
  });

  it('refuses a header line outside a rule', () => {
    expect(() => parseHeadersFile('  X-A: b')).toThrow('Unreadable _headers line:   X-A: b');
  });
});
