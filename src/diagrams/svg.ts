/**
 * Turns Mermaid's SVG into the small, theme-neutral SVG the site caches and inlines:
 * - no <style> (Mermaid writes ~8 KB of CSS per diagram, scoped to its id, with the colours baked in);
 *   the layout-relevant text properties were already baked into attributes in the browser
 *   (see mermaid-chromium.ts), colours come from `src/styles/diagrams.css` by class;
 * - no colours in attributes or inline styles, so one SVG serves the light and the dark theme;
 * - only the classes the site stylesheet uses (DIAGRAM_CLASSES), plus `cde-diagram cde-diagram--<type>`;
 * - no <title>/<desc>/ARIA: the figure transform adds its own, from the author's accTitle/accDescr;
 * - no markers, symbols, filters or gradients nothing points at (Mermaid defines every arrowhead and
 *   icon of a diagram type in each SVG), no data-* attributes;
 * - one <tspan> per run of text instead of one per word;
 * - then SVGO (numbers rounded, ids shortened, groups collapsed), keeping the viewBox.
 */
import { optimize } from 'svgo';
import type { CustomPlugin, XastChild, XastElement, XastParent } from 'svgo';

/** Every class `diagrams.css` styles. A test checks that the two lists agree. */
export const DIAGRAM_CLASSES = [
  // flowchart and state diagram
  'label-container',
  'cluster',
  'cluster-label',
  'edgeLabel',
  'background',
  'flowchart-link',
  'transition',
  'edge-thickness-thick',
  'edge-pattern-dotted',
  'edge-pattern-dashed',
  'state-start',
  'state-end',
  // sequence diagram
  'actor',
  'actor-line',
  'messageLine0',
  'messageLine1',
  'note',
  'activation0',
  'activation1',
  'activation2',
  'loopLine',
  'labelBox',
  'labelText',
  'loopText',
] as const;

const KEPT_CLASSES: ReadonlySet<string> = new Set(DIAGRAM_CLASSES);

/** Inline style properties that carry geometry rather than colour. */
const KEPT_STYLE_PROPERTIES: ReadonlySet<string> = new Set([
  'stroke-dasharray',
  'stroke-dashoffset',
  'text-anchor',
  'dominant-baseline',
  'font-size',
  'font-weight',
  'font-style',
]);

/** Attributes that only ever hold a colour (or a colour-ish effect) in Mermaid's output. */
const COLOUR_ATTRIBUTES: ReadonlySet<string> = new Set(['fill', 'stroke', 'color', 'flood-color', 'stop-color']);

/** Elements kept only while something refers to their id. */
const REFERENCED_ONLY: ReadonlySet<string> = new Set([
  'marker',
  'symbol',
  'filter',
  'linearGradient',
  'radialGradient',
  'clipPath',
  'pattern',
  'mask',
]);

const DIAGRAM_TYPES: Readonly<Record<string, string>> = {
  'flowchart-v2': 'flowchart',
  flowchart: 'flowchart',
  sequence: 'sequence',
  stateDiagram: 'state',
};

function isElement(node: XastChild | XastParent): node is XastElement {
  return node.type === 'element';
}

function elements(parent: XastParent): XastElement[] {
  return parent.children.filter(isElement);
}

function walk(parent: XastParent, visit: (element: XastElement, parent: XastParent) => void): void {
  for (const child of elements(parent)) {
    visit(child, parent);
    walk(child, visit);
  }
}

function removeChild(parent: XastParent, child: XastElement): void {
  parent.children = parent.children.filter((node) => node !== child);
}

/** Ids referenced anywhere: url(#id), href="#id", xlink:href="#id". */
function referencedIds(root: XastParent): Set<string> {
  const ids = new Set<string>();
  walk(root, (element) => {
    for (const [name, value] of Object.entries(element.attributes)) {
      for (const match of value.matchAll(/url\(["']?#([^)"']+)["']?\)/g)) if (match[1]) ids.add(match[1]);
      if ((name === 'href' || name === 'xlink:href') && value.startsWith('#')) ids.add(value.slice(1));
    }
  });
  return ids;
}

function isColourValue(value: string): boolean {
  const normalized = value.trim().toLowerCase();
  return normalized !== 'none' && normalized !== 'transparent' && normalized !== '';
}

function filterStyle(style: string): string {
  const seen = new Set<string>();
  return style
    .split(';')
    .map((declaration) => declaration.trim())
    .filter((declaration) => {
      const [property, ...rest] = declaration.split(':');
      const name = property?.trim().toLowerCase() ?? '';
      const value = rest.join(':').trim();
      if (value === '' || seen.has(name)) return false;
      seen.add(name);
      if (KEPT_STYLE_PROPERTIES.has(name)) return true;
      // `fill: none` on an open path is structure, not colour.
      return (name === 'fill' || name === 'stroke') && !isColourValue(value);
    })
    .join(';');
}

/** The value an attribute keeps, or undefined to drop it. */
function cleanAttribute(element: XastElement, name: string, value: string): string | undefined {
  if (name.startsWith('data-') || name.startsWith('aria-') || name === 'role' || name === 'name') return undefined;
  if (name === 'font-family') return undefined;
  if (COLOUR_ATTRIBUTES.has(name) && isColourValue(value)) return undefined;
  if (name === 'style') {
    // Text layout was baked into attributes in the browser; the rest of a text's style is font and colour.
    const kept = element.name === 'text' || element.name === 'tspan' ? '' : filterStyle(value);
    return kept || undefined;
  }
  if (name === 'class') {
    const kept = [...new Set(value.split(/\s+/).filter((token) => KEPT_CLASSES.has(token)))];
    return kept.length > 0 ? kept.join(' ') : undefined;
  }
  return value;
}

