import type { z } from 'astro/zod';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { questionSchema, type Question } from '../schemas/question.ts';

/** The corpus of questions, relative to the site's root. */
export const QUESTIONS_FILE = 'content/questions.yaml';

/** Where the format is documented, for hints. */
const FORMAT_DOC = 'docs/QUESTIONS.md';

/** A question read from the file, with the line its entry starts on. */
export interface LocatedQuestion {
  line: number;
  question: Question;
}

/** The result of reading the file: valid questions in file order, and one message per problem. */
export interface QuestionsFile {
  questions: LocatedQuestion[];
  problems: string[];
}

interface ParsedFile {
  document: Document.Parsed;
  lines: LineCounter;
}

function parse(text: string): ParsedFile {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  return { document, lines };
}

/** The 1-based line a node starts on. */
function lineOfNode(node: Node | null | undefined, lines: LineCounter): number | undefined {
  return node?.range ? lines.linePos(node.range[0]).line : undefined;
}

/**
 * The line of `path` inside an entry: the key's line when the path leads to a key that is
 * there, else the line of the deepest part that is, else the entry's own line.
 */
function lineOfPath(entry: Node, path: readonly PropertyKey[], lines: LineCounter): number | undefined {
  let node: unknown = entry;
  let line = lineOfNode(entry, lines);
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (!pair) break;
      line = lineOfNode(pair.key as Node, lines) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (!item) break;
      line = lineOfNode(item, lines) ?? line;
      node = item;
    } else {
      break;
    }
  }
  return line;
}

/** `answer: must be …`, or the bare message for an issue with the whole entry. */
function describeIssue(issue: z.core.$ZodIssue): { path: PropertyKey[]; text: string } {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return {
      path: [key],
      text:
        `${key}: is not a field of a question (fields: ${Object.keys(questionSchema.shape).join(', ')}); ` +
        `check its spelling (see ${FORMAT_DOC})`,
    };
  }
  const path = issue.path;
  return { path, text: path.length > 0 ? `${path.map(String).join('.')}: ${issue.message}` : issue.message };
}

/**
 * Reads and checks content/questions.yaml: a YAML list of questions, each valid against the
 * question schema, with ids unique across the file. Every problem is one message that starts
 * with the file and line (`content/questions.yaml:12 (patroni-pause): answer: …`) and ends with
 * how to fix it. Valid entries come back in file order either way.
 */
export function readQuestionsFile(text: string, file = QUESTIONS_FILE): QuestionsFile {
  const { document, lines } = parse(text);
  const problems: string[] = [];
  for (const error of document.errors) {
    const line = error.linePos?.[0]?.line ?? 1;
    // With prettyErrors the message ends with " at line L, column C:" and the source line.
    const reason = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
    problems.push(`${file}:${line}: YAML syntax error: ${reason}`);
  }
  if (problems.length > 0) return { questions: [], problems };
  const contents = document.contents;
  if (contents === null) return { questions: [], problems: [] };
  if (!isSeq(contents)) {
    return {
      questions: [],
      problems: [
        `${file}:${lineOfNode(contents, lines) ?? 1}: must be a YAML list of questions, each starting with "- id: …" ` +
          `(see ${FORMAT_DOC})`,
      ],
    };
  }
  const questions: LocatedQuestion[] = [];
  const firstLineOfId = new Map<string, number>();
  contents.items.forEach((item, index) => {
    const entry = item as Node;
    const line = lineOfNode(entry, lines) ?? 1;
    const raw: unknown = isMap(entry) ? entry.toJSON() : undefined;
    const rawId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
    const label = typeof rawId === 'string' && rawId !== '' ? rawId : `entry ${index + 1}`;
    if (!isMap(entry)) {
      problems.push(
        `${file}:${line} (${label}): must be a question with the fields id, question, askedAt, … (see ${FORMAT_DOC})`,
      );
      return;
    }
    const earlier = typeof rawId === 'string' ? firstLineOfId.get(rawId) : undefined;
    if (typeof rawId === 'string' && earlier !== undefined) {
      problems.push(
        `${file}:${lineOfPath(entry, ['id'], lines) ?? line} (${rawId}): id: "${rawId}" is already the id of the ` +
          `question at line ${earlier}; ids are permanent anchors (/questions/#${rawId}), so give this question ` +
          'an id of its own',
      );
    } else if (typeof rawId === 'string') {
      firstLineOfId.set(rawId, line);
    }
    const result = questionSchema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const { path, text: message } = describeIssue(issue);
        problems.push(`${file}:${lineOfPath(entry, path, lines) ?? line} (${label}): ${message}`);
      }
      return;
    }
    if (earlier !== undefined) return;
    questions.push({ line, question: result.data });
  });
  return { questions, problems };
}

/**
 * The entries whose explainedBy is `href`, with the line of that field: where a dead explaining
 * link on the questions page comes from, for the link check's message.
 */
export function explainedByLines(text: string, href: string): { id: string; line: number }[] {
  const { document, lines } = parse(text);
  const contents = document.contents;
  if (!isSeq(contents)) return [];
  const found: { id: string; line: number }[] = [];
  for (const item of contents.items) {
    if (!isMap(item)) continue;
    const pair = item.items.find((candidate) => isScalar(candidate.key) && candidate.key.value === 'explainedBy');
    if (!pair || !isScalar(pair.value) || pair.value.value !== href) continue;
    const id = item.get('id');
    found.push({ id: typeof id === 'string' ? id : '?', line: lineOfNode(pair.key as Node, lines) ?? 1 });
  }
  return found;
}

/**
 * The link check's message for a dead explaining link on the questions page: one line per entry
 * that uses it, naming the file, the line and the fix. Empty when no entry has that explainedBy
 * (the dead link then came from elsewhere on the page).
 */
export function describeDeadExplainedBy(
  text: string,
  href: string,
  reason: 'missing page' | 'missing anchor',
  file = QUESTIONS_FILE,
): string[] {
  const fix =
    reason === 'missing page'
      ? 'that article does not exist (renamed or removed?): point explainedBy at the section that explains the answer now'
      : 'that article has no heading with this id: point explainedBy at the section that explains the answer, with ' +
        'the heading id as it appears after # in the article (or restore the heading)';
  return explainedByLines(text, href).map(
    ({ id, line }) => `${file}:${line} (${id}): explainedBy: ${href} (${reason}): ${fix}`,
  );
}
