/**
 * Reads content/redirects.json ourselves, so that a mistake names the file, the line and the fix:
 * Vite's JSON import reports a trailing comma as a plugin error with a Rust backtrace and no file
 * name. Pure: tests call it on small named texts.
 */
import { redirectsSchema, type Redirects } from '../schemas/redirect.ts';
import { AuthorError } from '../loaders/author-error.ts';
import { jsonSyntaxProblem, textPosition as position } from '../loaders/json-text.ts';

/** The redirects in `text`, validated; any mistake throws one message with the file and line. */
export function parseRedirects(text: string, file = 'content/redirects.json'): Redirects {
  const syntax = jsonSyntaxProblem(
    text,
    'write one "old path": "new path" pair per line, in double quotes, separated by commas, inside { }.',
  );
  if (syntax !== undefined) throw new AuthorError(`${file}:${syntax}`);
  const data: unknown = JSON.parse(text);
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
