/**
 * The standalone SVG file of a figure (`/diagrams/<fig-id>.svg`): the same drawing as the inline
 * figure, with the light palette of `src/styles/diagrams.css` inlined as a <style> whose custom
 * properties are resolved to plain colours (the light half of each light-dark() pair), so it renders
 * the same in a browser, an editor or another document.
 */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import postcss, { type AtRule, type Container, type Rule } from 'postcss';
import { accessibleSvg } from './figure.ts';

/** The rule of diagrams.css that holds the light palette. */
const PALETTE_SELECTOR = '.cde-figure';

function isDarkOrPrintAtRule(node: AtRule): boolean {
  return node.name === 'media';
}

/** `light-dark(#fff, #000)` → `#fff`; any other value stays as it is. */
export function lightValue(value: string): string {
  return /^light-dark\(\s*([^,()]+?)\s*,[^()]*\)$/.exec(value.trim())?.[1] ?? value;
}

/** Custom properties declared directly in the palette rule, with their light values. */
function lightPalette(root: Container): Map<string, string> {
  const palette = new Map<string, string>();
  root.walkRules((rule) => {
    if (rule.selector !== PALETTE_SELECTOR) return;
    if (rule.parent?.type === 'atrule' && isDarkOrPrintAtRule(rule.parent as AtRule)) return;
    rule.walkDecls(/^--cde-diagram-/, (declaration) => {
      palette.set(declaration.prop, lightValue(declaration.value));
    });
  });
  return palette;
}

function resolveVariables(value: string, palette: ReadonlyMap<string, string>): string {
  return value.replace(/var\((--[\w-]+)\)/g, (_match, name: string) => {
    const resolved = palette.get(name);
    if (resolved === undefined) throw new Error(`diagrams.css uses ${name}, which the light palette does not define.`);
    return resolved;
  });
}

/**
 * The CSS of a standalone diagram: the `.cde-diagram …` rules outside any @media block (so the light
 * theme, not dark or print), with var(--cde-diagram-*) replaced by the light palette's values.
 */
export function standaloneCss(diagramsCss: string): string {
  const root = postcss.parse(diagramsCss);
  const palette = lightPalette(root);
  const rules: string[] = [];
  root.walkRules((rule: Rule) => {
    let ancestor = rule.parent;
    while (ancestor && ancestor.type !== 'root') {
      if (ancestor.type === 'atrule' && isDarkOrPrintAtRule(ancestor as AtRule)) return;
      ancestor = ancestor.parent;
    }
    const selectors = rule.selectors.filter((selector) => selector.startsWith('.cde-diagram'));
    if (selectors.length === 0) return;
    const declarations: string[] = [];
    rule.walkDecls((declaration) => {
      if (declaration.prop.startsWith('--')) return;
      declarations.push(`${declaration.prop}:${resolveVariables(declaration.value, palette)}`);
    });
    if (declarations.length > 0) rules.push(`${selectors.join(',')}{${declarations.join(';')}}`);
  });
  const canvas = palette.get('--cde-diagram-canvas');
  if (canvas) rules.unshift(`.cde-diagram{background-color:${canvas}}`);
  return rules.join('');
}

export interface StandaloneInput {
  id: string;
  title: string;
  description: string;
  svg: string;
  css: string;
}

/** The complete standalone SVG document. */
export function standaloneSvg(input: StandaloneInput): string {
  const svg: Element = accessibleSvg(input);
  svg.properties['xmlns'] = 'http://www.w3.org/2000/svg';
  svg.children.splice(2, 0, h('style', input.css));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${toHtml(svg, { space: 'svg', closeEmptyElements: true })}\n`;
}
