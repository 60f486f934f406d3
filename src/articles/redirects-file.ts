/**
 * Reads content/redirects.json ourselves, so that a mistake names the file, the line and the fix:
 * Vite's JSON import reports a trailing comma as a plugin error with a Rust backtrace and no file
 * name. Pure: tests call it on small named texts.
 */
import { redirectsSchema, type Redirects } from '../schemas/redirect.ts';
import { AuthorError } from '../loaders/author-error.ts';

/** 1-based line and column of a character offset. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Why JSON.parse failed, as `line:column: reason. Fix: …`, with the usual causes spelt out. */
function syntaxProblem(text: string, error: Error): string {
  const offset = Number(/position (\d+)/.exec(error.message)?.[1] ?? text.length);
  // A trailing comma: the parser stops at the } or ] after it; name the comma's own line.
  const comma = /,\s*$/.exec(text.slice(0, offset));
  if (comma && /^\s*[}\]]/.test(text.slice(offset))) {
    const at = position(text, comma.index);
    return `${at.line}:${at.column}: a comma after the last entry, which JSON does not allow. Fix: remove that comma.`;
  }
  const at = position(text, Math.min(offset, text.length));
  const reason = error.message.replace(/ in JSON at position \d+.*$/, '').replace(/\.$/, '');
  return (
    `${at.line}:${at.column}: not valid JSON (${reason}). Fix: write one "old path": "new path" pair per line, ` +
    'in double quotes, separated by commas, inside { }.'
  );
}

/** The redirects in `text`, validated; any mistake throws one message with the file and line. */
export function parseRedirects(text: string, file = 'content/redirects.json'): Redirects {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new AuthorError(`${file}:${syntaxProblem(text, error as Error)}`);
  }
  const parsed = redirectsSchema.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = issue.path[0];
      const offset = typeof key === 'string' ? text.indexOf(JSON.stringify(key)) : -1;
      const where = offset >= 0 ? `${file}:${position(text, offset).line}` : file;
      const what = typeof key === 'string' ? `"${key}"` : 'the file';
      return `${where}: ${what}: ${issue.message}. Fix: see docs/AUTHORING.md, "A moved or removed page".`;
    });
    throw new AuthorError(lines.join('\n'));
  }
  for (const [from, to] of Object.entries(parsed.data)) {
    if (from === to) {
      const line = position(text, text.indexOf(JSON.stringify(from))).line;
      throw new AuthorError(
        `${file}:${line}: "${from}" redirects to itself. Fix: point it at the page that replaced it, or remove the entry.`,
      );
    }
  }
  return parsed.data;
}
