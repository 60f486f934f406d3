/**
 * One configuration file through the three steps every lab file of the Redis family takes: its
 * lines (conf-lines.ts), its directives (directives.ts), then its schema. Problems name the file,
 * the directive and its line: `redis/replication/redis2.conf: replicaof (line 45): ...`.
 */
import type { z } from 'zod';
import { problem, type Problem } from '../problem.ts';
import { readConfLines, type Directive } from './conf-lines.ts';
import { directiveRecord, type DirectiveTable } from './directives.ts';

export interface ReadConf<T> {
  /** The typed configuration; undefined when the file has any problem. */
  readonly config: T | undefined;
  /** The line of each directive, by key. */
  readonly lines: Readonly<Record<string, number>>;
  /** Every directive, in file order, with the key it is read under. */
  readonly directives: readonly (Directive & { key: string })[];
  readonly problems: readonly Problem[];
}

/** The key a directive is read under: its name, or "sentinel <option>" for Sentinel's lines. */
export function directiveKey(d: Directive): string {
  return d.name === 'sentinel' && d.args[0] !== undefined ? `sentinel ${d.args[0].toLowerCase()}` : d.name;
}

/** `key (line N)` when the directive is in the file, else `key`. */
export function where(key: string, lines: Readonly<Record<string, number>>): string {
  const line = lines[key];
  return line === undefined ? key : `${key} (line ${line})`;
}

/**
 * Reads `text` with the directive `table` and checks it against `schema`. `docs` is the reference
 * a value problem points to for the values a directive accepts.
 */
export function readConf<S extends z.ZodType>(
  file: string,
  text: string,
  table: DirectiveTable,
  schema: S,
  docs: string,
): ReadConf<z.infer<S>> {
  const read = readConfLines(file, text);
  const directives = read.directives.map((d) => {
    const key = directiveKey(d);
    // Sentinel's own lines drop the option name from their arguments.
    return { ...d, key, args: key === d.name ? d.args : d.args.slice(1) };
  });
  const record = directiveRecord(file, directives, table);
  const problems: Problem[] = [...read.problems, ...record.problems];
  const result = schema.safeParse(record.values);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (issue.code === 'invalid_type' && record.values[key] === undefined) {
        problems.push(
          problem(file, key, 'required', `is missing. Fix: add a "${key}" line (see the lab's own files).`),
        );
      } else {
        const value = record.values[key];
        const shown = Array.isArray(value) ? value.join(' ') : value;
        problems.push(
          problem(
            file,
            where(key, record.lines),
            issue.code,
            `"${shown ?? ''}": ${issue.message}. Fix: see ${key} in ${docs} for the values it takes.`,
          ),
        );
      }
    }
  }
  return {
    config: problems.length === 0 && result.success ? result.data : undefined,
    lines: record.lines,
    directives,
    problems,
  };
}
