/**
 * Positional words in prose about a figure, checked against the drawing (issue 16). Mermaid's
 * layout engine decides where unconnected subgraphs go, so "on the left" or "in the top half" in
 * the text can be false of the figure a reader sees. These functions find such phrases in one
 * sentence, work out which part of the figure each is about (the part whose label the sentence
 * names), and compare the claim with the part's box (geometry.ts).
 *
 * What counts as a positional phrase (case-insensitive):
 * - a region: "on/at/to/in the left|right|top|bottom" (optionally "-hand", "side", "half", "edge",
 *   "corner", "end", "part"), when followed by punctuation or a verb-like word, so that "the right
 *   one" or "the right shard" (meaning the correct one) is not read as a position;
 * - a region: "left|right|top|bottom|upper|lower" + "half|side|part|box|branch|column|row|corner|panel|group|frame";
 * - a direction: "top to bottom", "left to right" and their reverses, checked against the
 *   direction the diagram is declared with.
 * Relative words ("above", "below", "the upper model implies the lower one") are not checked: in a
 * flowchart they follow the arrows, which the layout engine keeps; what it decides freely is
 * where side-by-side parts go, and that is what the regions cover.
 */
import { liesOn, whereIs, type FigureGeometry, type FigurePart, type Side } from './geometry.ts';

/** The direction a diagram is drawn in, in the words prose uses. */
export type Flow = 'top to bottom' | 'bottom to top' | 'left to right' | 'right to left';

export interface PositionalPhrase {
  /** The words as written. */
  text: string;
  /** Offset in the sentence. */
  start: number;
  end: number;
  /** A region claim's side, or a direction claim's flow. */
  side?: Side;
  flow?: Flow;
}

const FOLLOWERS = 'of|is|are|sits?|shows?|stands?|runs?|lies?|holds?|you|we|there|with|and|but|while|where|which|that';
const REGION_AFTER_THE = new RegExp(
  String.raw`\b(?:on|at|to|in|along|from)\s+the\s+(?:far\s+)?(left|right|top|bottom)(?:-hand|\s+hand)?` +
    String.raw`(?:\s+(?:side|half|edge|corner|end|part))?(?=\s*(?:[,.;:)!?]|$)|\s+(?:${FOLLOWERS})\b)`,
  'gi',
);
const REGION_NOUN =
  /\b(left|right|top|bottom|upper|lower)(?:-hand|\s+hand)?\s+(?:half|side|part|box|branch|column|row|corner|panel|group|frame)\b/gi;
const DIRECTION = /\b(top|left|bottom|right)\s+to\s+(bottom|right|top|left)\b/gi;

const SIDE_OF: Record<string, Side> = {
  left: 'left',
  right: 'right',
  top: 'top',
  bottom: 'bottom',
  upper: 'top',
  lower: 'bottom',
};

