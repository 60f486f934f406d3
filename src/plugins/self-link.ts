import type { Element } from 'hast';

/**
 * The `#` link a heading or figure carries to itself: screen readers hear "<label>: <name>",
 * sighted readers see `#`. Shared so headings and figures stay alike (CopyLinks.astro adds a copy
 * button beside every `.cde-heading-link`).
 */
export function selfLink(id: string, label: string, name: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['cde-heading-link'], href: `#${id}` },
    children: [
      {
        type: 'element',
        tagName: 'span',
        properties: { className: ['cde-sr-only'] },
        children: [{ type: 'text', value: `${label}: ${name}` }],
      },
      {
        type: 'element',
        tagName: 'span',
        properties: { ariaHidden: 'true' },
        children: [{ type: 'text', value: '#' }],
      },
    ],
  };
}
