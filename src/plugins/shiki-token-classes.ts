import type { Element, ElementContent } from 'hast';
import type { ShikiTransformer } from 'shiki';
import {
  CODE_FONT_CLASSES,
  CODE_MIXED_CLASS,
  CODE_TEXT_COLOUR,
  CODE_TOKEN_PALETTE,
  CODE_UNSELECTABLE_CLASS,
  type ColourPair,
} from './code-token-palette.ts';

export interface TokenClassOptions {
  /** Class name → the colour pair it stands for. */
  palette: Readonly<Record<string, ColourPair>>;
  /** The colour of plain text, which the `<pre>` already has: tokens of it get no class. */
  text: ColourPair;
  /** Class name → the font declaration it stands for. */
  fonts: Readonly<Record<string, { property: string; value: string }>>;
}

const SITE_OPTIONS: TokenClassOptions = {
  palette: CODE_TOKEN_PALETTE,
  text: CODE_TEXT_COLOUR,
  fonts: CODE_FONT_CLASSES,
};

/** `--shiki-light:#A0111F;--shiki-dark:#FF9492` → Map { '--shiki-light' → '#a0111f', … }. */
function declarations(style: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon === -1) continue;
    result.set(
      declaration.slice(0, colon).trim().toLowerCase(),
      declaration
        .slice(colon + 1)
        .trim()
        .toLowerCase(),
    );
  }
  return result;
}

/** The short name (`navy`, or `text`) of a colour of one theme's palette; throws for a colour it lacks. */
function colourName(theme: keyof ColourPair, colour: string, options: TokenClassOptions): string {
  if (options.text[theme] === colour) return 'text';
  const key = Object.keys(options.palette).find((candidate) => options.palette[candidate]?.[theme] === colour);
  if (key === undefined) {
    throw new Error(
      `No class for the ${theme} code colour ${colour}: add a pair with it to CODE_TOKEN_PALETTE in ` +
        'src/plugins/code-token-palette.ts and its rules to src/styles/global.css.',
    );
  }
  return key.replace(/^cde-t-/, '');
}

/**
 * The classes for one token's style attribute, as Shiki's dual themes write it
 * (`defaultColor: false`): `--shiki-light`/`--shiki-dark` colours, and font styles as
 * `--shiki-light-font-style`/`--shiki-dark-font-style` and the like. Throws on anything else,
 * since a style without a class would silently lose its colour.
 */
export function tokenClasses(style: string, options: TokenClassOptions = SITE_OPTIONS): string[] {
  const found = declarations(style);
  const light = found.get('--shiki-light');
  const dark = found.get('--shiki-dark');
  found.delete('--shiki-light');
  found.delete('--shiki-dark');
  if (light === undefined || dark === undefined) {
    throw new Error(`Code token style "${style}" lacks a light or a dark colour (Shiki dual themes write both).`);
  }
  const classes: string[] = [];
  if (light !== options.text.light || dark !== options.text.dark) {
    const name = Object.keys(options.palette).find(
      (key) => options.palette[key]?.light === light && options.palette[key]?.dark === dark,
    );
    if (name !== undefined) classes.push(name);
    else
      classes.push(
        CODE_MIXED_CLASS,
        `cde-tl-${colourName('light', light, options)}`,
        `cde-td-${colourName('dark', dark, options)}`,
      );
  }
  for (const [name, font] of Object.entries(options.fonts)) {
    const inLight = found.get(`--shiki-light-${font.property}`);
    const inDark = found.get(`--shiki-dark-${font.property}`);
    if (inLight !== font.value && inDark !== font.value) continue;
    if (inLight !== inDark) {
      throw new Error(
        `Code token style "${style}": the themes disagree on ${font.property}, which one class cannot follow.`,
      );
    }
    found.delete(`--shiki-light-${font.property}`);
    found.delete(`--shiki-dark-${font.property}`);
    classes.push(name);
  }
  const [unknown] = found.keys();
  if (unknown !== undefined) {
    throw new Error(`No class for "${unknown}" in the code token style "${style}".`);
  }
  return classes;
}

/** The style Astro's own line transformer (which runs first) puts on the +/- of a diff line. */
const ASTRO_DIFF_MARK_STYLE = 'user-select: none;';

/** A token span with no attributes left is only its text. */
function isBare(node: ElementContent): node is Element {
  return node.type === 'element' && node.tagName === 'span' && Object.keys(node.properties).length === 0;
}

/**
 * A Shiki transformer that replaces the style attributes of highlighted code with classes: each
 * token's colour pair becomes a palette class (`cde-t-green`; a pair the palette lacks, one class
 * per theme: `cde-t-mixed cde-tl-navy cde-td-blue`), a token in the plain text colour
 * becomes bare text, and the `<pre>` loses its colours and `overflow-x` (the site's CSS sets all
 * three for every code block). Then pages carry no style attribute for code, their Content Security
 * Policy needs no hash for one, and the colours follow the theme through the CSS's `light-dark()`.
 * Put it after any transformer that reads or adds token styles.
 */
export function shikiTokenClasses(options: TokenClassOptions = SITE_OPTIONS): ShikiTransformer {
  return {
    name: 'cde-token-classes',
    span(node) {
      const style = node.properties['style'];
      if (typeof style !== 'string') return;
      delete node.properties['style'];
      let classes: string[];
      try {
        classes = tokenClasses(style, options);
      } catch (error) {
        // Name the token too: the author can then find the code block that needs a new class.
        const text = node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
        throw new Error(`${(error as Error).message} The token: "${text}".`, { cause: error });
      }
      for (const name of classes) this.addClassToHast(node, name);
    },
    line(node) {
      for (const child of node.children) {
        if (child.type === 'element' && child.properties['style'] === ASTRO_DIFF_MARK_STYLE) {
          delete child.properties['style'];
          this.addClassToHast(child, CODE_UNSELECTABLE_CLASS);
        }
      }
      node.children = node.children.flatMap((child) => (isBare(child) ? child.children : [child]));
    },
    pre(node) {
      delete node.properties['style'];
    },
  };
}
