/**
 * Finds resources a built file would load from another origin: pure functions over file text.
 * A resource is something the browser fetches by itself (a script, a stylesheet, an image, a font,
 * an icon, a manifest, a frame, a CSS url() or @import, a JS import). Links the reader follows
 * (`<a href>`), canonical and alternate links and Open Graph URLs are not resources.
 */
import type { Element, Root, Text } from 'hast';
import { visit } from 'unist-util-visit';
import { cssUrls, elementUrls, isJavaScript, jsSpecifiers } from './file-urls.ts';
import { parseBuiltHtml } from './html-tree.ts';

/** An absolute URL to any host, or a protocol-relative one (`//cdn.example/x.js`). */
const OFFSITE = /^\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i;

/** Off-site url() and @import targets in CSS text. */
export function offsiteInCss(css: string): string[] {
  return cssUrls(css)
    .map(({ url }) => url)
    .filter((url) => OFFSITE.test(url));
}

/** Off-site import specifiers (static, dynamic, importScripts) in JS text. */
export function offsiteInJs(js: string, file?: string): string[] {
  return jsSpecifiers(js, file)
    .map(({ url }) => url)
    .filter((url) => OFFSITE.test(url));
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
    for (const { url, role } of elementUrls(node)) if (role === 'resource' && OFFSITE.test(url)) found.push(url);
    const style = node.properties['style'];
    if (typeof style === 'string') found.push(...offsiteInCss(style));
    if (node.tagName === 'style') found.push(...offsiteInCss(text(node)));
    if (node.tagName === 'script' && node.properties['src'] === undefined && isJavaScript(node)) {
      found.push(...offsiteInJs(text(node), 'an inline script'));
    }
  });
  return found;
}

/** Off-site resources of one built file, chosen by its extension; other files have none. */
export function offsiteResources(file: string, text: string): string[] {
  if (/\.html?$/.test(file)) return offsiteInHtml(text);
  if (file.endsWith('.svg')) return offsiteInHtml(text);
  if (file.endsWith('.css')) return offsiteInCss(text);
  if (/\.m?js$/.test(file)) return offsiteInJs(text, file);
  return [];
}