/** Every positional phrase of a sentence, in order; overlapping matches count once. */
export function findPositionalPhrases(sentence: string): PositionalPhrase[] {
  const found: PositionalPhrase[] = [];
  const add = (phrase: PositionalPhrase): void => {
    if (found.some((other) => phrase.start < other.end && other.start < phrase.end)) return;
    found.push(phrase);
  };
  for (const match of sentence.matchAll(DIRECTION)) {
    const from = match[1]?.toLowerCase();
    const to = match[2]?.toLowerCase();
    const flow = `${from} to ${to}`;
    if (!['top to bottom', 'bottom to top', 'left to right', 'right to left'].includes(flow)) continue;
    add({ text: match[0], start: match.index, end: match.index + match[0].length, flow: flow as Flow });
  }
  for (const pattern of [REGION_AFTER_THE, REGION_NOUN]) {
    for (const match of sentence.matchAll(pattern)) {
      const side = SIDE_OF[match[1]?.toLowerCase() ?? ''];
      if (side) add({ text: match[0], start: match.index, end: match.index + match[0].length, side });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Sentences of a paragraph with their offsets: split after . ! ? followed by space and a capital or quote. */
export function splitSentences(text: string): { text: string; start: number }[] {
  const sentences: { text: string; start: number }[] = [];
  let start = 0;
  for (const match of text.matchAll(/[.!?]["”’)]?\s+(?=["“‘(]?[A-Z0-9])/g)) {
    const end = match.index + match[0].length;
    sentences.push({ text: text.slice(start, end), start });
    start = end;
  }
  if (start < text.length) sentences.push({ text: text.slice(start), start });
  return sentences;
}

/** The direction a Mermaid source is drawn in: its header (`flowchart LR`), or top to bottom. */
export function diagramFlow(source: string): Flow {
  const lines = source.split('\n').map((line) => line.trim());
  const header = lines.find((line) => line !== '' && !line.startsWith('%%')) ?? '';
  const [type, direction] = header.split(/\s+/);
  let code = type === 'flowchart' || type === 'graph' ? direction : undefined;
  if (type === 'stateDiagram-v2' || type === 'stateDiagram') {
    // A state diagram's direction is a statement of its own, outside any composite state.
    let depth = 0;
    for (const line of lines.slice(1)) {
      if (depth === 0 && /^direction\s+\w+$/.test(line)) code = line.split(/\s+/)[1];
      depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
    }
  }
  switch (code?.toUpperCase()) {
    case 'LR':
      return 'left to right';
    case 'RL':
      return 'right to left';
    case 'BT':
      return 'bottom to top';
    default:
      return 'top to bottom';
  }
}

interface Mention {
  start: number;
  end: number;
  /** The parts with this name (two boxes may share a label, such as "Secondary"). */
  parts: FigurePart[];
  name: string;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A part's names in prose: its whole label and, for "Node 1: primary", the words before the colon. */
function namesOf(part: FigurePart): string[] {
  const names = [part.label];
  const head = part.label.split(/:\s/)[0]?.trim();
  if (head && head !== part.label && head.length >= 2) names.push(head);
  return names;
}

/** Where the sentence names parts of the figure, longest names first, never overlapping. */
function findMentions(sentence: string, parts: readonly FigurePart[]): Mention[] {
  const byName = new Map<string, FigurePart[]>();
  for (const part of parts) {
    for (const name of namesOf(part)) {
      const key = name.toLowerCase();
      byName.set(key, [...(byName.get(key) ?? []), part]);
    }
  }
  const mentions: Mention[] = [];
  for (const [name, named] of [...byName].sort((a, b) => b[0].length - a[0].length)) {
    const pattern = new RegExp(String.raw`(?<![\w-])${escape(name).replace(/\s+/g, String.raw`\s+`)}(?![\w-])`, 'gi');
    for (const match of sentence.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (mentions.some((other) => start < other.end && other.start < end)) continue;
      mentions.push({ start, end, parts: named, name: match[0] });
    }
  }
  return mentions;
}

/** The mention closest to a phrase; on a tie, the one after it ("on the left, the primary"). */
function nearest(phrase: PositionalPhrase, mentions: readonly Mention[]): Mention | undefined {
  const distance = (mention: Mention): number =>
    mention.start >= phrase.end ? mention.start - phrase.end : Math.max(0, phrase.start - mention.end) + 0.5;
  return [...mentions].sort((a, b) => distance(a) - distance(b))[0];
}

const CLAIM: Record<Side, string> = {
  left: 'on the left',
  right: 'on the right',
  top: 'in the top half',
  bottom: 'in the bottom half',
};

/** The figure a prose check compares with. */
export interface CheckedFigure {
  id: string;
  geometry: FigureGeometry;
  flow: Flow;
}

export interface PositionProblem {
  /** Offset of the phrase in the checked text. */
  offset: number;
  message: string;
}

function partList(parts: readonly FigurePart[]): string {
  const order = { subgraph: 0, participant: 1, node: 2, note: 3 };
  const labels = [
    ...new Set([...parts].sort((a, b) => order[a.kind] - order[b.kind]).map((part) => `"${part.label}"`)),
  ];
  return labels.length > 8 ? `${labels.slice(0, 8).join(', ')}, …` : labels.join(', ');
}

/**
 * Checks every positional phrase of `text` (a paragraph, list item, caption or text alternative
 * about `figure`) against the drawing. Returns one problem per phrase that is false or cannot be
 * checked, with the fix in its message.
 */
export function checkPositionalProse(text: string, figure: CheckedFigure): PositionProblem[] {
  const problems: PositionProblem[] = [];
  const { frame, parts } = figure.geometry;
  for (const sentence of splitSentences(text)) {
    const phrases = findPositionalPhrases(sentence.text);
    if (phrases.length === 0) continue;
    const mentions = findMentions(sentence.text, parts);
    for (const phrase of phrases) {
      const offset = sentence.start + phrase.start;
      if (phrase.flow) {
        if (phrase.flow !== figure.flow) {
          problems.push({
            offset,
            message:
              `"${phrase.text}" describes figure #${figure.id}, but it is drawn ${figure.flow}. ` +
              `Write "${figure.flow}", or change the direction the diagram is declared with.`,
          });
        }
        continue;
      }
      const side = phrase.side;
      if (!side) continue;
      const mention = nearest(phrase, mentions);
      if (!mention) {
        problems.push({
          offset,
          message:
            `"${phrase.text}" describes figure #${figure.id} but names no part of it, so it cannot be checked ` +
            `against the drawing. Name the part by its label in the same sentence (${partList(parts)}), ` +
            'or say it without a position.',
        });
        continue;
      }
      const wrong = mention.parts.find((part) => !liesOn(part.box, frame, side));
      if (wrong) {
        problems.push({
          offset,
          message:
            `"${phrase.text}" says "${wrong.label}" is ${CLAIM[side]} of figure #${figure.id}, but it is drawn ` +
            `${whereIs(wrong.box, frame)}. Describe it where it is drawn, name it without a position, ` +
            'or change the diagram.',
        });
      }
    }
  }
  return problems;
}
