/**
 * Finds resources a built file would load from another origin: pure functions over file text.
 * A resource is something the browser fetches by itself (a script, a stylesheet, an image, a font,
 * an icon, a manifest, a frame, a CSS url() or @import, a JS import). Links the reader follows
 * (`<a href>`), canonical and alternate links and Open Graph URLs are not resources.
 */
import type { Element, Root, Text } from 'hast';
import { visit } from 'unist-util-visit';
import { parseBuiltHtml } from './html-tree.ts';

/** An absolute URL to any host, or a protocol-relative one (`//cdn.example/x.js`). */
const OFFSITE = /^\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i;

/** `rel` values of `<link>` that make the browser fetch the target. */
const FETCHING_RELS = new Set([
  'stylesheet',
  'preload',
  'modulepreload',
  'prefetch',
  'preconnect',
  'dns-prefetch',
  'icon',
  'apple-touch-icon',
  'mask-icon',
  'manifest',
]);

/** Attributes that fetch, by element. */
const RESOURCE_ATTRIBUTES: Record<string, string[]> = {
  img: ['src', 'srcSet'],
  source: ['src', 'srcSet'],
  script: ['src'],
  iframe: ['src'],
  frame: ['src'],
  embed: ['src'],
  object: ['data'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  input: ['src'],
  image: ['href', 'xLinkHref'],
  use: ['href', 'xLinkHref'],
  feImage: ['href', 'xLinkHref'],
};

function srcsetUrls(value: string): string[] {
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/** Off-site url() and @import targets in CSS text. */
export function offsiteInCss(css: string): string[] {
  const found: string[] = [];
  for (const match of css.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/gi)) {
    if (match[2] && OFFSITE.test(match[2])) found.push(match[2].trim());
  }
  for (const match of css.matchAll(/@import\s+(["'])([^"']+)\1/gi)) {
    if (match[2] && OFFSITE.test(match[2])) found.push(match[2].trim());
  }
  return found;
}

/** Off-site import specifiers (static, dynamic, importScripts) in JS text. */
export function offsiteInJs(js: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:from|import)\s*(["'`])([^"'`]+)\1/g,
    /\bimport\s*\(\s*(["'`])([^"'`]+)\1\s*\)/g,
    /\bimportScripts\s*\(\s*(["'`])([^"'`]+)\1/g,
  ];
  for (const pattern of patterns) {
    for (const match of js.matchAll(pattern)) {
      if (match[2] && OFFSITE.test(match[2])) found.push(match[2]);
    }
  }
  return found;
}

/** Off-site resources of one HTML page (attributes, inline styles, inline scripts). */
export function offsiteInHtml(html: string): string[] {
  const tree: Root = parseBuiltHtml(html);
  const found: string[] = [];
  const text = (node: Element): string =>
    node.children
      .filter((child): child is Text => child.type === 'text')
      .map((child) => child.value)
      .join('');
  visit(tree, 'element', (node: Element) => {
    const attributes = [...(RESOURCE_ATTRIBUTES[node.tagName] ?? [])];
    if (node.tagName === 'link') {
      const rels = (Array.isArray(node.properties['rel']) ? node.properties['rel'] : []).map((rel) =>
        String(rel).toLowerCase(),
      );
      if (rels.some((rel) => FETCHING_RELS.has(rel))) attributes.push('href');
    }
    for (const attribute of attributes) {
      const value = node.properties[attribute];
      if (typeof value !== 'string') continue;
      const urls = attribute === 'srcSet' ? srcsetUrls(value) : [value];
      found.push(...urls.filter((url) => OFFSITE.test(url)).map((url) => url.trim()));
    }
    const style = node.properties['style'];
    if (typeof style === 'string') found.push(...offsiteInCss(style));
    if (node.tagName === 'style') found.push(...offsiteInCss(text(node)));
    if (node.tagName === 'script' && node.properties['src'] === undefined) found.push(...offsiteInJs(text(node)));
  });
  return found;
}

/** Off-site resources of one built file, chosen by its extension; other files have none. */
export function offsiteResources(file: string, text: string): string[] {
  if (/\.html?$/.test(file)) return offsiteInHtml(text);
  if (file.endsWith('.svg')) return offsiteInHtml(text);
  if (file.endsWith('.css')) return offsiteInCss(text);
  if (/\.m?js$/.test(file)) return offsiteInJs(text);
  return [];
}
