import { parseDocument, type Document } from 'yaml';
import { problem, type Problem } from './problem.ts';

/**
 * Patroni reads its configuration with PyYAML and etcd with a YAML 1.1
 * reader, so we parse as YAML 1.1 as well: there `off`, `on`, `yes` and `no`
 * are booleans. Parsing as YAML 1.2 would accept `mode: off` as the string
 * "off" and hide the bug that Patroni would then report.
 */
export const YAML_OPTIONS = { version: '1.1', uniqueKeys: true, prettyErrors: true } as const;

export interface ParsedYaml {
  /** The parsed document (kept for comment-preserving edits). */
  readonly document: Document.Parsed;
  /** Plain JavaScript value of the document; `undefined` when parsing failed. */
  readonly value: unknown;
  /** YAML syntax errors, as problems. */
  readonly problems: readonly Problem[];
}

/** Parses YAML text the way the lab's programs will read it. */
export function parseYaml(file: string, text: string): ParsedYaml {
  const document = parseDocument(text, YAML_OPTIONS);
  const problems = document.errors.map((error) => {
    const [line, column] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [0, 0];
    // With prettyErrors the message ends with " at line L, column C:" and the
    // source line; we keep the reason and report the position ourselves.
    const reason = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
    return problem(file, '(file)', 'yaml-syntax', `YAML syntax error at line ${line}, column ${column}: ${reason}`);
  });
  return { document, value: problems.length === 0 ? document.toJS() : undefined, problems };
}
