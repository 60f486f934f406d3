import { describe, expect, it } from 'vitest';
import {
  baseFromHeadersFile,
  headersFile,
  headersFor,
  hostingGuide,
  parseHeadersFile,
  policyFromHeadersFile,
  serveJson,
} from '../../src/postbuild/hosting.ts';

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

  it('tells serve to keep index.html URLs and to send the headers', () => {
    const config = JSON.parse(serveJson(POLICY)) as { cleanUrls: boolean; headers: { source: string }[] };
    expect(config.cleanUrls).toBe(false);
    expect(config.headers.map((rule) => rule.source)).toEqual(['**/*', '_astro/**']);
    expect(serveJson(POLICY)).toContain(POLICY);
  });

  it('explains every server, a sub-path, the cache rules and the policy', () => {
    const guide = hostingGuide({
      version: '0.1.0-abcdef12',
      policy: POLICY,
      folders: [
        { name: 'portable', base: undefined },
        { name: 'site', base: '/' },
      ],
    });
    for (const needle of [
      '# Hosting Clusters & Databases, Explained (0.1.0-abcdef12)',
      '## nginx',
      '## Apache',
      '## Caddy',
      'python3 -m http.server',
      'npx serve portable',
      '/docs/clusters/',
      'public, max-age=31536000, immutable',
      '`sw.js` | `no-cache`',
      `Content-Security-Policy: ${POLICY}`,
      `add_header Content-Security-Policy "${POLICY}" always;`,
    ]) {
      expect(guide, needle).toContain(needle);
    }
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
