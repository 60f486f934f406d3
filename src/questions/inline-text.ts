import type { Element, ElementContent, Root } from 'hast';
import { smartenPunctuation } from '../plugins/rehype-smart-punctuation.ts';

/** A piece of a question or answer: prose, or inline code written between backticks. */
export interface InlinePart {
  code: boolean;
  text: string;
}

/**
 * Splits a question or an answer of content/questions.yaml into prose and `code` (between
 * single backticks), with the site's typographic punctuation in the prose as in articles (curly
 * quotes, dashes), and the code exactly as written. An unpaired backtick stays as it is.
 */
export function inlineParts(text: string): InlinePart[] {
  const pieces = text.split('`');
  // An even number of pieces means an odd number of backticks: the last one is unpaired.
  const paired = pieces.length % 2 === 1 ? pieces : [...pieces.slice(0, -2), `${pieces.at(-2)}\`${pieces.at(-1)}`];
  const children: ElementContent[] = paired.map((text, index) =>
    index % 2 === 1
      ? ({ type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value: text }] } as Element)
      : { type: 'text', value: text },
  );
  const tree: Root = { type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children }] };
  smartenPunctuation(tree);
  return children
    .map((child) =>
      child.type === 'text'
        ? { code: false, text: child.value }
        : {
            code: true,
            text: (child as Element).children.map((node) => (node.type === 'text' ? node.value : '')).join(''),
          },
    )
    .filter((part) => part.text !== '');
}
