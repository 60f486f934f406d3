import { readFileSync } from 'node:fs';
import postcss, { type Rule } from 'postcss';
import { describe, expect, it } from 'vitest';
import {
  CODE_FONT_CLASSES,
  CODE_MIXED_CLASS,
  CODE_TEXT_COLOUR,
  CODE_TOKEN_PALETTE,
  CODE_UNSELECTABLE_CLASS,
} from '../../src/plugins/code-token-palette.ts';

/** Selector → its declarations (`color` → `light-dark(…)`), for every rule of global.css. */
function rulesOf(css: string): Map<string, Map<string, string>> {
  const rules = new Map<string, Map<string, string>>();
  postcss.parse(css).walkRules((rule: Rule) => {
    const declarations = new Map<string, string>();
    rule.walkDecls((declaration) => {
      declarations.set(declaration.prop, declaration.value);
    });
    for (const selector of rule.selectors) rules.set(selector, declarations);
  });
  return rules;
}

const rules = rulesOf(readFileSync(new URL('../../src/styles/global.css', import.meta.url), 'utf8'));
const tokenSelectors = [...rules.keys()].filter((selector) => /^\.cde-t[ld]?-/.test(selector));
const colourNames = {
  text: CODE_TEXT_COLOUR,
  ...Object.fromEntries(Object.entries(CODE_TOKEN_PALETTE).map(([name, pair]) => [name.replace(/^cde-t-/, ''), pair])),
};

describe('the code token palette and global.css', () => {
  it('has one rule per palette class, with its light and dark colours', () => {
    for (const [name, pair] of Object.entries(CODE_TOKEN_PALETTE)) {
      expect(rules.get(`.${name}`)?.get('color'), name).toBe(`light-dark(${pair.light}, ${pair.dark})`);
    }
  });

  it('has a light and a dark rule per colour, for tokens the themes colour from different pairs', () => {
    expect(rules.get(`.${CODE_MIXED_CLASS}`)?.get('color')).toBe(
      'light-dark(var(--cde-code-light), var(--cde-code-dark))',
    );
    for (const [name, pair] of Object.entries(colourNames)) {
      expect(rules.get(`.cde-tl-${name}`)?.get('--cde-code-light'), name).toBe(pair.light);
      expect(rules.get(`.cde-td-${name}`)?.get('--cde-code-dark'), name).toBe(pair.dark);
    }
  });

  it('has one rule per font class', () => {
    for (const [name, font] of Object.entries(CODE_FONT_CLASSES)) {
      expect(rules.get(`.${name}`)?.get(font.property), name).toBe(font.value);
    }
  });

  it('makes the diff marks unselectable', () => {
    expect(rules.get(`.${CODE_UNSELECTABLE_CLASS}`)?.get('user-select')).toBe('none');
  });

  it('styles no token class the palette does not define', () => {
    const defined = [
      ...Object.keys(CODE_TOKEN_PALETTE),
      ...Object.keys(CODE_FONT_CLASSES),
      CODE_UNSELECTABLE_CLASS,
      CODE_MIXED_CLASS,
      ...Object.keys(colourNames).flatMap((name) => [`cde-tl-${name}`, `cde-td-${name}`]),
    ].map((name) => `.${name}`);
    expect(tokenSelectors.filter((selector) => !defined.includes(selector))).toEqual([]);
  });

  it('gives highlighted code blocks the plain text colour', () => {
    const text = `light-dark(${CODE_TEXT_COLOUR.light}, ${CODE_TEXT_COLOUR.dark})`;
    expect(rules.get('pre.shiki')?.get('color')).toBe(text);
    expect(rules.get('pre.astro-code')?.get('color')).toBe(text);
  });
});
