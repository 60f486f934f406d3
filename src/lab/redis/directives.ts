/**
 * Turns the directives of a redis.conf or sentinel.conf file into a record that a Zod schema can
 * check: each directive the lab's reader knows becomes one key, with its arguments as a string
 * (directives with one argument), a list of strings (directives with several) or a fixed-length
 * tuple. What Redis would refuse at start-up is reported here, with its line: an unknown
 * directive, the wrong number of arguments (most often a comment written after a directive), and
 * a directive set twice, which Redis accepts but which leaves one of the two lines without effect.
 */
import { problem, type Problem } from '../problem.ts';
import { closestKey } from '../schema-problems.ts';
import type { Directive } from './conf-lines.ts';

/** How many arguments a directive takes: exactly one, one or more, or exactly n (a tuple). */
export type Arity = 'one' | 'many' | number;

export interface DirectiveSpec {
  readonly arity: Arity;
}

export type DirectiveTable = Readonly<Record<string, DirectiveSpec>>;

export interface DirectiveRecord {
  /** Each known directive's arguments: a string (`one`) or a list of strings. */
  readonly values: Record<string, string | string[]>;
  /** The line each directive is on, for messages. */
  readonly lines: Record<string, number>;
  readonly problems: readonly Problem[];
}

/** Old names Redis 7.0 still accepts, and the names to write instead. */
export const RENAMED_DIRECTIVES: Readonly<Record<string, string>> = {
  slaveof: 'replicaof',
  'slave-announce-ip': 'replica-announce-ip',
  'slave-announce-port': 'replica-announce-port',
  'min-slaves-to-write': 'min-replicas-to-write',
  'min-slaves-max-lag': 'min-replicas-max-lag',
  'slave-priority': 'replica-priority',
  'slave-read-only': 'replica-read-only',
  'cluster-slave-validity-factor': 'cluster-replica-validity-factor',
};

function arityText(arity: Arity): string {
  if (arity === 'one') return 'exactly one argument';
  if (arity === 'many') return 'one or more arguments';
  return `exactly ${arity} arguments`;
}

function arityFits(arity: Arity, count: number): boolean {
  if (arity === 'one') return count === 1;
  if (arity === 'many') return count >= 1;
  return count === arity;
}

/**
 * Converts directives with `table`. `keyOf` names a directive in messages and in the record
 * (`bind`; `sentinel monitor` for Sentinel's sub-directives).
 */
export function directiveRecord(
  file: string,
  directives: readonly (Directive & { key: string })[],
  table: DirectiveTable,
): DirectiveRecord {
  const values: Record<string, string | string[]> = {};
  const lines: Record<string, number> = {};
  const problems: Problem[] = [];
  const known = Object.keys(table);
  for (const d of directives) {
    const where = `${d.key} (line ${d.line})`;
    const spec = table[d.key];
    if (!spec) {
      const renamed = RENAMED_DIRECTIVES[d.key];
      const near = closestKey(d.key, known);
      const fix = renamed
        ? `"${d.key}" is the old name of "${renamed}". Fix: write ${renamed}.`
        : near
          ? `Fix: did you mean "${near}"?`
          : 'Fix: remove it, or check the spelling against https://github.com/redis/redis/blob/7.0/redis.conf.';
      problems.push(problem(file, where, 'unknown-directive', `not a directive the lab's reader knows. ${fix}`));
      continue;
    }
    if (!arityFits(spec.arity, d.args.length)) {
      const comment = d.args.findIndex((a) => a.startsWith('#'));
      const fix =
        comment >= 0
          ? `a "#" after a directive is not a comment in a Redis configuration file but one more argument ("${d.args.slice(comment).join(' ')}"), so Redis refuses the file. Fix: move the comment to a line of its own.`
          : `Redis refuses the file ("wrong number of arguments"). Fix: give it ${arityText(spec.arity)}.`;
      problems.push(
        problem(file, where, 'argument-count', `takes ${arityText(spec.arity)}, not ${d.args.length}; ${fix}`),
      );
      continue;
    }
    const earlier = lines[d.key];
    if (earlier !== undefined) {
      problems.push(
        problem(
          file,
          where,
          'set-twice',
          `is already set on line ${earlier}; Redis keeps only one of the two, so one line has no effect. Fix: keep one.`,
        ),
      );
      continue;
    }
    values[d.key] = spec.arity === 'one' ? (d.args[0] ?? '') : [...d.args];
    lines[d.key] = d.line;
  }
  return { values, lines, problems };
}
