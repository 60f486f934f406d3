/**
 * Checks that every image and figure of a page has a text alternative:
 * - `<img>`, `<input type=image>` and `<area>` have an `alt`; an empty `alt` is allowed only when
 *   the image is marked decorative (`role="presentation"`/`"none"` or `aria-hidden="true"`);
 * - `<svg>` is decorative (`aria-hidden="true"`, or inside an element that is) or is an image
 *   with a name: `role="img"` and a non-empty `<title>`, `aria-label` or `aria-labelledby`;
 * - `<figure>` has a non-empty `<figcaption>`;
 * - elements with `role="img"` have a name.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';

export interface MissingAlternative {
  /** A short description of the element: `<img src="/a.png">`, `<figure id="fig-x">`. */
  element: string;
  reason: string;
}

function describe(element: Element): string {
  const keys = ['id', 'src', 'href', 'className'];
  const attributes = keys
    .map((key) => {
      const value = element.properties[key];
      if (value === undefined || value === null) return '';
      const text = Array.isArray(value) ? value.join(' ') : String(value);
      return ` ${key === 'className' ? 'class' : key}="${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
    })
    .join('');
  return `<${element.tagName}${attributes}>`;
}

function attribute(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  if (Array.isArray(value)) return value.join(' ');
  return value === undefined || value === null ? undefined : String(value);
}

/**
 * Every element of the tree, with whether assistive technology skips it: inside `aria-hidden`,
 * or inside a `role="img"` element, whose children are presentational (an SVG's shapes and labels).
 */
function* elements(root: Root | Element, hidden = false): Generator<{ element: Element; hidden: boolean }> {
  for (const child of root.children) {
    if (child.type !== 'element') continue;
    const own = hidden || attribute(child, 'ariaHidden') === 'true';
    yield { element: child, hidden: own };
    yield* elements(child, own || attribute(child, 'role') === 'img');
  }
}

/** The text of the elements `aria-labelledby` names (ids separated by spaces). */
function labelledByText(value: string | undefined, byId: Map<string, Element>): string {
  if (!value) return '';
  return value
    .split(/\s+/)
    .map((id) => {
      const target = byId.get(id);
      return target ? toString(target) : '';
    })
    .join(' ')
    .trim();
}

/** The accessible name an element gets from ARIA attributes or, for an SVG, its `<title>`. */
function accessibleName(element: Element, byId: Map<string, Element>): string {
  const labelledBy = labelledByText(attribute(element, 'ariaLabelledBy'), byId);
  if (labelledBy) return labelledBy;
  const label = attribute(element, 'ariaLabel')?.trim();
  if (label) return label;
  if (element.tagName === 'svg') {
    const title = element.children.find(
      (child): child is Element => child.type === 'element' && child.tagName === 'title',
    );
    if (title) return toString(title).trim();
  }
  return '';
}

const DECORATIVE_ROLES = new Set(['presentation', 'none']);

/** The images and figures of one HTML page that lack a text alternative. */
export function findMissingAlternatives(html: string): MissingAlternative[] {
  const tree = fromHtml(html);
  const byId = new Map<string, Element>();
  for (const { element } of elements(tree)) {
    const id = element.properties['id'];
    if (typeof id === 'string') byId.set(id, element);
  }
  const missing: MissingAlternative[] = [];
  for (const { element, hidden } of elements(tree)) {
    const tag = element.tagName;
    const role = attribute(element, 'role');
    const decorative = hidden || (role !== undefined && DECORATIVE_ROLES.has(role));
    if (tag === 'img' || tag === 'area' || (tag === 'input' && attribute(element, 'type') === 'image')) {
      const alt = attribute(element, 'alt');
      if (alt === undefined) missing.push({ element: describe(element), reason: 'has no alt attribute' });
      else if (alt.trim() === '' && !decorative && !accessibleName(element, byId)) {
        missing.push({
          element: describe(element),
          reason: 'has an empty alt but is not marked decorative (role="presentation" or aria-hidden="true")',
        });
      }
    } else if (tag === 'svg') {
      if (hidden) continue;
      if (role !== 'img') {
        missing.push({
          element: describe(element),
          reason: 'is neither decorative (aria-hidden="true") nor an image (role="img" with a title or label)',
        });
      } else if (!accessibleName(element, byId)) {
        missing.push({
          element: describe(element),
          reason: 'has role="img" but no <title>, aria-label or aria-labelledby text',
        });
      }
    } else if (role === 'img' && !hidden && !accessibleName(element, byId)) {
      missing.push({ element: describe(element), reason: 'has role="img" but no aria-label or aria-labelledby text' });
    }
    if (tag === 'figure') {
      const caption = element.children.find(
        (child): child is Element => child.type === 'element' && child.tagName === 'figcaption',
      );
      if (!caption) missing.push({ element: describe(element), reason: 'has no <figcaption>' });
      else if (!toString(caption).trim())
        missing.push({ element: describe(element), reason: 'has an empty <figcaption>' });
    }
  }
  return missing;
}
