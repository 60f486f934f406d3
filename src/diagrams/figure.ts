/**
 * Builds the HTML of a figure from a cached diagram SVG: ids prefixed per figure, the author's
 * accessible title and description, a caption with a self-link and a link to the standalone file.
 * Pure: hast in, hast out.
 */
import type { Element, ElementContent, Properties, Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { parseFragment } from 'parse5';
import { h } from 'hastscript';

export interface FigureInput {
  /** `fig-…`, unique on the site. */
  id: string;
  caption: string;
  /** accTitle: the SVG's accessible name. */
  title: string;
  /** accDescr: the SVG's accessible description. */
  description: string;
  /** Optimised SVG markup from the renderer or the cache. */
  svg: string;
  /** URL of the standalone SVG file of this figure. */
  standaloneHref: string;
}

/** Parses SVG markup to its hast <svg> element. */
export function parseSvg(svg: string): Element {
  // Without source positions: nothing reads them, and they take half the time of a parse.
  const root = fromParse5(parseFragment(svg, { scriptingEnabled: false })) as Root;
  const element = root.children.find((child): child is Element => child.type === 'element' && child.tagName === 'svg');
  if (!element) throw new Error('Expected SVG markup with an <svg> root element.');
  return element;
}

function* descendants(element: Element): Generator<Element> {
  for (const child of element.children) {
    if (child.type === 'element') {
      yield child;
      yield* descendants(child);
    }
  }
}

/**
 * Gives every id in the SVG the figure's prefix and rewrites the references to them
 * (`url(#id)` in any attribute, `href="#id"`), so two figures on a page never share an id.
 */
export function prefixSvgIds(svg: Element, prefix: string): void {
  const renamed = new Map<string, string>();
  for (const element of descendants(svg)) {
    const id = element.properties['id'];
    if (typeof id === 'string') {
      renamed.set(id, `${prefix}-${id}`);
      element.properties['id'] = `${prefix}-${id}`;
    }
  }
  if (renamed.size === 0) return;
  const rewrite = (value: string): string =>
    value
      .replace(/url\((["']?)#([^)"']+)\1\)/g, (match, quote: string, id: string) => {
        const next = renamed.get(id);
        return next ? `url(${quote}#${next}${quote})` : match;
      })
      .replace(/^#(.+)$/, (match, id: string) => {
        const next = renamed.get(id);
        return next ? `#${next}` : match;
      });
  for (const element of descendants(svg)) {
    for (const [name, value] of Object.entries(element.properties)) {
      if (typeof value === 'string' && value.includes('#')) element.properties[name] = rewrite(value);
    }
  }
}

/**
 * The geometry the cached SVGs keep in style attributes (see KEPT_STYLE_PROPERTIES in
 * diagram-svg.ts); all of them are also SVG presentation attributes.
 */
const PRESENTATION_PROPERTIES: ReadonlyMap<string, string> = new Map([
  // CSS property → its attribute's name in hast (camel case, as hast-util-from-html names it).
  ['fill', 'fill'],
  ['stroke', 'stroke'],
  ['stroke-dasharray', 'strokeDashArray'],
  ['stroke-dashoffset', 'strokeDashOffset'],
  ['text-anchor', 'textAnchor'],
  ['dominant-baseline', 'dominantBaseline'],
  ['font-size', 'fontSize'],
  ['font-weight', 'fontWeight'],
  ['font-style', 'fontStyle'],
]);

/**
 * Moves every `style` declaration in the SVG into the presentation attribute of the same name
 * (`style="fill:none"` → `fill="none"`), so pages carry no style attribute and their Content
 * Security Policy needs no 'unsafe-hashes'. A presentation attribute yields to any CSS rule where a
 * style attribute would win; diagrams.css sets these properties only where it means to (the
 * dashes of a reply arrow, say). Throws on a property that has no presentation attribute.
 */
export function styleToPresentationAttributes(svg: Element): void {
  for (const element of [svg, ...descendants(svg)]) {
    const style = element.properties['style'];
    if (typeof style !== 'string') continue;
    delete element.properties['style'];
    for (const declaration of style.split(';')) {
      const colon = declaration.indexOf(':');
      if (colon === -1) continue;
      const property = declaration.slice(0, colon).trim().toLowerCase();
      const value = declaration.slice(colon + 1).trim();
      const attribute = PRESENTATION_PROPERTIES.get(property);
      if (attribute === undefined) {
        throw new Error(
          `Diagram SVG <${element.tagName} style="${style}">: "${property}" has no presentation attribute.`,
        );
      }
      element.properties[attribute] = value;
    }
  }
}

/**
 * The inline SVG: prefixed ids, presentation attributes instead of style attributes, role="img",
 * <title> and <desc> referenced by aria-labelledby/-describedby.
 */
export function accessibleSvg(input: Pick<FigureInput, 'id' | 'title' | 'description' | 'svg'>): Element {
  const svg = parseSvg(input.svg);
  prefixSvgIds(svg, input.id);
  styleToPresentationAttributes(svg);
  const titleId = `${input.id}-title`;
  const descId = `${input.id}-desc`;
  const properties: Properties = {
    ...svg.properties,
    role: 'img',
    ariaLabelledBy: [titleId],
    ariaDescribedBy: [descId],
  };
  const children: ElementContent[] = [
    h('title', { id: titleId }, input.title),
    h('desc', { id: descId }, input.description),
    ...svg.children,
  ];
  return { ...svg, properties, children };
}

/** The whole `<figure>`. */
export function buildFigure(input: FigureInput): Element {
  return h('figure', { id: input.id, className: ['cde-figure'] }, [
    h('div', { className: ['cde-figure__canvas'] }, [accessibleSvg(input)]),
    h('figcaption', { className: ['cde-figure__caption'] }, [
      h('span', { className: ['cde-figure__text'] }, input.caption),
      h('span', { className: ['cde-figure__links'] }, [
        h('a', { href: `#${input.id}`, className: ['cde-figure__self'] }, [
          h('span', { ariaHidden: 'true' }, '#'),
          h('span', { className: ['cde-figure__sr'] }, `Link to the figure “${input.title}”`),
        ]),
        h('a', { href: input.standaloneHref, className: ['cde-figure__file'] }, [
          'SVG',
          h('span', { className: ['cde-figure__sr'] }, ` file of the figure “${input.title}”`),
        ]),
      ]),
    ]),
  ]);
}
