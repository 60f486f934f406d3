import type { Root } from 'hast';

/**
 * Typographic punctuation in prose: straight quotes become curly (“ ” ‘ ’, apostrophes ’), `--` an
 * em dash, `...` an ellipsis, ``` `` ``` and `''` double quotes. It follows the rules of
 * SmartyPants as retext-smartypants applies them (Astro's default), which this replaces because
 * it parses every document into natural-language sentences twice: about a tenth of an article's
 * build time. Code, preformatted text, scripts, styles and SVG are left exactly as written; their
 * text still counts as context, so the quote after `` `name` `` in "`name`'s" closes.
 */
export function rehypeSmartPunctuation() {
  return (tree: Root): void => {
    smartenPunctuation(tree);
  };
}

/** Elements whose text is never changed (it is code, or not prose). */
const VERBATIM = new Set(['code', 'kbd', 'samp', 'var', 'pre', 'script', 'style', 'svg', 'math', 'textarea']);
/** Elements that are not even context: their text does not sit beside the prose around them. */
const APART = new Set(['pre', 'script', 'style', 'svg', 'math', 'textarea']);
/** Phrasing elements: text on either side of them belongs to the same run of prose. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
]);

/** The parts of a hast node this reads; MDX adds node types hast's own types do not list. */
interface TreeNode {
  type: string;
  tagName?: string;
  value?: string;
  children?: TreeNode[];
}

interface Segment {
  node: { value: string };
  verbatim: boolean;
}

/** The transform itself, exported so tests can call it on a tree directly. */
export function smartenPunctuation(tree: Root): void {
  let run: Segment[] = [];
  const flush = (): void => {
    if (run.length > 0) smartenRun(run);
    run = [];
  };
  const walk = (node: TreeNode, verbatim: boolean): void => {
    if (node.type === 'text' && typeof node.value === 'string') {
      run.push({ node: node as { value: string }, verbatim });
      return;
    }
    if (node.type === 'element' && node.tagName !== undefined) {
      if (APART.has(node.tagName)) return flush();
      const block = !INLINE.has(node.tagName);
      if (block) flush();
      for (const child of node.children ?? []) walk(child, verbatim || VERBATIM.has(node.tagName));
      if (block) flush();
      return;
    }
    // MDX's JSX elements: `<Term>` inside a sentence, `<Aside>` or `<details>` around blocks.
    // Expressions and ESM have no prose.
    if (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement' || node.type === 'root') {
      const block = node.type !== 'mdxJsxTextElement';
      if (block) flush();
      for (const child of node.children ?? []) walk(child, verbatim);
      if (block) flush();
    }
  };
  walk(tree as TreeNode, false);
  flush();
}

const isWord = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{N}\p{M}]/u.test(char);
const isSpace = (char: string | undefined): boolean => char !== undefined && /\s/.test(char);
const isQuote = (char: string | undefined): boolean => char === '"' || char === "'";

const OPEN = { '"': '“', "'": '‘' } as const;
const CLOSE = { '"': '”', "'": '’' } as const;

/** What SmartyPants may change; a run without any of these is left as it is. */
const CANDIDATE = /["'`]|--|\.\.\./g;

/** Smartens one run of prose, spread over several text nodes; verbatim nodes are only read. */
function smartenRun(run: Segment[]): void {
  const text = run.map((segment) => segment.node.value).join('');
  // Where each segment starts in `text`, and its edits: [offset in text, characters replaced, new text].
  const starts: number[] = [];
  let offset = 0;
  for (const segment of run) {
    starts.push(offset);
    offset += segment.node.value.length;
  }
  const segmentAt = (position: number): number => {
    let index = starts.length - 1;
    while (index > 0 && (starts[index] as number) > position) index--;
    return index;
  };
  const edits = new Map<number, [number, number, string][]>();
  const forcedOpen = new Set<number>();
  for (const match of text.matchAll(CANDIDATE)) {
    const i = match.index;
    const found = match[0];
    const segment = segmentAt(i);
    // Not inside code, and not straddling two text nodes.
    if (run[segment]?.verbatim || segmentAt(i + found.length - 1) !== segment) continue;
    let replacement: string | undefined;
    let length = found.length;
    if (found === '--') {
      if (text[i + 2] !== '-' && text[i - 1] !== '-') replacement = '—';
    } else if (found === '...') {
      if (text[i + 3] !== '.' && text[i - 1] !== '.') replacement = '…';
    } else if ((found === '`' || found === "'") && text[i + 1] === found && segmentAt(i + 1) === segment) {
      // ``Backticks'' quotes.
      replacement = found === '`' ? '“' : '”';
      length = 2;
    } else if (found !== '`') {
      replacement = quote(text, i, forcedOpen);
    }
    if (replacement === undefined) continue;
    const list = edits.get(segment) ?? [];
    list.push([i, length, replacement]);
    edits.set(segment, list);
  }
  for (const [segment, list] of edits) {
    const node = (run[segment] as Segment).node;
    const start = starts[segment] as number;
    let value = '';
    let from = 0;
    for (const [at, length, replacement] of list) {
      if (at - start < from) continue; // Already consumed by the previous edit ('' or ``).
      value += node.value.slice(from, at - start) + replacement;
      from = at - start + length;
    }
    node.value = value + node.value.slice(from);
  }
}

/** The curly form of the quote at `text[i]`, by SmartyPants' rules on its neighbours. */
function quote(text: string, i: number, forcedOpen: Set<number>): string {
  const value = text[i] as '"' | "'";
  if (forcedOpen.has(i)) return OPEN[value];
  const previous = text[i - 1];
  const next = text[i + 1];
  // The character after the punctuation run that follows, as retext sees the next token.
  let after = i + 1;
  while (after < text.length && text[after] === next && !isWord(next) && !isSpace(next)) after++;
  const nextNext = text[after];
  const nextIsMark = next !== undefined && !isWord(next) && !isSpace(next);
  if (nextIsMark && !isWord(nextNext)) return CLOSE[value];
  if (isQuote(next) && isWord(text[i + 2])) {
    // A quote inside a quote: `"'Quoted' words in a larger quote."`
    forcedOpen.add(i + 1);
    return OPEN[value];
  }
  // Decades: `the '80s`.
  if (/^\d\ds$/.test(text.slice(i + 1, i + 4)) && !isWord(text[i + 4])) return CLOSE[value];
  if (previous !== undefined && !isWord(previous) && isWord(next)) return OPEN[value];
  if (isWord(previous)) return CLOSE[value];
  if (next === undefined || isSpace(next) || (value === "'" && next === 's' && !isWord(text[i + 2]))) {
    return CLOSE[value];
  }
  return OPEN[value];
}
