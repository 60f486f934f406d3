/**
 * Reads a redis.conf or sentinel.conf file into directives, the way Redis 7.0 itself reads it
 * (loadServerConfigFromString in src/config.c, sdssplitargs in src/sds.c):
 *
 * - each line is trimmed; an empty line or one whose first character is `#` is skipped, so a
 *   comment needs a line of its own (a `#` after a directive is one more argument);
 * - the rest splits into arguments at spaces and tabs; an argument may be "double quoted" (with
 *   the escapes \n \r \t \b \a \xHH, and a backslash before any other character keeping it) or
 *   'single quoted' (only \' is an escape); a closing quote must be followed by a space or the end
 *   of the line, and a quote that is never closed is an error;
 * - the directive name is case-insensitive (Redis lowers it).
 */
import { problem, type Problem } from '../problem.ts';

export interface Directive {
  /** The directive's name, lower-cased as Redis reads it: `bind`, `sentinel`. */
  readonly name: string;
  /** The arguments after the name, unquoted. */
  readonly args: readonly string[];
  /** 1-based line number in the file. */
  readonly line: number;
}

export interface ConfLines {
  readonly directives: readonly Directive[];
  readonly problems: readonly Problem[];
}

const SPACE = /[ \t\n\r\v\f]/;
const HEX = /^[0-9a-fA-F]{2}$/;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', a: '\x07' };

/** Splits one line into arguments; undefined when its quotes are unbalanced (Redis refuses the line). */
export function splitArgs(line: string): string[] | undefined {
  const args: string[] = [];
  let i = 0;
  for (;;) {
    while (i < line.length && SPACE.test(line[i] ?? '')) i++;
    if (i >= line.length) return args;
    let current = '';
    let quote: '"' | "'" | undefined;
    for (;;) {
      const c = line[i];
      if (quote === '"') {
        if (c === undefined) return undefined;
        if (c === '\\' && line[i + 1] === 'x' && HEX.test(line.slice(i + 2, i + 4))) {
          current += String.fromCharCode(parseInt(line.slice(i + 2, i + 4), 16));
          i += 4;
          continue;
        }
        if (c === '\\' && i + 1 < line.length) {
          const next = line[i + 1] ?? '';
          current += ESCAPES[next] ?? next;
          i += 2;
          continue;
        }
        if (c === '"') {
          if (i + 1 < line.length && !SPACE.test(line[i + 1] ?? '')) return undefined;
          i++;
          break;
        }
        current += c;
        i++;
      } else if (quote === "'") {
        if (c === undefined) return undefined;
        if (c === '\\' && line[i + 1] === "'") {
          current += "'";
          i += 2;
          continue;
        }
        if (c === "'") {
          if (i + 1 < line.length && !SPACE.test(line[i + 1] ?? '')) return undefined;
          i++;
          break;
        }
        current += c;
        i++;
      } else {
        if (c === undefined || SPACE.test(c)) break;
        // A quote inside a bare word opens a quoted part, as in Redis.
        if (c === '"' || c === "'") quote = c;
        else current += c;
        i++;
      }
    }
    args.push(current);
  }
}

/** Reads every directive of a file; an unbalanced quote is a problem naming its line. */
export function readConfLines(file: string, text: string): ConfLines {
  const directives: Directive[] = [];
  const problems: Problem[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const words = splitArgs(line);
    if (words === undefined) {
      // An apostrophe in a comment written after a directive opens a quote that never closes.
      const comment = / #/.test(line)
        ? ' If the quote is in a comment after the directive: a "#" there does not start a comment, so move the comment to a line of its own.'
        : '';
      problems.push(
        problem(
          file,
          `line ${index + 1}`,
          'unbalanced-quotes',
          `a quote is not closed, or a closing quote is followed by something other than a space; Redis refuses the file ("Unbalanced quotes in configuration line"). Fix: close the quote, and put a space after it.${comment}`,
        ),
      );
      return;
    }
    const [name, ...args] = words;
    if (name !== undefined) directives.push({ name: name.toLowerCase(), args, line: index + 1 });
  });
  return { directives, problems };
}

/** Replaces the arguments of every `name` directive, keeping the rest of the file as it is. */
export function replaceDirective(text: string, name: string, value: (line: number) => string): string {
  return text
    .split('\n')
    .map((raw, index) => {
      const words = raw.trim().startsWith('#') ? undefined : splitArgs(raw);
      return words?.[0]?.toLowerCase() === name ? `${name} ${value(index + 1)}` : raw;
    })
    .join('\n');
}
