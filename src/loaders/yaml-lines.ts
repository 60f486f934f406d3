/**
 * Where a value sits in a YAML text, so that a message about the value can name its line. Pure;
 * used for the articles' frontmatter and the glossary file.
 */
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';

export interface LocatedYaml {
  readonly text: string;
  readonly document: Document.Parsed;
  readonly lines: LineCounter;
}

/** Parses YAML (1.2 core schema: `2026-13-45` stays text, nothing is turned into a date) with positions. */
export function parseLocated(text: string): LocatedYaml {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  return { text, document, lines };
}

/** The first syntax error as `{ line, column, reason }` (1-based, within the YAML text), if any. */
export function firstYamlError(located: LocatedYaml): { line: number; column: number; reason: string } | undefined {
  const error = located.document.errors[0];
  if (!error) return undefined;
  const { line, col } = located.lines.linePos(error.pos[0]);
  // YAML notices an unclosed [ or { only where the next line starts: name the line that opened it.
  const closer = /end with an? ([\]}])/.exec(error.message)?.[1];
  if (closer) {
    const opener = closer === ']' ? '[' : '{';
    const before = located.text.split('\n').slice(0, line - 1);
    const opened = before.findLastIndex((text) => text.lastIndexOf(opener) > text.lastIndexOf(closer));
    if (opened >= 0) {
      const column = (before[opened] ?? '').lastIndexOf(opener) + 1;
      return {
        line: opened + 1,
        column,
        reason: `this "${opener}" is not closed on its line. Fix: end the list with "${closer}" on the same line, or quote the text if the "${opener}" is part of it`,
      };
    }
  }
  return { line, column: col, reason: describeYamlError(error.code, error.message) };
}

/** YAML's reasons in an author's words, with what usually causes them. */
function describeYamlError(code: string, message: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'a key appears twice in the same mapping. Fix: keep one of them';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return `${firstSentence(message)}. Fix: check the indentation, and quote text that contains ": " or " #" or starts with a quote, bracket, "*", "&", "!" or "%"`;
    default:
      return `${firstSentence(message)}. Fix: check the line against the YAML examples in docs/AUTHORING.md`;
  }
}

function firstSentence(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}

/**
 * The 1-based line (within the YAML text) of the value at `path`, or of its nearest present
 * parent when the value is missing; with `key`, the line of that key inside the mapping at `path`.
 */
export function lineOfPath(located: LocatedYaml, path: readonly PropertyKey[], key?: string): number {
  const { document, lines } = located;
  for (let depth = path.length; depth >= 0; depth--) {
    const node: unknown = depth === 0 ? document.contents : document.getIn(path.slice(0, depth) as unknown[], true);
    if (!isNode(node) || !node.range) continue;
    if (key !== undefined && depth === path.length && isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
      const keyNode = pair?.key;
      if (isScalar(keyNode) && keyNode.range) return lines.linePos(keyNode.range[0]).line;
    }
    return lines.linePos(node.range[0]).line;
  }
  return 1;
}