function cleanAttributes(element: XastElement): void {
  element.attributes = withoutUndefined(
    Object.entries(element.attributes).map(([name, value]) => [name, cleanAttribute(element, name, value)]),
  );
}

function withoutUndefined(entries: [string, string | undefined][]): Record<string, string> {
  return Object.fromEntries(entries.filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** Mermaid puts every word of a label in its own <tspan>; runs with the same formatting become one. */
function mergeWordTspans(element: XastElement): void {
  const merged: XastChild[] = [];
  for (const child of element.children) {
    const previous = merged.at(-1);
    if (
      isElement(child) &&
      child.name === 'tspan' &&
      previous !== undefined &&
      isElement(previous) &&
      previous.name === 'tspan' &&
      sameFormatting(previous, child) &&
      onlyText(previous) &&
      onlyText(child)
    ) {
      const text = previous.children[0];
      const next = child.children[0];
      if (text?.type === 'text' && next?.type === 'text') text.value += next.value;
      continue;
    }
    merged.push(child);
  }
  element.children = merged;
}

function onlyText(element: XastElement): boolean {
  return element.children.length === 1 && element.children[0]?.type === 'text';
}

function sameFormatting(a: XastElement, b: XastElement): boolean {
  const keys = (element: XastElement) =>
    JSON.stringify(Object.entries(element.attributes).filter(([name]) => name !== 'class'));
  return keys(a) === keys(b) && !('x' in a.attributes) && !('x' in b.attributes);
}

/** `<tspan>` wrapping plain text with no attributes of its own adds nothing. */
function unwrapBareTspans(element: XastElement): void {
  element.children = element.children.flatMap((child) =>
    isElement(child) && child.name === 'tspan' && Object.keys(child.attributes).length === 0 ? child.children : [child],
  );
}

/** Drops the default `font-style="normal"`/`font-weight="normal"` Mermaid writes on every word. */
function dropDefaultFontAttributes(element: XastElement): void {
  if (element.attributes['font-style'] === 'normal') delete element.attributes['font-style'];
  const weight = element.attributes['font-weight'];
  if (weight === 'normal' || weight === '400') delete element.attributes['font-weight'];
}

/** Width and height from the viewBox, so the figure reserves its space before CSS scales it. */
function setIntrinsicSize(svg: XastElement): void {
  const viewBox = svg.attributes['viewBox'];
  const parts = viewBox
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  if (!parts || parts.length !== 4 || parts.some((part) => !Number.isFinite(part))) {
    throw new Error('Mermaid produced an SVG without a usable viewBox.');
  }
  const [, , width = 0, height = 0] = parts;
  svg.attributes['width'] = String(Math.ceil(width));
  svg.attributes['height'] = String(Math.ceil(height));
}

const cdeCleanup: CustomPlugin = {
  name: 'cdeCleanup',
  fn: (root) => {
    const svg = elements(root).find((element) => element.name === 'svg');
    if (!svg) throw new Error('Mermaid output has no <svg> root element.');
    const type = DIAGRAM_TYPES[svg.attributes['aria-roledescription'] ?? ''] ?? 'other';

    walk(root, (element, parent) => {
      if (['style', 'title', 'desc', 'script', 'foreignObject'].includes(element.name)) removeChild(parent, element);
      // Label backgrounds Mermaid leaves without a size (inside node labels) draw nothing.
      if (element.name === 'rect' && !('width' in element.attributes) && !('height' in element.attributes)) {
        removeChild(parent, element);
      }
    });

    // Twice: removing an unused marker can leave a gradient it used unreferenced.
    for (let pass = 0; pass < 2; pass += 1) {
      const used = referencedIds(root);
      walk(root, (element, parent) => {
        if (REFERENCED_ONLY.has(element.name) && !used.has(element.attributes['id'] ?? ''))
          removeChild(parent, element);
      });
    }

    walk(root, (element) => {
      cleanAttributes(element);
      if (element.name === 'tspan') dropDefaultFontAttributes(element);
    });
    // After every attribute is clean, so word tspans compare equal; innermost first.
    const texts: XastElement[] = [];
    walk(root, (element) => {
      if (element.name === 'text' || element.name === 'tspan') texts.push(element);
    });
    for (const element of texts.reverse()) {
      mergeWordTspans(element);
      unwrapBareTspans(element);
    }

    const replaced = new Set(['id', 'style', 'class', 'width', 'height']);
    svg.attributes = Object.fromEntries(Object.entries(svg.attributes).filter(([name]) => !replaced.has(name)));
    svg.attributes['class'] = `cde-diagram cde-diagram--${type}`;
    setIntrinsicSize(svg);
  },
};

/** Mermaid SVG in, optimised theme-neutral SVG out. Pure and deterministic. */
export function optimizeDiagramSvg(svg: string): string {
  // Two runs: the clean-up reads Mermaid's own markers (aria-roledescription) and must run exactly
  // once, while SVGO's preset runs to a fixed point (multipass).
  const cleaned = optimize(svg, { plugins: [cdeCleanup] }).data;
  const { data } = optimize(cleaned, {
    multipass: true,
    floatPrecision: 2,
    plugins: [
      {
        name: 'preset-default',
        params: {
          overrides: {
            // Colours are gone, and the class names are the styling contract with diagrams.css.
            inlineStyles: false,
            minifyStyles: false,
            // The figure transform prefixes ids per figure; keep them short but present.
            cleanupIds: { minify: true },
            // Mermaid draws each label in a <g transform>; moving transforms around saves little.
            moveGroupAttrsToElems: false,
            // diagrams.css selects by class, but shapes stay what they are for readers of the source.
            convertShapeToPath: false,
          },
        },
      },
      'removeXlink',
    ],
  });
  return data;
}
