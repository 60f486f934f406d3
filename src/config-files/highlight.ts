/**
 * Build-time syntax highlighting for <ConfigFile>, with Shiki. The browser
 * receives plain HTML: each token's light and dark colours (dual themes, no
 * default colour) become a palette class (src/plugins/shiki-token-classes.ts),
 * whose rule in the site's stylesheet picks one with light-dark(), following
 * the theme.
 */
import type { Element, ElementContent } from 'hast';
import { codeToHtml, type ShikiTransformer } from 'shiki';
import { shikiTokenClasses } from '../plugins/shiki-token-classes.ts';
import { CODE_THEMES } from '../plugins/code-token-palette.ts';
import type { Excerpt } from './excerpt.ts';

function note(text: string): Element {
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['cde-config__note'] },
    children: [{ type: 'text', value: text }],
  };
}

/**
 * Numbers every line with its number in the real file (data-line, shown by
 * CSS so it is never copied), marks highlighted lines, and puts each
 * annotation in a block right under its line.
 */
function excerptTransformer(excerpt: Excerpt): ShikiTransformer {
  return {
    name: 'cde-config-excerpt',
    pre(node) {
      this.addClassToHast(node, 'cde-config__code');
      // The excerpt scrolls sideways on narrow screens; make it reachable by keyboard.
      node.properties.tabindex = 0;
    },
    line(node, index) {
      const line = excerpt.lines[index - 1];
      if (!line) return;
      node.properties['data-line'] = String(line.number);
      if (line.highlighted) this.addClassToHast(node, 'cde-config__hl');
      if (line.annotation) this.addClassToHast(node, 'cde-config__annotated');
    },
    code(node) {
      // Shiki separates lines with "\n" text nodes. After an annotated line,
      // the note block takes the place of that newline.
      const children: ElementContent[] = [];
      let lineIndex = 0;
      for (let i = 0; i < node.children.length; i++) {
        const child = node.children[i];
        if (!child) continue;
        children.push(child);
        if (child.type === 'element' && child.tagName === 'span') {
          const annotation = excerpt.lines[lineIndex]?.annotation;
          lineIndex++;
          if (annotation) {
            children.push(note(annotation));
            const next = node.children[i + 1];
            if (next?.type === 'text' && next.value === '\n') i++;
          }
        }
      }
      node.children = children;
    },
  };
}

/** Highlights the excerpt's lines and returns the `<pre>` HTML. */
export async function highlightExcerpt(excerpt: Excerpt, lang: string): Promise<string> {
  return codeToHtml(excerpt.text.replace(/\n$/, ''), {
    lang,
    // The same pair of themes as Markdown code blocks (astro.config.mjs).
    themes: CODE_THEMES,
    defaultColor: false,
    transformers: [excerptTransformer(excerpt), shikiTokenClasses()],
  });
}
