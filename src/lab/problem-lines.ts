/**
 * Puts a line number on a lab problem: `patroni/node1.yml: etcd: …` becomes
 * `content/lab/patroni/node1.yml:23: etcd: …`, the line of the key (or of its section in
 * haproxy.cfg). Pure.
 */
import { lineOfPath, parseLocated } from '../loaders/yaml-lines.ts';
import { parseHaproxyCfg } from './haproxy-cfg.ts';
import type { Problem } from './problem.ts';

/** The 1-based line a problem is about, in the file's `text`. */
export function lineOfProblem(problem: Problem, text: string): number {
  const stated = /\bline (\d+)/.exec(`${problem.key} ${problem.message}`)?.[1];
  if (stated) return Number(stated);
  if (problem.key === '(file)') return 1;
  // redis.conf and sentinel.conf are not YAML: their problems state their line, or are about the whole file.
  if (problem.file.endsWith('.conf')) return 1;
  if (problem.file.endsWith('.cfg')) {
    const [kind, name] = problem.key.split(' ');
    return parseHaproxyCfg(text).find((section) => section.kind === kind && section.name === name)?.line ?? 1;
  }
  const segments = problem.key.split('.').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  const last = segments.at(-1);
  return lineOfPath(parseLocated(text), segments.slice(0, -1), typeof last === 'string' ? last : undefined);
}

/** `content/lab/<file>:<line>: <what is wrong and the fix>`. */
export function problemLine(problem: Problem, text: string): string {
  const rest = problem.message.startsWith(`${problem.file}: `)
    ? problem.message.slice(problem.file.length + 2)
    : problem.message;
  return `content/lab/${problem.file}:${lineOfProblem(problem, text)}: ${rest}`;
}
