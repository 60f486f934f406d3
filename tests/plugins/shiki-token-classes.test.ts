import { codeToHtml, type ShikiTransformer } from 'shiki';
import { describe, expect, it } from 'vitest';
import { CODE_THEMES } from '../../src/plugins/code-token-palette.ts';
import { shikiTokenClasses, tokenClasses } from '../../src/plugins/shiki-token-classes.ts';

/** Highlights like the site does: the site's dual themes, no default colour, then the transformer. */
const highlight = (code: string, lang: string): Promise<string> =>
  codeToHtml(code, { lang, themes: CODE_THEMES, defaultColor: false, transformers: [shikiTokenClasses()] });

const yamlKeyValue = 'ttl: 30';
const yamlComment = '# lock lifetime';
const markdownEmphasis = '*slow*';

describe('shikiTokenClasses', () => {
  it('turns a key and a value into palette classes, and plain text into bare text', async () => {
    expect(await highlight(yamlKeyValue, 'yaml')).toContain(
      '<span class="line"><span class="cde-t-green">ttl</span>: <span class="cde-t-blue">30</span></span>',
    );
  });

  it('gives a comment its class', async () => {
    expect(await highlight(yamlComment, 'yaml')).toContain('<span class="cde-t-grey"># lock lifetime</span>');
  });

  it('leaves no style attribute, on tokens or on the <pre>', async () => {
    const html = await highlight(`${yamlComment}\n${yamlKeyValue}`, 'yaml');
    expect(html).not.toContain('style=');
    expect(html).toMatch(
      /^<pre class="shiki shiki-themes github-light-high-contrast github-dark-high-contrast" tabindex="0">/,
    );
  });

  it('adds a class for a font style both themes set', async () => {
    expect(await highlight(markdownEmphasis, 'md')).toContain('<span class="cde-t-italic">*slow*</span>');
  });

  it('turns the unselectable diff mark Astro adds into a class', async () => {
    // Stands in for Astro's own line transformer, which runs before the site's.
    const astroDiffMark: ShikiTransformer = {
      line(node) {
        node.children.unshift({
          type: 'element',
          tagName: 'span',
          properties: { style: 'user-select: none;' },
          children: [{ type: 'text', value: '+' }],
        });
      },
    };
    const html = await codeToHtml(yamlKeyValue, {
      lang: 'yaml',
      themes: CODE_THEMES,
      defaultColor: false,
      transformers: [astroDiffMark, shikiTokenClasses()],
    });
    expect(html).toContain(
      '<span class="line"><span class="cde-t-unselectable">+</span><span class="cde-t-green">ttl</span>',
    );
  });
});

describe('tokenClasses', () => {
  it('names a colour pair whatever the case of its hex digits', () => {
    expect(tokenClasses('--shiki-light:#A0111F;--shiki-dark:#FF9492')).toEqual(['cde-t-red']);
  });

  it('gives the plain text colour no class', () => {
    expect(tokenClasses('--shiki-light:#0E1116;--shiki-dark:#F0F3F6')).toEqual([]);
  });

  it('gives a pair the palette does not hold, of colours it does, one class per theme', () => {
    expect(tokenClasses('--shiki-light:#032563;--shiki-dark:#91CBFF')).toEqual([
      'cde-t-mixed',
      'cde-tl-navy',
      'cde-td-blue',
    ]);
    expect(tokenClasses('--shiki-light:#0E1116;--shiki-dark:#72F088')).toEqual([
      'cde-t-mixed',
      'cde-tl-text',
      'cde-td-green',
    ]);
  });

  it('fails on a colour outside the palette, naming where to add it', () => {
    expect(() => tokenClasses('--shiki-light:#032563;--shiki-dark:#abcdef')).toThrow(
      'No class for the dark code colour #abcdef: add a pair with it to CODE_TOKEN_PALETTE in ' +
        'src/plugins/code-token-palette.ts and its rules to src/styles/global.css.',
    );
  });

  it('fails on a token with only one theme colour', () => {
    expect(() => tokenClasses('--shiki-light:#A0111F')).toThrow(
      'Code token style "--shiki-light:#A0111F" lacks a light or a dark colour (Shiki dual themes write both).',
    );
  });

  it('fails when the themes disagree on a font style', () => {
    expect(() => tokenClasses('--shiki-light:#0E1116;--shiki-light-font-style:italic;--shiki-dark:#F0F3F6')).toThrow(
      'Code token style "--shiki-light:#0E1116;--shiki-light-font-style:italic;--shiki-dark:#F0F3F6": ' +
        'the themes disagree on font-style, which one class cannot follow.',
    );
  });

  it('fails on a declaration it has no class for', () => {
    expect(() => tokenClasses('--shiki-light:#0E1116;--shiki-dark:#F0F3F6;opacity:0.5')).toThrow(
      'No class for "opacity" in the code token style "--shiki-light:#0E1116;--shiki-dark:#F0F3F6;opacity:0.5".',
    );
  });
});
