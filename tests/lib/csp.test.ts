import { describe, expect, it } from 'vitest';
import {
  buildPolicy,
  collectInline,
  hashSource,
  insertCspMeta,
  mergePolicies,
  mergeSources,
} from '../../src/postbuild/csp.ts';

/** A page with one of everything the policy has to know about. */
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>@layer a, b;</style>
<script>document.documentElement.dataset.theme = 'dark';</script>
<script type="application/ld+json">{"not":"run"}</script>
<script type="module" src="/_astro/x.js"></script></head>
<body><span class="cde-t-red">x</span>
<svg><style>.n{fill:red}</style></svg><script type="module">customElements.define('a-b', class extends HTMLElement {});</script></body></html>`;

const BAD_PAGE =
  '<a href="javascript:alert(1)">x</a><button onclick="go()">go</button><span style="--shiki-light:#A0111F">y</span>';

describe('collectInline', () => {
  it('collects inline scripts and style elements', () => {
    expect(collectInline(PAGE)).toEqual({
      scripts: [
        "document.documentElement.dataset.theme = 'dark';",
        "customElements.define('a-b', class extends HTMLElement {});",
      ],
      styles: ['@layer a, b;', '.n{fill:red}'],
      forbidden: [],
    });
  });

  it('reports inline event handlers, javascript: URLs and style attributes', () => {
    expect(collectInline(BAD_PAGE).forbidden).toEqual([
      '<a href="javascript:alert(1)">',
      '<button onclick>',
      '<span style="--shiki-light:#A0111F">',
    ]);
  });
});

describe('hashSource', () => {
  it('is the base64 sha256 of the exact text, as CSP specifies', () => {
    // echo -n 'color: red' | openssl dgst -sha256 -binary | base64
    expect(hashSource('color: red')).toBe("'sha256-NerDAUWfwD31YdZHveMrq0GLjsNFMwxLpZl0dPUeCcw='");
  });
});

describe('buildPolicy', () => {
  it('allows only the page’s own hashes', () => {
    const policy = buildPolicy({ scripts: ['a()'], styles: ['b{}'] }, { wasm: false, header: false });
    expect(policy).toBe(
      [
        "default-src 'self'",
        `script-src 'self' ${hashSource('a()')}`,
        `style-src 'self' ${hashSource('b{}')}`,
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ].join('; '),
    );
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-hashes');
  });

  it('adds WebAssembly for search and frame-ancestors for a header only', () => {
    const policy = buildPolicy({ scripts: [], styles: [] }, { wasm: true, header: true });
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(policy).toContain("style-src 'self';");
    expect(policy.endsWith("frame-ancestors 'self'")).toBe(true);
  });

  it('merges pages without repeating a hash', () => {
    const merged = mergeSources([collectInline(PAGE), collectInline(PAGE)]);
    expect(merged.styles).toHaveLength(2);
    expect(merged.scripts).toHaveLength(2);
  });
});

describe('insertCspMeta', () => {
  it('puts the policy right after the charset, before any inline style', () => {
    const html = insertCspMeta(PAGE, "default-src 'self'");
    expect(
      html.startsWith(
        '<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src \'self\'"><style>',
      ),
    ).toBe(true);
  });

  it('replaces a policy that is already there', () => {
    const once = insertCspMeta(PAGE, 'a');
    expect(insertCspMeta(once, 'b')).toBe(insertCspMeta(PAGE, 'b'));
  });

  it('refuses a page without a head', () => {
    expect(() => insertCspMeta('<p>x</p>', 'a')).toThrow(
      'The page has no <head> to put the Content Security Policy in.',
    );
  });
});

describe('mergePolicies', () => {
  it('joins the sources of each directive, keeping their order and no repeats', () => {
    expect(
      mergePolicies([
        "default-src 'self'; script-src 'self' 'sha256-a'; style-src 'self'",
        "default-src 'self'; script-src 'self' 'sha256-b' 'sha256-a'; frame-ancestors 'self'",
      ]),
    ).toBe("default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'; style-src 'self'; frame-ancestors 'self'");
  });
});
