/**
 * The colours of highlighted code, as classes rather than inline styles: style attributes would
 * need a hash in the Content Security Policy and weigh on every page.
 *
 * Shiki's dual themes give every token a light and a dark colour. Written as a `style` attribute
 * per token, they cost bytes on every token and a Content Security Policy hash (with
 * 'unsafe-hashes') for every distinct pair. The two themes below use a small palette, so each pair
 * gets a class instead (`src/plugins/shiki-token-classes.ts`), and `src/styles/global.css` holds
 * one rule per class; `tests/lib/code-token-palette.test.ts` checks the two agree.
 */

/** Markdown code blocks (astro.config.mjs) and <ConfigFile> use this pair: GitHub's high-contrast themes pass WCAG AA on every token. */
export const CODE_THEMES = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } as const;

export interface ColourPair {
  light: string;
  dark: string;
}

/**
 * The themes' plain text colour: tokens of this colour get no class (and no element), since they
 * inherit it from the `<pre>`.
 */
export const CODE_TEXT_COLOUR: ColourPair = { light: '#0e1116', dark: '#f0f3f6' };

/**
 * Every other colour pair the two themes give tokens (found by highlighting YAML, shell, SQL,
 * TypeScript, Python, JSON, INI, TOML, Go, HTML, CSS, Markdown and diff), keyed by class name.
 * Colours are lower case.
 */
export const CODE_TOKEN_PALETTE: Readonly<Record<string, ColourPair>> = {
  'cde-t-grey': { light: '#66707b', dark: '#bdc4cc' },
  'cde-t-green': { light: '#024c1a', dark: '#72f088' },
  'cde-t-navy': { light: '#032563', dark: '#addcff' },
  'cde-t-blue': { light: '#023b95', dark: '#91cbff' },
  'cde-t-red': { light: '#a0111f', dark: '#ff9492' },
  'cde-t-maroon': { light: '#6e011a', dark: '#ffb1af' },
  'cde-t-orange': { light: '#702c00', dark: '#ffb757' },
  'cde-t-purple': { light: '#622cbc', dark: '#dbb7ff' },
};

/**
 * A token whose light and dark colours come from different palette pairs (the two themes do not
 * always colour the same scopes alike) gets this class plus one class per theme:
 * `cde-tl-<name>` for its light colour and `cde-td-<name>` for its dark one, where `<name>` is the
 * palette pair's name (`navy` for `cde-t-navy`) or `text` for the plain text colour.
 */
export const CODE_MIXED_CLASS = 'cde-t-mixed';

/** Font styles the themes set on some tokens (Markdown emphasis, diff headers), keyed by class name. */
export const CODE_FONT_CLASSES: Readonly<Record<string, { property: string; value: string }>> = {
  'cde-t-italic': { property: 'font-style', value: 'italic' },
  'cde-t-bold': { property: 'font-weight', value: 'bold' },
  'cde-t-underline': { property: 'text-decoration', value: 'underline' },
};

/**
 * Astro's Markdown highlighter marks the `+`/`-` of each diff line unselectable with a style
 * attribute of its own (`user-select: none;`); it becomes this class.
 */
export const CODE_UNSELECTABLE_CLASS = 'cde-t-unselectable';
