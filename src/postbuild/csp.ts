/**
 * The Content Security Policy, computed from the built pages: pure functions over HTML text.
 *
 * Every inline script and inline `<style>` a page really contains is hashed (sha256, base64, as
 * CSP Level 3 specifies), so the policy needs no 'unsafe-inline'. Pages have no `style=""`
 * attributes: code colours are classes (src/plugins/shiki-token-classes.ts) and diagrams use
 * presentation attributes (src/diagrams/figure.ts). A style attribute would need
 * 'unsafe-hashes' beside its hash, so one fails the build instead, like an inline event handler.
 */
import { createHash } from 'node:crypto';
import type { Element, Root, Text } from 'hast';
import { visit } from 'unist-util-visit';
import { parseBuiltHtml } from './html-tree.ts';

/** What a page runs or applies inline, and what it must not contain. */
export interface InlineSources {
  /** Text of each inline executable script (no src, JavaScript or module type). */
  scripts: string[];
  /** Text of each `<style>` element (HTML or inside inline SVG). */
  styles: string[];
  /**
   * What the policy will not allow: inline event handlers and javascript: URLs, which no hash can
   * allow (`<a onclick>`), and style attributes (`<span style="color:red">`).
   */
  forbidden: string[];
}

/** Script types the browser executes; others (JSON, templates) are data blocks CSP ignores. */
const EXECUTABLE_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

function textOf(element: Element): string {
  return element.children
    .filter((child): child is Text => child.type === 'text')
    .map((child) => child.value)
    .join('');
}

/** Reads the inline scripts and styles of one page, and what it must not contain. */
export function collectInline(html: string): InlineSources {
  const tree: Root = parseBuiltHtml(html);
  const scripts: string[] = [];
  const styles: string[] = [];
  const forbidden: string[] = [];
  visit(tree, 'element', (node: Element) => {
    const type = String(node.properties['type'] ?? '')
      .trim()
      .toLowerCase();
    if (node.tagName === 'script' && node.properties['src'] === undefined && EXECUTABLE_TYPES.has(type)) {
      scripts.push(textOf(node));
    }
    if (node.tagName === 'style') styles.push(textOf(node));
    const style = node.properties['style'];
    if (typeof style === 'string') forbidden.push(`<${node.tagName} style="${style}">`);
    for (const [name, value] of Object.entries(node.properties)) {
      if (/^on[a-z]/i.test(name)) forbidden.push(`<${node.tagName} ${name.toLowerCase()}>`);
      if (typeof value === 'string' && /^\s*javascript:/i.test(value))
        forbidden.push(`<${node.tagName} ${name}="${value}">`);
    }
  });
  return { scripts, styles, forbidden };
}

/** The CSP source expression of a hash: `'sha256-…'`. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export interface PolicyOptions {
  /** Allow WebAssembly compilation (Pagefind's search runs as WebAssembly). */
  wasm: boolean;
  /**
   * For an HTTP header rather than a `<meta>`: adds frame-ancestors, which browsers ignore (and
   * complain about) in a meta tag.
   */
  header: boolean;
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/** The policy for the given inline sources (one page's, or the union of every page's). */
export function buildPolicy(sources: Omit<InlineSources, 'forbidden'>, options: PolicyOptions): string {
  const scriptHashes = unique(sources.scripts.map(hashSource));
  const styleHashes = unique(sources.styles.map(hashSource));
  const directives = [
    "default-src 'self'",
    ["script-src 'self'", ...(options.wasm ? ["'wasm-unsafe-eval'"] : []), ...scriptHashes].join(' '),
    ["style-src 'self'", ...styleHashes].join(' '),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    ...(options.header ? ["frame-ancestors 'self'"] : []),
  ];
  return directives.join('; ');
}

/** Merges the inline sources of several pages. */
export function mergeSources(all: InlineSources[]): InlineSources {
  return {
    scripts: unique(all.flatMap((sources) => sources.scripts)),
    styles: unique(all.flatMap((sources) => sources.styles)),
    forbidden: unique(all.flatMap((sources) => sources.forbidden)),
  };
}

const CSP_META = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/i;

/**
 * Puts the policy in a `<meta>` right after `<meta charset>` (or first in `<head>`): a meta policy
 * only governs what comes after it, and the page's first inline style follows the charset.
 * A policy already there is replaced.
 */
export function insertCspMeta(html: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}">`;
  if (CSP_META.test(html)) return html.replace(CSP_META, () => meta);
  return insertAfterCharset(html, meta);
}

/** Inserts markup right after `<meta charset>`, or first in `<head>` when there is none. */
export function insertAfterCharset(html: string, markup: string): string {
  const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html);
  if (charset) {
    const end = charset.index + charset[0].length;
    return html.slice(0, end) + markup + html.slice(end);
  }
  const head = /<head[^>]*>/i.exec(html);
  if (!head) throw new Error('The page has no <head> to put the Content Security Policy in.');
  const end = head.index + head[0].length;
  return html.slice(0, end) + markup + html.slice(end);
}

/**
 * One policy that allows what each given policy allows, directive by directive (the sources of
 * a directive are joined). For hosting two builds with one header.
 */
export function mergePolicies(policies: string[]): string {
  const merged = new Map<string, string[]>();
  for (const policy of policies) {
    for (const directive of policy.split(';')) {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (!name) continue;
      const known = merged.get(name) ?? [];
      merged.set(name, [...known, ...sources.filter((source) => !known.includes(source))]);
    }
  }
  return [...merged].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}
